package vn.danvan.attachment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.danvan.attachment.AttachmentAccess.Right;
import vn.danvan.attachment.AttachmentAccess.Target;
import vn.danvan.attachment.AttachmentStore.Attachment;
import vn.danvan.document.Downloads;
import vn.danvan.document.SignedPdfs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.security.Callers;

/**
 * Files attached to a task or to a process instance (a directive), for Tasklist's "Tệp đính kèm"
 * tab (the webapps' session, with its CSRF token) and API clients (HTTP Basic):
 *
 * <ul>
 *   <li>{@code POST /api/tep-dinh-kem/cong-viec/{taskId}} (multipart/form-data, the file in part
 *       {@code tep}), {@code GET} the same path: a task's files;
 *   <li>{@code POST}/{@code GET /api/tep-dinh-kem/quy-trinh/{processInstanceId}}: an instance's own
 *       files; {@code GET /api/tep-dinh-kem/cong-viec/{taskId}/van-ban}: those of the directive a
 *       task serves;
 *   <li>{@code GET /api/tep-dinh-kem/{id}}: one file, as it was sent.
 * </ul>
 *
 * Who may do what: {@link AttachmentAccess}; what a file must be: {@link FileCheck}. A refused file
 * stores nothing.
 */
@RestController
@RequestMapping("/api/tep-dinh-kem")
class AttachmentApi {

  static final String PART = "tep";
  static final String PDF = "application/pdf";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final ProcessEngine engine;
  private final AttachmentAccess access;
  private final AttachmentStore store;
  private final AttachmentProperties limits;
  private final FileCheck check;
  private final TransactionTemplate transaction;
  private final SignedPdfs signedPdfs;

  AttachmentApi(
      ProcessEngine engine,
      AttachmentAccess access,
      AttachmentStore store,
      AttachmentProperties limits,
      PlatformTransactionManager transactions,
      SignedPdfs signedPdfs) {
    this.engine = engine;
    this.access = access;
    this.store = store;
    this.limits = limits;
    this.check = new FileCheck(limits);
    this.transaction = new TransactionTemplate(transactions);
    this.signedPdfs = signedPdfs;
  }

  /** A refusal: the status and the Vietnamese message the client reads. */
  static final class Refused extends RuntimeException {
    final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }

  @GetMapping("/cong-viec/{taskId}")
  List<Map<String, Object>> taskFiles(HttpServletRequest request, @PathVariable String taskId) {
    Authentication caller = caller(request);
    Target task = task(taskId);
    Right right = access.onTask(caller, task);
    List<Attachment> visible =
        store.ofTask(taskId).stream()
            .filter(a -> right != Right.NONE || AttachmentAccess.owner(caller, a.ownerGroups()))
            .toList();
    found(right != Right.NONE || !visible.isEmpty(), "công việc", taskId);
    return visible.stream().map(AttachmentApi::json).toList();
  }

  /**
   * The files of the earlier steps of the same piece of work (its process instance's other tasks:
   * the staff's report for the leader approving it, for the body confirming it), for whoever may
   * read the task: the chain sees the evidence on the task it works on.
   */
  @GetMapping("/cong-viec/{taskId}/truoc-do")
  List<Map<String, Object>> earlierFiles(HttpServletRequest request, @PathVariable String taskId) {
    Authentication caller = caller(request);
    Target task = task(taskId);
    found(access.onTask(caller, task) != Right.NONE, "công việc", taskId);
    return store.ofInstanceTasks(task.processInstanceId()).stream()
        .filter(file -> !taskId.equals(file.taskId()))
        .map(AttachmentApi::json)
        .toList();
  }

  /**
   * The files of the directive a task serves (its root process instance), for whoever may read the
   * task's own: Tasklist shows them on the task.
   */
  @GetMapping("/cong-viec/{taskId}/van-ban")
  List<Map<String, Object>> directiveFiles(
      HttpServletRequest request, @PathVariable String taskId) {
    Authentication caller = caller(request);
    Target task = task(taskId);
    found(access.onTask(caller, task) != Right.NONE, "công việc", taskId);
    return access
        .directiveOf(task)
        .filter(directive -> access.onInstance(caller, directive) != Right.NONE)
        .map(
            directive ->
                store.ofProcessInstance(directive.processInstanceId()).stream()
                    .map(AttachmentApi::json)
                    .toList())
        .orElse(List.of());
  }

  @PostMapping("/cong-viec/{taskId}")
  ResponseEntity<Map<String, Object>> attachToTask(
      HttpServletRequest request, @PathVariable String taskId) throws IOException {
    Authentication caller = writer(request);
    Target task = task(taskId);
    Right right = access.onTask(caller, task);
    found(
        right != Right.NONE
            || store.ofTask(taskId).stream()
                .anyMatch(a -> AttachmentAccess.owner(caller, a.ownerGroups())),
        "công việc",
        taskId);
    if (right != Right.WORK) {
      throw new Refused(
          HttpStatus.FORBIDDEN,
          task.running()
              ? "Chỉ người được giao xử lý công việc này mới đính kèm được tệp"
              : "Công việc đã hoàn thành: không đính kèm thêm tệp được");
    }
    List<String> owners = access.ownerGroups(taskId);
    return saved(request, caller, taskId, task.processInstanceId(), owners);
  }

  @GetMapping("/quy-trinh/{processInstanceId}")
  List<Map<String, Object>> instanceFiles(
      HttpServletRequest request, @PathVariable String processInstanceId) {
    Authentication caller = caller(request);
    Right right = access.onInstance(caller, instance(processInstanceId));
    found(right != Right.NONE, "phiên quy trình", processInstanceId);
    return store.ofProcessInstance(processInstanceId).stream().map(AttachmentApi::json).toList();
  }

  @PostMapping("/quy-trinh/{processInstanceId}")
  ResponseEntity<Map<String, Object>> attachToInstance(
      HttpServletRequest request, @PathVariable String processInstanceId) throws IOException {
    Authentication caller = writer(request);
    Target instance = instance(processInstanceId);
    Right right = access.onInstance(caller, instance);
    found(right != Right.NONE, "phiên quy trình", processInstanceId);
    if (right != Right.WORK) {
      throw new Refused(
          HttpStatus.FORBIDDEN,
          instance.running()
              ? "Chỉ đơn vị điều phối và quản trị hệ thống đính kèm được tệp vào văn bản"
              : "Phiên quy trình đã kết thúc: không đính kèm thêm tệp được");
    }
    return saved(request, caller, null, processInstanceId, List.of());
  }

  @GetMapping("/{id}")
  void download(HttpServletRequest request, HttpServletResponse response, @PathVariable String id)
      throws IOException {
    Authentication caller = caller(request);
    Optional<Attachment> found = store.find(id);
    boolean allowed =
        found
            .map(
                a ->
                    a.taskId() != null
                        ? access
                                .task(a.taskId())
                                .map(t -> access.onTask(caller, t) != Right.NONE)
                                .orElse(false)
                            || AttachmentAccess.owner(caller, a.ownerGroups())
                        : access
                            .instance(a.processInstanceId())
                            .map(p -> access.onInstance(caller, p) != Right.NONE)
                            .orElse(false))
            .orElse(false);
    found(allowed, "tệp đính kèm", id);
    Attachment attachment = found.get();
    response.setContentType(attachment.mimeType());
    response.setContentLengthLong(attachment.size());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(attachment.name()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    store.copy(attachment, response.getOutputStream());
  }

  private ResponseEntity<Map<String, Object>> saved(
      HttpServletRequest request,
      Authentication caller,
      String taskId,
      String processInstanceId,
      List<String> owners)
      throws IOException {
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) {
      throw new InvalidInputException(
          "Gửi tệp dạng multipart/form-data, trong phần \"" + PART + "\"");
    }
    MultipartFile file = multipart.getFile(PART);
    if (file == null) {
      throw new InvalidInputException("Thiếu tệp: gửi tệp trong phần \"" + PART + "\"");
    }
    String name = FileCheck.name(file.getOriginalFilename());
    Path spooled = Files.createTempFile("danvan-tep-", ".tmp");
    try {
      file.transferTo(spooled);
      String type = check.check(spooled, name);
      long size = Files.size(spooled);
      String signature = PDF.equals(type) ? signature(spooled) : null;
      Attachment attachment =
          transaction.execute(
              status -> {
                long kept = store.total(taskId, processInstanceId);
                long max = limits.maxTaskTotal().toBytes();
                if (kept + size > max) {
                  throw new FileCheck.TooLarge(
                      "Tổng dung lượng tệp đính kèm của "
                          + (taskId != null ? "công việc" : "phiên quy trình")
                          + " vượt quá "
                          + FileCheck.megabytes(max)
                          + " MB (đã có "
                          + kept
                          + " byte, tệp mới "
                          + size
                          + " byte)");
                }
                try (InputStream content = Files.newInputStream(spooled)) {
                  return store.save(
                      taskId,
                      processInstanceId,
                      owners,
                      name,
                      type,
                      size,
                      caller.getUserId(),
                      signature,
                      content);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      return ResponseEntity.status(HttpStatus.CREATED).body(json(attachment));
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  static Map<String, Object> json(Attachment a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", a.id());
    json.put("tenTep", a.name());
    json.put("kieuTep", a.mimeType());
    json.put("kichThuoc", a.size());
    json.put("nguoiTaiLen", a.userId());
    json.put("thoiDiem", SHOWN.format(a.created().atZone(VIETNAM)));
    json.put("congViec", a.taskId());
    json.put("phienQuyTrinh", a.processInstanceId());
    json.put("duongDan", "/api/tep-dinh-kem/" + a.id());
    if (a.signature() != null) {
      json.put("chuKySo", a.signature());
    }
    return json;
  }

  /**
   * What a PDF's digital signatures say, kept with the file: each signer, the signing time and
   * whether the document is unchanged since ({@link SignedPdfs}). A PDF whose signatures cannot be
   * read is still kept, saying so.
   */
  private String signature(Path pdf) {
    try {
      String summary = SignedPdfs.summary(signedPdfs.read(pdf));
      return summary.length() > 4000 ? summary.substring(0, 3999) + "…" : summary;
    } catch (InvalidInputException unreadable) {
      return "Không đọc được chữ ký số: " + unreadable.getMessage();
    }
  }

  private Target task(String taskId) {
    return access.task(taskId).orElseThrow(() -> notFound("công việc", taskId));
  }

  private Target instance(String processInstanceId) {
    return access
        .instance(processInstanceId)
        .orElseThrow(() -> notFound("phiên quy trình", processInstanceId));
  }

  private static void found(boolean allowed, String what, String id) {
    if (!allowed) {
      throw notFound(what, id);
    }
  }

  /** Not there, or not the caller's to see: the same answer, as the engine's own API gives. */
  private static Refused notFound(String what, String id) {
    return new Refused(
        HttpStatus.NOT_FOUND,
        "Không tìm thấy " + what + " \"" + id + "\", hoặc bạn không có quyền xem");
  }

  private Authentication caller(HttpServletRequest request) {
    Authentication caller = Callers.of(request, engine);
    if (caller == null) {
      throw new Refused(
          HttpStatus.UNAUTHORIZED, "Cần đăng nhập (HTTP Basic hoặc phiên của Tasklist)");
    }
    return caller;
  }

  private Authentication writer(HttpServletRequest request) {
    Authentication caller = caller(request);
    if (!Callers.csrfTokenMatches(request, engine)) {
      throw new Refused(
          HttpStatus.FORBIDDEN,
          "Thiếu mã chống giả mạo yêu cầu (X-XSRF-TOKEN) của phiên: tải lại trang rồi gửi lại");
    }
    return caller;
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<Map<String, Object>> refused(Refused e) {
    String type =
        switch (e.status) {
          case UNAUTHORIZED -> "AuthenticationException";
          case FORBIDDEN -> "AuthorizationException";
          default -> "NotFoundException";
        };
    return error(e.status, type, e.getMessage());
  }

  @ExceptionHandler(FileCheck.TooLarge.class)
  ResponseEntity<Map<String, Object>> tooLarge(FileCheck.TooLarge e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "InvalidInputException", e.getMessage());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return error(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "InvalidInputException",
        "Tệp quá lớn: tối đa " + FileCheck.megabytes(limits.maxFileSize().toBytes()) + " MB");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> unreadable(MultipartException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "InvalidInputException",
        "Không đọc được tệp gửi lên (multipart/form-data): " + e.getMostSpecificCause());
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(Map.of("type", type, "message", message));
  }
}
