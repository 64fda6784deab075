package vn.danvan.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;

/**
 * Who calls one of the product's APIs that the webapps open too ({@code /api/bang-theo-doi}, {@code
 * /api/bao-cao-tong-hop}): the webapp's session (Cockpit, Tasklist), else HTTP Basic.
 */
public final class ApiCallers {

  private ApiCallers() {}

  /** The caller's user id; null when neither a session nor valid credentials sign them in. */
  public static String user(HttpServletRequest request, ProcessEngine engine) {
    if (request.getSession(false) != null) {
      Authentications auths = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
      if (auths != null
          && auths.getAuthenticationForProcessEngine(engine.getName())
              instanceof UserAuthentication user) {
        return user.getIdentityId();
      }
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.startsWith("Basic ")) {
      String[] pair;
      try {
        pair =
            new String(
                    Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8)
                .split(":", 2);
      } catch (IllegalArgumentException malformed) {
        return null; // not Base64: not signed in (401), not a server error
      }
      if (pair.length == 2 && engine.getIdentityService().checkPassword(pair[0], pair[1])) {
        return pair[0];
      }
    }
    return null;
  }
}
