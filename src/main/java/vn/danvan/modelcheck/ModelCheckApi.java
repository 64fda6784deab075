package vn.danvan.modelcheck;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.danvan.engine.ModelChecks;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.input.ModelFinding;
import vn.danvan.input.ModelFindings;
import vn.danvan.org.Administrators;

/**
 * The checks a deployment runs, for administrators ({@code camunda-admin}), HTTP Basic like the
 * engine's REST API; anyone else gets 403, nobody signed in 401:
 *
 * <ul>
 *   <li>{@code POST /api/mo-hinh/kiem-tra} (multipart: {@code file}, a {@code .bpmn}; optional
 *       {@code issued}, 31/12/2026 or 2026-12-31, the issue date when the model names none): the
 *       errors that would refuse the deployment and the warnings that would not, each with its
 *       element, field and message; nothing is deployed;
 *   <li>{@code GET /api/mo-hinh/trien-khai/{deploymentId}/canh-bao}: the warnings of a deployment,
 *       read again from its stored files against today's registry (404 for no such deployment).
 * </ul>
 */
@RestController
@RequestMapping(value = "/api/mo-hinh", produces = MediaType.APPLICATION_JSON_VALUE)
class ModelCheckApi {

  static final String FILE_PART = "file";
  static final String ISSUED_PART = "issued";

  /** The largest model the check reads (a directive's model is some tens of kilobytes). */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  private final IdentityService identity;
  private final RepositoryService repository;
  private final ModelChecks checks;

  ModelCheckApi(ProcessEngine engine, ModelChecks checks) {
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.checks = checks;
  }

  @PostMapping("/kiem-tra")
  ResponseEntity<?> check(HttpServletRequest request) throws IOException {
    if (Administrators.signedIn(identity) == null) {
      return Administrators.refused("kiểm tra mô hình");
    }
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) {
      throw new InvalidInputException(
          "Gửi mô hình dạng multipart/form-data, tệp .bpmn trong phần \"" + FILE_PART + "\"");
    }
    MultipartFile file;
    String issuedText;
    try {
      file = multipart.getFile(FILE_PART);
      issuedText = multipart.getParameter(ISSUED_PART);
    } catch (MultipartException e) {
      throw new InvalidInputException("Nội dung multipart/form-data không đọc được");
    }
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(
          "Thiếu mô hình: gửi tệp .bpmn trong phần \"" + FILE_PART + "\"");
    }
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().trim();
    if (!ModelChecks.isModel(name)) {
      throw new InvalidInputException(
          "Tệp \"" + name + "\" không phải mô hình BPMN: tên tệp phải kết thúc bằng .bpmn");
    }
    if (file.getSize() > MAX_BYTES) {
      throw new InvalidInputException(
          "Mô hình " + name + " quá lớn: tối đa " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    LocalDate issued = Inputs.date(issuedText, ISSUED_PART, "Ngày ban hành");
    ModelFindings found = checks.check(name, file.getBytes(), issued);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("file", name);
    answer.put("errors", found.errors().stream().map(ModelCheckApi::finding).toList());
    answer.put("warnings", found.warnings().stream().map(ModelCheckApi::finding).toList());
    return ResponseEntity.ok(answer);
  }

  @GetMapping("/trien-khai/{deploymentId}/canh-bao")
  ResponseEntity<?> warnings(@PathVariable String deploymentId) {
    if (Administrators.signedIn(identity) == null) {
      return Administrators.refused("xem cảnh báo của mô hình");
    }
    Deployment deployment =
        repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    if (deployment == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(
              Map.of(
                  "type",
                  "NotFound",
                  "message",
                  "Không có lần triển khai \"" + deploymentId + "\""));
    }
    List<Map<String, Object>> warnings = new ArrayList<>();
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      if (!ModelChecks.isModel(resource.getName())) {
        continue;
      }
      ModelFindings found;
      try {
        found = checks.check(resource.getName(), bytes(deploymentId, resource), null);
      } catch (InvalidInputException unreadable) {
        continue; // deployed before the checks: nothing to say about it here
      }
      found.warnings().forEach(w -> warnings.add(withFile(w)));
      found.errors().forEach(e -> errors.add(withFile(e)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("deploymentId", deployment.getId());
    answer.put("name", deployment.getName());
    answer.put("warnings", warnings);
    if (!errors.isEmpty()) {
      // what has changed since (a body ended with no heir) and would refuse it today
      answer.put("errors", errors);
    }
    return ResponseEntity.ok(answer);
  }

  private byte[] bytes(String deploymentId, Resource resource) {
    try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> finding(ModelFinding finding) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("element", finding.element());
    item.put("field", finding.field());
    item.put("message", finding.message());
    return item;
  }

  private static Map<String, Object> withFile(ModelFinding finding) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("file", finding.file());
    item.putAll(finding(finding));
    return item;
  }
}
