package vn.danvan.rehearsal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.document.Downloads;
import vn.danvan.rehearsal.Rehearsal.Result;
import vn.danvan.security.Callers;

/**
 * Rehearsing a directive's lifetime, for administrators ({@code camunda-admin}), through the
 * Cockpit session or HTTP Basic: {@code POST /api/dien-tap} (multipart: {@code file}, a {@code
 * .bpmn}, or {@code processDefinitionKey}, a deployed directive; {@code issued}; optional {@code
 * number}, {@code lateShare}, {@code silentShare}, {@code seed}) answers what would happen (JSON);
 * {@code POST /api/dien-tap.xlsx} the same as a workbook; {@code GET /api/dien-tap/van-ban} the
 * deployed directives. Anyone else 403, nobody signed in 401; a mistake 400, another rehearsal
 * running 409, the rehearsal failing 422, too long 504 (see {@link Rehearsals}).
 */
@RestController
class RehearsalApi {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ProcessEngine engine;
  private final Rehearsals rehearsals;

  RehearsalApi(ProcessEngine engine, Rehearsals rehearsals) {
    this.engine = engine;
    this.rehearsals = rehearsals;
  }

  @GetMapping(value = "/api/dien-tap/van-ban", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> directives(HttpServletRequest request) {
    ResponseEntity<?> refused =
        Callers.administratorRefusal(request, engine, "diễn tập văn bản", false);
    return refused != null ? refused : ResponseEntity.ok(rehearsals.directives());
  }

  @PostMapping(value = "/api/dien-tap", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> rehearse(HttpServletRequest request, @ModelAttribute Asked asked)
      throws IOException {
    ResponseEntity<?> refused =
        Callers.administratorRefusal(request, engine, "diễn tập văn bản", true);
    if (refused != null) {
      return refused;
    }
    return ResponseEntity.ok(rehearsals.rehearse(asked.request()));
  }

  @PostMapping("/api/dien-tap.xlsx")
  ResponseEntity<?> workbook(HttpServletRequest request, @ModelAttribute Asked asked)
      throws IOException {
    ResponseEntity<?> refused =
        Callers.administratorRefusal(request, engine, "diễn tập văn bản", true);
    if (refused != null) {
      return refused;
    }
    Result result = rehearsals.rehearse(asked.request());
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            Downloads.contentDisposition(RehearsalXlsx.fileName(result)))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(XLSX)
        .body(RehearsalXlsx.write(result));
  }

  /** The multipart fields of a rehearsal, as sent (read and checked by {@link Rehearsals}). */
  record Asked(
      MultipartFile file,
      String processDefinitionKey,
      String issued,
      String number,
      String lateShare,
      String silentShare,
      String seed) {

    Rehearsals.Request request() throws IOException {
      return new Rehearsals.Request(
          file == null ? null : file.getOriginalFilename(),
          file == null ? null : file.getBytes(),
          processDefinitionKey,
          issued,
          number,
          lateShare,
          silentShare,
          seed);
    }
  }

  @ExceptionHandler(Rehearsals.Busy.class)
  ResponseEntity<Map<String, Object>> busy(Rehearsals.Busy e) {
    return error(HttpStatus.CONFLICT, "RehearsalBusy", e.getMessage());
  }

  @ExceptionHandler(Rehearsals.Failed.class)
  ResponseEntity<Map<String, Object>> failed(Rehearsals.Failed e) {
    return e.timedOut()
        ? error(HttpStatus.GATEWAY_TIMEOUT, "RehearsalTimeout", e.getMessage())
        : error(HttpStatus.UNPROCESSABLE_ENTITY, "RehearsalFailed", e.getMessage());
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String type, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", type, "message", message));
  }
}
