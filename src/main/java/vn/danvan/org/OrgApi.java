package vn.danvan.org;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;

/**
 * Restructuring for administrators ({@code camunda-admin}), HTTP Basic like the engine's REST API;
 * anyone else gets 403, nobody signed in 401:
 *
 * <ul>
 *   <li>{@code POST /api/to-chuc/don-vi/{id}/ket-thuc} {@code {"validTo": "30/06/2025",
 *       "successors": ["soNoiVu"], "dryRun": true, "reason": "…"}}: ends a body; a dry run lists
 *       the open work that will move and changes nothing;
 *   <li>{@code POST /api/to-chuc/tai-lai}: reads the registry file again, without a restart;
 *   <li>{@code GET /api/to-chuc/chuyen-giao?donVi=…}: the record of moves.
 * </ul>
 */
@RestController
@RequestMapping(value = "/api/to-chuc", produces = MediaType.APPLICATION_JSON_VALUE)
class OrgApi {

  private final IdentityService identity;
  private final Restructuring restructuring;

  OrgApi(ProcessEngine engine, Restructuring restructuring) {
    this.identity = engine.getIdentityService();
    this.restructuring = restructuring;
  }

  @PostMapping("/don-vi/{id}/ket-thuc")
  ResponseEntity<?> end(@PathVariable String id, @RequestBody Map<String, Object> ending) {
    String admin = administrator();
    if (admin == null) {
      return denied();
    }
    LocalDate validTo = Inputs.date(ending.get("validTo"), "validTo", "Ngày kết thúc");
    List<String> successors = ids(ending.get("successors"));
    Object dryRun = ending.getOrDefault("dryRun", false);
    if (!(dryRun instanceof Boolean)) {
      throw new InvalidInputException("dryRun phải là true hoặc false (dryRun)");
    }
    Object reason = ending.get("reason");
    return ResponseEntity.ok(
        asSystem(
            () ->
                restructuring.end(
                    id,
                    validTo,
                    successors,
                    (Boolean) dryRun,
                    reason == null ? null : String.valueOf(reason),
                    admin)));
  }

  @PostMapping("/tai-lai")
  ResponseEntity<?> reload() {
    String admin = administrator();
    if (admin == null) {
      return denied();
    }
    try {
      return ResponseEntity.ok(asSystem(() -> restructuring.reload(admin)));
    } catch (OrgRegistryException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  @GetMapping("/chuyen-giao")
  ResponseEntity<?> moves(@RequestParam(required = false) String donVi) {
    if (administrator() == null) {
      return denied();
    }
    return ResponseEntity.ok(
        restructuring.movesOf(donVi == null || donVi.isBlank() ? null : donVi.trim()));
  }

  /** The signed-in administrator (Camunda's REST filter signed them in), or null. */
  private String administrator() {
    return Administrators.signedIn(identity);
  }

  /** Moving work is the system's bookkeeping: it runs without one person's authorizations. */
  private <T> T asSystem(java.util.function.Supplier<T> work) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(current);
    }
  }

  private static ResponseEntity<Map<String, Object>> denied() {
    return Administrators.refused("thay đổi tổ chức");
  }

  private static List<String> ids(Object value) {
    List<String> ids;
    if (value instanceof String text) {
      ids = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    } else if (value instanceof Collection<?> list
        && list.stream().allMatch(item -> item instanceof String)) {
      ids = list.stream().map(item -> ((String) item).trim()).toList();
    } else if (value == null) {
      ids = List.of();
    } else {
      throw new InvalidInputException(
          "Đơn vị kế thừa phải là danh sách mã đơn vị, ví dụ [\"soNoiVu\"] (successors)");
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new InvalidInputException("Đơn vị kế thừa có mã trùng (successors)");
    }
    return ids;
  }
}
