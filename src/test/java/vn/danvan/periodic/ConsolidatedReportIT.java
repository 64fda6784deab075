package vn.danvan.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;
import vn.danvan.support.TestSigner;

/**
 * A period of a periodic report with figures, lived by its people over REST with authorization on,
 * to its compile task: the compiling body's staff downloads the draft (.docx and .xlsx) with every
 * answering body's report and figures and the body that did not answer, also in its Tasklist
 * session and through the links Tasklist shows on the task (real Chromium); another body's staff is
 * refused, and so is a task that is not a compile task.
 */
class ConsolidatedReportIT extends RunningDemoApp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CONSOLIDATOR = "bdvTUCanBo:demo";
  static final String ADMIN = "demo:demo";
  static final String KEY = "BC-TONG-HOP-" + System.nanoTime();

  /** To run the jobs in the job executor's place (it is off in these tests). */
  @Autowired ProcessEngine engine;

  @Test
  void theCompilingBodyDownloadsTheDraftWithEveryAnswerAndOthersAreRefused() throws Exception {
    Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/periodicReport/start",
            COORDINATOR,
            "{\"businessKey\":\""
                + KEY
                + "\",\"variables\":{\"cyclePhrase\":{\"value\":\"hằng quý\"},"
                + "\"issuedDate\":{\"value\":\"2026-01-01\"},"
                + "\"endDate\":{\"value\":\"2026-03-31\"},"
                + "\"reportingBodies\":{\"value\":\"soNoiVu,soTaiChinh,mttqTinh\"},"
                + "\"consolidatingBody\":{\"value\":\"bdvTU\"},"
                + "\"recipientBody\":{\"value\":\"btvTU\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"reportFigures\":{\"value\":\"soCuocDoiThoai: Số cuộc đối thoại (cuộc);"
                + " soKienNghi: Số kiến nghị đã giải quyết (kiến nghị)\"},"
                + "\"taskContent\":{\"value\":\"tình hình thực hiện quy chế dân chủ\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    report(
        STAFF, LEADER, "{\\\"soCuocDoiThoai\\\":7,\\\"soKienNghi\\\":1234}", "Sở Nội vụ: 7 cuộc");
    report(OTHER_STAFF, OTHER_LEADER, "{\\\"soCuocDoiThoai\\\":2,\\\"soKienNghi\\\":5}", "STC: ổn");
    String compile = waitFor(CONSOLIDATOR, "Task_Consolidate").get("id").asText();
    String docx = "/api/bao-cao-tong-hop/" + compile + ".docx";

    HttpResponse<byte[]> draft = download(docx, CONSOLIDATOR);
    assertThat(draft.statusCode())
        .as(new String(draft.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    assertThat(draft.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20h%E1%BB%A3p%20" + KEY);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(draft.body()));
        XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
      String text = words.getText();
      assertThat(text)
          .contains("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY")
          .contains("Tổng hợp kết quả thực hiện " + KEY + " — Quý I/2026")
          .contains("1. Sở Nội vụ", "Sở Nội vụ: 7 cuộc", "1.234")
          .contains("2. Sở Tài chính", "STC: ổn")
          .contains("Đơn vị báo cáo chậm (2):")
          .contains("Đơn vị chưa báo cáo (1):\n- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;")
          .contains("Kính gửi: Ban Thường vụ Tỉnh ủy")
          .contains("TÀI LIỆU KÈM THEO", "Biên bản Sở Nội vụ 7 cuộc.pdf", "Biên bản STC ổn.pdf");
      assertThat(doc.getTables()).as("header, two bodies, totals, closing").hasSize(5);
    }

    HttpResponse<byte[]> sheet =
        download("/api/bao-cao-tong-hop/" + compile + ".xlsx", CONSOLIDATOR);
    assertThat(sheet.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
      String rows =
          java.util.stream.StreamSupport.stream(book.getSheetAt(0).spliterator(), false)
              .map(r -> r.getCell(1) == null ? "" : r.getCell(1).toString())
              .collect(Collectors.joining("|"));
      assertThat(rows).contains("Sở Nội vụ", "Sở Tài chính", "Cộng (2 đơn vị)");
    }

    // the Tasklist session of the compiling body's staff opens the link too
    Http tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "bdvTUCanBo", "demo").status()).isEqualTo(200);
    Reply inSession = tasklist.get(docx, null);
    assertThat(inSession.status()).isEqualTo(200);
    assertThat(inSession.body()).startsWith("PK");

    // Tasklist shows the links on the compile task, in real Chromium
    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", "bdvTUCanBo", "demo");
      browser.open("/camunda/app/tasklist/default/#/?task=" + compile);
      WebElement link = browser.visible(By.linkText("Tải dự thảo báo cáo tổng hợp (.docx)"));
      assertThat(link.getAttribute("href")).endsWith(docx);
      assertThat(browser.visible(By.linkText("Số liệu (.xlsx)")).getAttribute("href"))
          .endsWith("/api/bao-cao-tong-hop/" + compile + ".xlsx");
      browser.screenshot("bao-cao-tong-hop-lien-ket");
    }

    Reply otherBody = http.get(docx, STAFF);
    assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(403);
    assertThat(otherBody.body()).contains("không có quyền xem việc này");
    assertThat(http.get(docx, null).status()).as("nobody signed in").isEqualTo(401);
    Reply unknown = http.get("/api/bao-cao-tong-hop/khong-co.docx", CONSOLIDATOR);
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("Không có việc đang mở");
    String assignment = assign("soNoiVu");
    String work =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(assignment)
            .singleResult()
            .getId();
    Reply notCompile = http.get("/api/bao-cao-tong-hop/" + work + ".xlsx", STAFF);
    assertThat(notCompile.status()).as(notCompile.body()).isEqualTo(404);
    assertThat(notCompile.body()).contains("không phải việc Tổng hợp báo cáo kỳ");
  }

  /** The body's staff reports its figures and its leader approves, each as themselves. */
  void report(String staff, String leader, String figures, String text) throws Exception {
    JsonNode task = waitFor(staff, "Task_ReportFigures");
    // the body's evidence goes with its report, and the draft lists it
    Reply attached =
        http.postPart(
            "/api/tep-dinh-kem/cong-viec/" + task.get("id").asText(),
            staff,
            "tep",
            "Biên bản " + text.replace(":", "") + ".pdf",
            TestSigner.pdf("Bien ban"));
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    Reply done =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            staff,
            "{\"variables\":{\"reportedFigures\":{\"value\":\""
                + figures
                + "\"},\"resultReport\":{\"value\":\""
                + text
                + "\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    JsonNode approval = waitFor(leader, "Task_ApproveResult");
    Reply approved =
        http.postJson(
            "/engine-rest/task/" + approval.get("id").asText() + "/complete",
            leader,
            "{\"variables\":{\"approved\":{\"value\":true}}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
  }

  HttpResponse<byte[]> download(String path, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * The user's task of that kind, once the period's due jobs have run (in the executor's place).
   */
  JsonNode waitFor(String user, String key) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(KEY)
          .list()
          .forEach(
              instance ->
                  engine
                      .getManagementService()
                      .createJobQuery()
                      .processInstanceId(instance.getId())
                      .executable()
                      .list()
                      .forEach(job -> engine.getManagementService().executeJob(job.getId())));
      Reply reply =
          http.get(
              "/engine-rest/task?processInstanceBusinessKey=" + KEY + "&taskDefinitionKey=" + key,
              user);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      JsonNode found = JSON.readTree(reply.body());
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        user
            + " has no "
            + key
            + " within 60 s; tasks: "
            + http.get("/engine-rest/task?processInstanceBusinessKey=" + KEY, ADMIN).body());
  }
}
