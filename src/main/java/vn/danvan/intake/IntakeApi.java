package vn.danvan.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import vn.danvan.document.Downloads;
import vn.danvan.input.InvalidInputException;
import vn.danvan.intake.DirectiveText.Item;
import vn.danvan.org.OrgRegistry;
import vn.danvan.security.Callers;

/**
 * A draft directive model from an uploaded directive (.docx, .pdf with a text layer, .txt), for
 * administrators (the Cockpit page "Soạn thảo từ văn bản" with its session and CSRF token, or HTTP
 * Basic): {@code POST /api/soan-thao} (multipart {@code file}, optional {@code key}) answers what
 * was read and the draft ({@code bpmn}); {@code POST /api/soan-thao.bpmn} the same draft as a .bpmn
 * file. Nothing is stored: the administrator deploys the draft through the engine's REST API, whose
 * deployment checks answer as they do for Camunda Modeler.
 */
@RestController
class IntakeApi {

  /** The largest upload read (a directive's text is far smaller). */
  static final long MAX_BYTES = 10L * 1024 * 1024;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ProcessEngine engine;
  private final OrgRegistry registry;
  private final DirectiveIntake intake;
  private final Drafts drafts;

  IntakeApi(ProcessEngine engine, OrgRegistry registry, DirectiveIntake intake, Drafts drafts) {
    this.engine = engine;
    this.registry = registry;
    this.intake = intake;
    this.drafts = drafts;
  }

  @PostMapping(value = "/api/soan-thao", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> draft(
      HttpServletRequest request,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String key) {
    ResponseEntity<?> refused =
        Callers.administratorRefusal(request, engine, "soạn mô hình từ văn bản", true);
    if (refused != null) {
      return refused;
    }
    Read read = read(file, key);
    return ResponseEntity.ok(answer(read));
  }

  @PostMapping(value = "/api/soan-thao.bpmn")
  ResponseEntity<?> file(
      HttpServletRequest request,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String key) {
    ResponseEntity<?> refused =
        Callers.administratorRefusal(request, engine, "soạn mô hình từ văn bản", true);
    if (refused != null) {
      return refused;
    }
    Read read = read(file, key);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            Downloads.contentDisposition(read.draft().key() + ".bpmn"))
        .body(read.draft().bpmn().getBytes(StandardCharsets.UTF_8));
  }

  private record Read(DirectiveText text, Drafts.Draft draft) {}

  private Read read(MultipartFile file, String key) {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(
          "Chưa có tệp văn bản (trường file): gửi tệp .docx, .pdf có lớp chữ hoặc .txt");
    }
    if (file.getSize() > MAX_BYTES) {
      throw new InvalidInputException(
          "Tệp \""
              + file.getOriginalFilename()
              + "\" quá lớn: tối đa "
              + MAX_BYTES / 1024 / 1024
              + " MB");
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new InvalidInputException("Không đọc được tệp gửi lên: " + e.getMessage());
    }
    DirectiveText text = intake.read(content, file.getOriginalFilename());
    if (text.items() == null || text.items().isEmpty()) {
      throw new InvalidInputException(
          "Không tìm thấy mục nào (nhiệm vụ đánh số) trong văn bản \""
              + file.getOriginalFilename()
              + "\": không soạn được mô hình");
    }
    return new Read(text, drafts.make(text, key));
  }

  /** The answer: what was read, and the draft. */
  record Answer(String key, Written record, List<Row> items, List<String> unread, String bpmn) {}

  /** The record as written, the issue date as dd/mm/yyyy. */
  record Written(String kind, String number, String issued, String issuer, String title) {}

  /** One item, its bodies named, and its element in the draft (null: not modelled). */
  record Row(
      String number,
      String text,
      String block,
      String blockName,
      List<Body> lead,
      List<Body> coordinating,
      String bodyType,
      String deadline,
      String element,
      List<String> notes) {}

  record Body(String id, String name) {}

  private Answer answer(Read read) {
    DirectiveText text = read.text();
    List<Row> items = new ArrayList<>();
    for (int i = 0; i < text.items().size(); i++) {
      Item item = text.items().get(i);
      items.add(
          new Row(
              item.number(),
              item.text(),
              item.block().name(),
              drafts.blockName(item.block()),
              bodies(item.lead()),
              bodies(item.coordinating()),
              item.bodyType(),
              item.deadline(),
              read.draft().elements().get(i),
              item.notes() == null ? List.of() : item.notes()));
    }
    return new Answer(
        read.draft().key(),
        new Written(
            text.kind(),
            text.number(),
            text.issued() == null ? null : DAY.format(text.issued()),
            text.issuer(),
            text.title()),
        items,
        text.unread() == null ? List.of() : text.unread(),
        read.draft().bpmn());
  }

  private List<Body> bodies(List<String> ids) {
    return (ids == null ? List.<String>of() : ids)
        .stream().map(id -> new Body(id, registry.name(id))).toList();
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> unreadable(MultipartException e) {
    return ResponseEntity.badRequest()
        .body(
            Map.of(
                "type",
                "InvalidInputException",
                "message",
                "Không đọc được tệp gửi lên (multipart/form-data, trường file): "
                    + e.getMostSpecificCause().getMessage()));
  }
}
