package vn.danvan.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;

/**
 * Who calls one of the product's own APIs that both the webapps (their session) and API clients
 * (HTTP Basic) use: the person signed in to the webapps, else the HTTP Basic user whose password
 * the engine accepts, with their groups; null for anyone else.
 */
public final class Callers {

  /** The session attribute of the webapps' CSRF token (Camunda's CsrfPreventionFilter). */
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private Callers() {}

  /** The caller's login id; null for anyone not signed in. */
  public static String user(HttpServletRequest request, ProcessEngine engine) {
    Authentication caller = of(request, engine);
    return caller == null ? null : caller.getUserId();
  }

  /** The caller with their groups; null for anyone not signed in. */
  public static Authentication of(HttpServletRequest request, ProcessEngine engine) {
    UserAuthentication session = RestSecurityConfiguration.sessionUser(request, engine);
    if (session != null) {
      return new Authentication(
          session.getIdentityId(),
          session.getGroupIds() == null ? List.of() : List.copyOf(session.getGroupIds()));
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    String[] pair;
    try {
      pair =
          new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8)
              .split(":", 2);
    } catch (IllegalArgumentException malformed) {
      return null; // not Base64: not signed in (401), not a server error
    }
    if (pair.length != 2 || !engine.getIdentityService().checkPassword(pair[0], pair[1])) {
      return null;
    }
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(pair[0]).list().stream()
            .map(Group::getId)
            .toList();
    return new Authentication(pair[0], groups);
  }

  /**
   * Whether a write in the webapps' session carries the session's CSRF token ({@code X-XSRF-TOKEN},
   * as the webapps' own requests do); a caller without a session (HTTP Basic) needs none.
   */
  public static boolean csrfTokenMatches(HttpServletRequest request, ProcessEngine engine) {
    if (RestSecurityConfiguration.sessionUser(request, engine) == null) {
      return true;
    }
    Object token = request.getSession(false).getAttribute(CSRF_SESSION_ATTRIBUTE);
    return token != null && token.equals(request.getHeader("X-XSRF-TOKEN"));
  }
}
