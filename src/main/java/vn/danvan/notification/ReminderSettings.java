package vn.danvan.notification;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each person turns their own reminder e-mails ("nhắc hạn") off or on: {@code GET/PUT
 * /api/thong-bao/nhac-han} with {@code {"nhacHan": false}}, HTTP Basic as for the engine's REST
 * API. Chases and other notices still come.
 */
@RestController
@RequestMapping("/api/thong-bao/nhac-han")
class ReminderSettings {

  private final IdentityService identity;

  ReminderSettings(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> read() {
    String user = user();
    if (user == null) {
      return unauthenticated();
    }
    return ResponseEntity.ok(
        Map.of(
            "nguoiDung",
            user,
            "nhacHan",
            !Notifications.OFF.equals(identity.getUserInfo(user, Notifications.REMINDERS))));
  }

  @PutMapping
  ResponseEntity<Map<String, Object>> change(@RequestBody Map<String, Object> body) {
    String user = user();
    if (user == null) {
      return unauthenticated();
    }
    if (!(body.get("nhacHan") instanceof Boolean on)) {
      return ResponseEntity.badRequest()
          .body(
              Map.of(
                  "type",
                  "InvalidInputException",
                  "message",
                  "nhacHan phải là true (nhận thư nhắc hạn) hoặc false (không nhận)"));
    }
    if (on) {
      identity.deleteUserInfo(user, Notifications.REMINDERS);
    } else {
      identity.setUserInfo(user, Notifications.REMINDERS, Notifications.OFF);
    }
    return ResponseEntity.ok(Map.of("nguoiDung", user, "nhacHan", on));
  }

  private String user() {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  private static ResponseEntity<Map<String, Object>> unauthenticated() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .body(Map.of("type", "AuthenticationException", "message", "Cần đăng nhập (HTTP Basic)"));
  }
}
