package vn.danvan.org;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The product's APIs that only administrators ({@code camunda-admin}) may call. */
public final class Administrators {

  private Administrators() {}

  /** The signed-in administrator's id (Camunda's REST filter sets who is signed in), else null. */
  public static String signedIn(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return is(current) ? current.getUserId() : null;
  }

  /** Whether the caller (null: nobody signed in) is an administrator. */
  public static boolean is(Authentication caller) {
    return caller != null
        && caller.getGroupIds() != null
        && caller.getGroupIds().contains(Role.ADMIN.groupId());
  }

  /** 403, saying in Vietnamese that only administrators may do {@code what}. */
  public static ResponseEntity<Map<String, Object>> refused(String what) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(
            Map.of(
                "type",
                "AuthorizationException",
                "message",
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được " + what));
  }
}
