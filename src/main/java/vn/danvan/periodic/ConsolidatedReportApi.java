package vn.danvan.periodic;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.document.Downloads;
import vn.danvan.security.Callers;

/**
 * The draft of a period's consolidated report for its compile task: {@code GET
 * /api/bao-cao-tong-hop/{taskId}.docx} (Nghị định 30/2020/NĐ-CP layout) and {@code .xlsx} (the same
 * data). Whoever may read the task as the engine decides (its compiling body) gets it, through the
 * Tasklist session or HTTP Basic; anyone else 403, nobody signed in 401, a task that is not an open
 * compile task 404.
 */
@RestController
@RequestMapping("/api/bao-cao-tong-hop")
class ConsolidatedReportApi {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ProcessEngine engine;
  private final ConsolidatedReports reports;

  ConsolidatedReportApi(ProcessEngine engine, ConsolidatedReports reports) {
    this.engine = engine;
    this.reports = reports;
  }

  @GetMapping("/{taskId}.docx")
  ResponseEntity<?> docx(HttpServletRequest request, @PathVariable String taskId)
      throws IOException {
    ConsolidatedReport report = report(request, taskId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsolidatedDocx.write(report, out);
    return file(report.fileName("docx"), DOCX, out.toByteArray());
  }

  @GetMapping("/{taskId}.xlsx")
  ResponseEntity<?> xlsx(HttpServletRequest request, @PathVariable String taskId)
      throws IOException {
    ConsolidatedReport report = report(request, taskId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsolidatedXlsx.write(report, out);
    return file(report.fileName("xlsx"), XLSX, out.toByteArray());
  }

  private ConsolidatedReport report(HttpServletRequest request, String taskId) {
    String user = Callers.user(request, engine);
    if (user == null) {
      throw new ReportRefused(
          HttpStatus.UNAUTHORIZED, "Cần đăng nhập (phiên Tasklist hoặc HTTP Basic)");
    }
    Task task = reports.compileTask(user, taskId);
    return reports.of(task);
  }

  /** The file, its Vietnamese name kept (RFC 5987 {@code filename*}). */
  private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] content) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(name))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(type)
        .body(content);
  }

  @ExceptionHandler(ReportRefused.class)
  ResponseEntity<Map<String, Object>> refused(ReportRefused e) {
    String type =
        switch (e.status()) {
          case UNAUTHORIZED -> "AuthenticationException";
          case FORBIDDEN -> "AuthorizationException";
          default -> "NotFoundException";
        };
    return ResponseEntity.status(e.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", type, "message", e.getMessage()));
  }
}
