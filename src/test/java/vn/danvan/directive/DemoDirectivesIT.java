package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.BodyMoves;
import vn.danvan.org.OrgRegistry;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.tracking.WorkMetrics;
import vn.danvan.tracking.WorkStatus;

/** What a newcomer finds in the demo: the five directives in a realistic present. */
class DemoDirectivesIT {

  static final ObjectMapper JSON = new ObjectMapper();

  static ConfigurableApplicationContext app;
  static ProcessEngine engine;

  @BeforeAll
  static void startDemo() throws Exception {
    app = OwnDemoApp.withDirectives("danvan-demo");
    engine = app.getBean(ProcessEngine.class);
  }

  @AfterAll
  static void stopDemo() {
    app.close();
  }

  static List<Task> open(String body, String definitionKey) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .taskCandidateGroup(body)
        .taskDefinitionKey(definitionKey)
        .list();
  }

  @Test
  void noOpenWorkBelongsToABodyThatHasEnded() {
    OrgRegistry registry = app.getBean(OrgRegistry.class);
    LocalDate today = LocalDate.now(Deadlines.ZONE);
    List<String> ended =
        registry.bodies().stream()
            .filter(b -> b.hasEndedBy(today))
            .flatMap(b -> java.util.stream.Stream.of(b.id(), b.leadersGroupId()))
            .toList();
    assertThat(ended).contains("phongNoiVuXuanLoc", "huyenUyXuanLoc", "btgTU", "soLDTBXH");
    List<String> groups = new java.util.ArrayList<>();
    for (Task task : engine.getTaskService().createTaskQuery().list()) {
      engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> l.getGroupId() != null)
          .forEach(l -> groups.add(l.getGroupId()));
    }
    assertThat(groups).isNotEmpty().doesNotContainAnyElementsOf(ended);
    // nor does any running instance name one for a later step
    BodyMoves moves = app.getBean(BodyMoves.class);
    for (OrgRegistry.Body body : registry.bodies()) {
      if (body.hasEndedBy(today)) {
        assertThat(moves.holdings(body.id())).as(body.id()).isEmpty();
      }
    }
    // the work the 2023 Xuân Lộc directive gave the district's Phòng Nội vụ is Sở Nội vụ's now
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey("03/CT-UBND")
                .taskCandidateGroupIn(List.of("soNoiVu", "ubndXaXuanLoc"))
                .count())
        .isPositive();
  }

  @Test
  void theFiveDirectivesRunReplayedFromTheirLatestAnniversary() {
    LocalDate today = LocalDate.now(Deadlines.ZONE);
    for (DemoDirectives.Seed seed : DemoDirectives.seeds(engine.getRepositoryService())) {
      var instance =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processDefinitionKey(seed.key())
              .processInstanceBusinessKey(seed.number())
              .singleResult();
      assertThat(instance).as(seed.number()).isNotNull();
      LocalDate issued =
          LocalDate.parse(
              (String) engine.getRuntimeService().getVariable(instance.getId(), "issuedDate"));
      assertThat(issued)
          .as(seed.number())
          .isBefore(today.minusDays(29))
          .isAfter(today.minusYears(1).minusDays(31));
      assertThat(issued.getDayOfMonth()).isEqualTo(seed.textIssued().getDayOfMonth());
    }
  }

  @Test
  void tasklistShowsARealisticPresent() {
    Instant now = Instant.now();
    // overdue work: Bắc Giang's departments' rules were due on 30/9 of the replay year
    List<Task> rules = open("soTaiChinh", "Task_Perform");
    assertThat(rules)
        .isNotEmpty()
        .anySatisfy(t -> assertThat(t.getDueDate()).isBefore(java.util.Date.from(now)));
    // done and confirmed
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("assignment")
                .processInstanceBusinessKey("NQ-DV-BG-2016")
                .finished()
                .count())
        .isGreaterThanOrEqualTo(1);
    // returned to Ban Tổ chức, with the reason
    assertThat(open("btcTU", "Task_Perform"))
        .anySatisfy(
            returned ->
                assertThat(engine.getTaskService().getVariable(returned.getId(), "returnCount"))
                    .isEqualTo(1));
    // an extension waiting for Ban Thường vụ
    assertThat(open("btvTU", "Task_DecideExtension")).hasSize(1);
    // due in two days
    Task quick =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey("CV-BDV-NHANH")
            .singleResult();
    assertThat(
            WorkStatus.of(
                new WorkStatus.Facts(quick.getDueDate().toInstant(), null, null, false),
                now,
                WorkStatus.DUE_SOON_WINDOW))
        .isEqualTo(WorkStatus.DUE_SOON);
    // an ad-hoc report waiting for Ban Dân vận
    assertThat(open("bdvTU", "Task_HandleIncident")).hasSize(1);
    // the year's evaluation of the Bắc Giang resolution (sheets open a month before 15/11)
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("annualEvaluation")
                .processInstanceBusinessKey("NQ-DV-BG-2016")
                .count())
        .isOne();
    // "Dân vận khéo": a commune's model to appraise, Sở Nội vụ's recognised
    assertThat(open("bdvTU", "Task_AppraiseModel"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(engine.getTaskService().getVariable(t.getId(), "body"))
                    .isEqualTo("ubndXaXuanLoc"));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("modelStatus")
                .variableValueEquals("modelStatus", "Được công nhận")
                .count())
        .isOne();
    // an inspection in progress: Sở Nội vụ's public-service inspection (24-CT/TU item 5) has two
    // corrections open at Sở Tài chính, and two departments wait for the leaders' conclusion
    assertThat(open("soTaiChinh", "Task_Perform"))
        .filteredOn(
            t ->
                String.valueOf(engine.getTaskService().getVariable(t.getId(), "taskContent"))
                    .startsWith("Khắc phục theo kết luận kiểm tra"))
        .hasSize(2)
        .allSatisfy(
            t ->
                assertThat(engine.getTaskService().getVariable(t.getId(), "monitorBody"))
                    .isEqualTo("soNoiVu"));
    assertThat(open("soNoiVuLanhDao", "Task_ConcludeInspection")).hasSize(2);
    // work already overdue is chased at the next weekly turn of its fan-out's chase cycle
    assertThat(
            engine.getManagementService().createJobQuery().timers().list().stream()
                .filter(
                    j ->
                        "StartEvent_ChaseDue"
                            .equals(
                                engine
                                    .getManagementService()
                                    .createJobDefinitionQuery()
                                    .jobDefinitionId(j.getJobDefinitionId())
                                    .singleResult()
                                    .getActivityId()))
                .filter(
                    j ->
                        j.getDuedate()
                            .toInstant()
                            .isBefore(now.plus(java.time.Duration.ofDays(7)))))
        .isNotEmpty();
  }

  @Test
  void theBoardShowsWhoIsOnTimeAndTheSummarySheetHasTheSameFigures() throws Exception {
    Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    String board = "/api/bang-theo-doi?vanBan=NQ-DV-BG-2016";
    Http.Reply reply = http.get(board, "bdvTUDieuPhoi:demo");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode view = JSON.readTree(reply.body());
    // Sở Tài chính's rules were due on 30/9 of the replay year: overdue, with days overdue
    JsonNode overdue =
        StreamSupport.stream(view.get("overdue").spliterator(), false)
            .filter(i -> i.get("body").asText().equals("soTaiChinh"))
            .findFirst()
            .orElseThrow();
    assertThat(overdue.get("statusLabel").asText()).isEqualTo("Chưa hoàn thành – quá hạn");
    assertThat(overdue.get("daysOverdue").asLong()).isPositive();
    JsonNode soTaiChinh =
        StreamSupport.stream(view.get("bodies").spliterator(), false)
            .filter(b -> b.get("body").asText().equals("soTaiChinh"))
            .findFirst()
            .orElseThrow();
    assertThat(soTaiChinh.get("counts").get("OPEN_OVERDUE").asInt()).isPositive();
    // UBND tỉnh's plan: done and confirmed (on time or late, by the replay's dates)
    assertThat(view.get("items").findValuesAsText("statusLabel"))
        .anyMatch(label -> label.startsWith("Đã hoàn thành"));

    // the summary sheet: the same figures, body by body
    HttpResponse<byte[]> xlsx =
        summarySheet(
            ((WebServerApplicationContext) app).getWebServer().getPort(),
            "/api/bang-theo-doi/bieu-tong-hop.xlsx?vanBan=NQ-DV-BG-2016");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var sheet = book.getSheetAt(0);
      int overdueColumn = 2 + WorkStatus.OPEN_OVERDUE.ordinal();
      int rows = 0;
      for (JsonNode body : view.get("bodies")) {
        var row = sheet.getRow(4 + rows++);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(body.get("bodyName").asText());
        assertThat((int) row.getCell(1).getNumericCellValue()).isEqualTo(body.get("total").asInt());
        assertThat((int) row.getCell(overdueColumn).getNumericCellValue())
            .isEqualTo(body.get("counts").get("OPEN_OVERDUE").asInt());
      }
      assertThat((int) sheet.getRow(4 + rows).getCell(1).getNumericCellValue())
          .isEqualTo(view.get("items").size());
    }

    // a body's leaders see their own rows; staff and strangers see nothing
    JsonNode own = JSON.readTree(http.get(board, "soTaiChinhLanhDao:demo").body());
    assertThat(own.get("items").findValuesAsText("body")).isNotEmpty().containsOnly("soTaiChinh");
    assertThat(http.get(board, "soTaiChinhCanBo:demo").status()).isEqualTo(403);
    assertThat(http.get(board, null).status()).isEqualTo(401);
    Http.Reply badPeriod = http.get(board + "&ky=2026-Q5", "bdvTUDieuPhoi:demo");
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.body()).contains("2026-Q5").contains("không hợp lệ: năm (2026)");
    // a quarter: only work due in it
    String quarter =
        JSON.readTree(
                http.get(
                        board
                            + "&ky="
                            + LocalDate.now(Deadlines.ZONE).getYear()
                            + "-Q"
                            + ((LocalDate.now(Deadlines.ZONE).getMonthValue() - 1) / 3 + 1),
                        "bdvTUDieuPhoi:demo")
                    .body())
            .get("periodLabel")
            .asText();
    assertThat(quarter).startsWith("Quý ");
  }

  @Test
  void aCoordinatorSeesTheBoardInCockpit() throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.waitForText("Bảng theo dõi thực hiện văn bản");
      WebElement directive = browser.visible(By.cssSelector(".danvan-board-directive option"));
      new Select(browser.visible(By.cssSelector(".danvan-board-directive")))
          .selectByValue("NQ-DV-BG-2016");
      browser.waitForText("Nhiệm vụ quá hạn");
      browser.waitForText("Số liệu theo đơn vị");
      // a long overdue list shows the most overdue work, the rest when opened
      for (WebElement more : browser.all(By.cssSelector(".danvan-board-overdue-more > summary"))) {
        more.click();
        browser.visible(By.cssSelector(".danvan-board-overdue-more .danvan-overdue-row"));
      }
      List<String> overdueBodies =
          browser.all(By.cssSelector(".danvan-overdue-row td:first-child")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(overdueBodies).contains("Sở Tài chính");
      assertThat(
              browser.all(By.cssSelector(".danvan-board-directive option")).stream()
                  .map(WebElement::getText)
                  .toList())
          .hasSize(DemoDirectives.SEED_KEYS.size())
          .anySatisfy(option -> assertThat(option).startsWith("NQ-DV-BG-2016 — Nghị quyết"));
      assertThat(directive.getText()).isNotBlank();
      browser.script("document.querySelector('.danvan-board').scrollIntoView()");
      browser.screenshot("cockpit-board");
    }
  }

  @Test
  void monitoringReadsHealthAndOpenWorkPerBodyAndDirective() throws Exception {
    app.getBean(WorkMetrics.class).refresh();
    Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    Http.Reply health = http.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    // no details: the status and the probes' names (liveness, readiness) only
    assertThat(health.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components");
    assertThat(http.get("/actuator/health/readiness", null).body())
        .isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + ((WebServerApplicationContext) app).getWebServer().getPort()
                                + "/actuator/prometheus"))
                    .header("Accept", "text/plain")
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    "bdvTUDieuPhoi:demo"
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern(
            "danvan_work\\{body=\"soTaiChinh\",directive=\"NQ-DV-BG-2016\",status=\"qua_han\"}"
                + " [1-9]");
  }

  static final String XUAN_LOC = "vanBan=03%2FCT-UBND";

  static String complete(String figures) throws Exception {
    var variables = JSON.createObjectNode();
    variables.putObject("reportedFigures").put("value", figures).put("type", "String");
    variables
        .putObject("resultReport")
        .put("value", "Đã tổ chức 2 cuộc kiểm tra việc thực hiện quy chế dân chủ tại công trình")
        .put("type", "String");
    var body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  /**
   * Xuân Lộc's yearly report carries figures (the demo: two bodies in, the compile task open), as
   * the demo people see it over REST with authorization on: the missing body's staff send bad
   * figures (refused with the figure's name, nothing saved), then good ones; its leader approves;
   * Sở Nội vụ's compile task and the board show each body's figures and the totals, the summary
   * sheet carries them, a body's leader sees only its own, and Cockpit draws a chart per figure.
   */
  @Test
  void xuanLocsReportCarriesFiguresTotalledForTheCompilerAndOnTheBoard() throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    Http http = new Http(port);
    String compileTasks =
        "/engine-rest/task?processInstanceBusinessKey=03%2FCT-UBND"
            + "&taskDefinitionKey=Task_Consolidate";
    JsonNode compile = JSON.readTree(http.get(compileTasks, "soNoiVuCanBo:demo").body());
    assertThat(compile).as("Sở Nội vụ compiles (heir of Phòng Nội vụ)").hasSize(1);
    String compileId = compile.get(0).get("id").asText();
    String compileVars =
        "/engine-rest/task/"
            + compileId
            + "/form-variables?variableNames=figureRows,missingBodies"
            + "&deserializeValues=false";
    JsonNode vars = JSON.readTree(http.get(compileVars, "soNoiVuCanBo:demo").body());
    assertThat(vars.get("missingBodies").get("value").asText())
        .isEqualTo("Ban Quản lý dự án đầu tư xây dựng khu vực Xuân Lộc");
    assertThat(vars.get("figureRows").get("value").asText())
        .contains("Cộng (2 đơn vị)")
        .contains("\"soBuoiTuyenTruyen\":78");

    // the missing body's staff: bad figures are refused, nothing saved
    String reportTasks =
        "/engine-rest/task?processInstanceBusinessKey=03%2FCT-UBND"
            + "&taskDefinitionKey=Task_ReportFigures";
    String staff = "bqlDuAnKhuVucXuanLocCanBo:demo";
    JsonNode mine = JSON.readTree(http.get(reportTasks, staff).body());
    assertThat(mine).as("its own report only").hasSize(1);
    String task = "/engine-rest/task/" + mine.get(0).get("id").asText();
    Http.Reply abc =
        http.postJson(
            task + "/complete",
            staff,
            complete(DemoDirectives.xuanLocFigures("abc", 10, 0, 0, 120, 118, 2, 3, 0, 1, 6, 2)));
    assertThat(abc.status()).as(abc.body()).isEqualTo(400);
    assertThat(JSON.readTree(abc.body()).get("message").asText())
        .contains(
            "Số cuộc quán triệt, triển khai văn bản về công tác dân vận (mục 1) (cuộc) phải là số"
                + " nguyên không âm (0, 1, 2…), không phải \"abc\""
                + " (reportedFigures.soCuocQuanTriet)");
    Http.Reply negative =
        http.postJson(
            task + "/complete",
            staff,
            complete(DemoDirectives.xuanLocFigures(1, 10, 0, 0, 120, 118, -1, 3, 0, 1, 6, 2)));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(JSON.readTree(negative.body()).get("message").asText())
        .endsWith("không phải \"-1\" (reportedFigures.soCuocKiemTraGiamSat)");
    assertThat(http.get(task + "/variables/reportedFigures", staff).status())
        .as("nothing saved")
        .isEqualTo(404);
    Http.Reply good =
        http.postJson(
            task + "/complete",
            staff,
            complete(DemoDirectives.xuanLocFigures(1, 10, 0, 0, 120, 118, 2, 3, 0, 1, 6, 2)));
    assertThat(good.status()).as(good.body()).isEqualTo(204);
    String leader = "bqlDuAnKhuVucXuanLocLanhDao:demo";
    JsonNode approve =
        JSON.readTree(
            http.get(
                    "/engine-rest/task?processInstanceBusinessKey=03%2FCT-UBND"
                        + "&taskDefinitionKey=Task_ApproveResult",
                    leader)
                .body());
    assertThat(approve).hasSize(1);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + approve.get(0).get("id").asText() + "/complete",
                    leader,
                    "{\"variables\":{\"approved\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);

    // the compile task follows: three bodies, their totals, nobody missing
    vars = JSON.readTree(http.get(compileVars, "soNoiVuCanBo:demo").body());
    assertThat(vars.get("missingBodies").get("value").asText()).isEmpty();
    JsonNode rows = vars.get("figureRows").get("value");
    if (rows.isTextual()) {
      rows = JSON.readTree(rows.asText());
    }
    JsonNode total = rows.get(rows.size() - 1);
    assertThat(total.get("donVi").asText()).isEqualTo("Cộng (3 đơn vị)");
    assertThat(total.get("soBuoiTuyenTruyen").asLong()).isEqualTo(88);
    assertThat(total.get("soHoSoThuTucTiepNhan").asLong()).isEqualTo(5350);

    // the board: per body and in total; a body's leader sees its own only; staff nothing
    String board = "/api/bang-theo-doi?" + XUAN_LOC;
    JsonNode view = JSON.readTree(http.get(board, "bdvTUDieuPhoi:demo").body());
    JsonNode round = view.get("figures").get(0);
    assertThat(round.get("rows")).hasSize(3);
    assertThat(round.get("figures")).hasSize(12);
    assertThat(round.get("totals").get("soBuoiTuyenTruyen").asLong()).isEqualTo(88);
    assertThat(round.get("totals").get("soCuocDoiThoai").asLong()).isEqualTo(11);
    JsonNode own = JSON.readTree(http.get(board, "ubndXaXuanLocLanhDao:demo").body());
    assertThat(own.get("figures").get(0).get("rows").findValuesAsText("body"))
        .containsExactly("ubndXaXuanLoc");
    assertThat(own.get("figures").get(0).get("totals").get("soBuoiTuyenTruyen").asLong())
        .isEqualTo(48);
    assertThat(http.get(board, staff).status()).isEqualTo(403);

    // the summary sheet: a sheet of figures, one column per figure, the totals last
    HttpResponse<byte[]> xlsx =
        summarySheet(port, "/api/bang-theo-doi/bieu-tong-hop.xlsx?" + XUAN_LOC);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var sheet = book.getSheet("Số liệu báo cáo");
      assertThat(sheet).isNotNull();
      assertThat(sheet.getRow(3).getCell(2).getStringCellValue())
          .isEqualTo("Số buổi tuyên truyền, vận động Nhân dân (mục 2) (buổi)");
      var totalRow = sheet.getRow(7);
      assertThat(totalRow.getCell(0).getStringCellValue()).isEqualTo("Cộng (3 đơn vị)");
      assertThat(totalRow.getCell(2).getNumericCellValue()).isEqualTo(88d);
      assertThat(totalRow.getCell(5).getNumericCellValue()).isEqualTo(5350d);
    }

    // Cockpit: the figures table and a bar chart per figure (Chart.js)
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.waitForText("Bảng theo dõi thực hiện văn bản");
      browser.visible(By.cssSelector(".danvan-board-directive option"));
      new Select(browser.visible(By.cssSelector(".danvan-board-directive")))
          .selectByValue("03/CT-UBND");
      browser.waitForText("Số liệu báo cáo Năm");
      assertThat(browser.all(By.cssSelector(".danvan-figure-chart"))).hasSize(12);
      assertThat(
              browser.script(
                  "return [...document.querySelectorAll('.danvan-figure-chart canvas')]"
                      + ".map((c) => Chart.getChart(c).data.datasets[0].data.length)"
                      + ".reduce((a, b) => a + b, 0)"))
          .as("a bar per body in each chart")
          .isEqualTo(36L);
      browser.script("document.querySelector('.danvan-board-report-figures').scrollIntoView()");
      browser.screenshot("cockpit-board-figures");
    }
  }

  @Test
  void aRestartStartsNothingMore() throws Exception {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    app.getBean(DemoDirectives.class).run(new DefaultApplicationArguments());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  /** The board's summary sheet (.xlsx), as the coordinator of Ban Dân vận downloads it. */
  static HttpResponse<byte[]> summarySheet(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString(
                                "bdvTUDieuPhoi:demo"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
