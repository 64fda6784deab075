package vn.danvan.directive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.Administrators;

/**
 * Amending a directive, for administrators ({@code camunda-admin}), HTTP Basic like the engine's
 * REST API; anyone else gets 403, nobody signed in 401: {@code POST
 * /api/van-ban/{processDefinitionKey}/chuyen-phien-ban} {@code {"toVersion": 2, "dryRun": true}}
 * moves the running instances of the older versions to {@code toVersion} (default: the latest); a
 * dry run only reports. A real run that some instance cannot follow is refused (400) with the same
 * report, and nothing moves. See {@link Amendments}.
 */
@RestController
@RequestMapping(value = "/api/van-ban", produces = MediaType.APPLICATION_JSON_VALUE)
class AmendmentApi {

  private final IdentityService identity;
  private final Amendments amendments;

  AmendmentApi(ProcessEngine engine, Amendments amendments) {
    this.identity = engine.getIdentityService();
    this.amendments = amendments;
  }

  @PostMapping("/{key}/chuyen-phien-ban")
  ResponseEntity<?> amend(
      @PathVariable String key, @RequestBody(required = false) Map<String, Object> request) {
    if (Administrators.signedIn(identity) == null) {
      return Administrators.refused("chuyển phiên bản văn bản");
    }
    Map<String, Object> asked = request == null ? Map.of() : request;
    Object dryRun = asked.getOrDefault("dryRun", false);
    if (!(dryRun instanceof Boolean)) {
      throw new InvalidInputException("dryRun phải là true hoặc false (dryRun)");
    }
    Object version = asked.get("toVersion");
    if (version != null && !(version instanceof Integer number && number > 0)) {
      throw new InvalidInputException(
          "toVersion phải là số phiên bản (số nguyên dương), bỏ trống là phiên bản mới nhất");
    }
    Amendments.Result result = amendments.amend(key, (Integer) version, (Boolean) dryRun);
    if (!result.dryRun() && result.refused()) {
      Map<String, Object> refusal = new LinkedHashMap<>();
      refusal.put("type", "InvalidInputException");
      refusal.put(
          "message",
          "Không chuyển phiên bản: có phiên văn bản không chuyển được (xem instances),"
              + " không phiên nào được chuyển");
      refusal.put("result", result);
      return ResponseEntity.badRequest().body(refusal);
    }
    return ResponseEntity.ok(result);
  }
}
