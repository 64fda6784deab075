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
 * Who calls one of the product's own APIs: the person signed in to a webapp (Tasklist, Cockpit: the
 * session) or an API client's HTTP Basic login.
 */
public final class SignedIn {

  private SignedIn() {}

  /** The caller's login id: the webapp's session, else HTTP Basic; null if neither. */
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
