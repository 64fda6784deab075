package vn.danvan.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.danvan.org.Administrators;

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

  /** 401: nobody is signed in (neither HTTP Basic nor a webapp's session). */
  public static ResponseEntity<Map<String, Object>> signInFirst() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .body(
            Map.of(
                "type",
                "AuthenticationException",
                "message",
                "Cần đăng nhập (HTTP Basic hoặc phiên của webapp)"));
  }

  /**
   * Who may call an administrators' API, as its answer: 401 for nobody signed in, 403 for anyone
   * but an administrator ({@code what}: what only they may do), 403 for a write in the webapps'
   * session without its CSRF token; null for an administrator who may go on.
   */
  public static ResponseEntity<Map<String, Object>> administratorRefusal(
      HttpServletRequest request, ProcessEngine engine, String what, boolean write) {
    Authentication caller = of(request, engine);
    if (caller == null) {
      return signInFirst();
    }
    if (!Administrators.is(caller)) {
      return Administrators.refused(what);
    }
    if (write && !csrfTokenMatches(request, engine)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(
              Map.of(
                  "type",
                  "AuthorizationException",
                  "message",
                  "Thiếu mã chống giả mạo yêu cầu (X-XSRF-TOKEN) của phiên: tải lại trang rồi gửi"
                      + " lại"));
    }
    return null;
  }
}
