package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.support.RunningDemoApp;

/**
 * A periodic report with figures in a real headless Chromium: Sở Nội vụ's staff fill *Báo cáo kết
 * quả và số liệu* in Tasklist (the embedded form, one row per declared figure; a negative number
 * keeps the form from completing), Sở Tài chính answers over REST, and Ban Dân vận's staff find the
 * figures of both and their totals in *Tổng hợp báo cáo kỳ*. Screenshots: target/walkthrough/.
 */
class ReportFiguresFormIT {

  static final String ADMIN = "demo:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-figures");

  @Test
  void aBodyFillsItsFiguresInTasklistAndTheCompilerSeesTheTotals() throws Exception {
    Http http = new Http(APP.port());
    int year = LocalDate.now(Deadlines.ZONE).getYear();
    var start = JSON.createObjectNode().put("businessKey", "BC-SL-" + year);
    var vars = start.putObject("variables");
    vars.putObject("cyclePhrase").put("value", "trước ngày 31/12 hằng năm");
    vars.putObject("issuedDate").put("value", year + "-01-01");
    vars.putObject("endDate").put("value", year + "-12-31");
    vars.putObject("windowDays").put("value", 365);
    vars.putObject("reportingBodies").put("value", "soNoiVu, soTaiChinh");
    vars.putObject("consolidatingBody").put("value", "bdvTU");
    vars.putObject("monitorBody").put("value", "bdvTU");
    vars.putObject("recipientBody").put("value", "ttTU");
    vars.putObject("taskContent").put("value", "kết quả đối thoại với Nhân dân");
    vars.putObject("reportFigures")
        .put(
            "value",
            "soCuocDoiThoai: Số cuộc đối thoại với Nhân dân (cuộc);"
                + " soKienNghi: Số kiến nghị đã giải quyết (kiến nghị)");
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/periodicReport/start",
            RunningDemoApp.COORDINATOR,
            start.toString());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = JSON.readTree(started.body()).get("id").asText();
    assertThat(id).isNotBlank();
    runJobs();

    try (Browser browser = new Browser(APP.port())) {
      browser.login("tasklist", "soNoiVuCanBo", "demo");
      // the card names the period's report and the directive
      browser.click(".tasks-list .task *", "Báo cáo năm " + year + " — BC-SL-" + year);
      browser.click("button", "Nhận việc");
      browser.visible(By.cssSelector("form.danvan-sheet"));
      browser.waitForText("Số kiến nghị đã giải quyết (kiến nghị)");
      List<WebElement> figures = editable(browser, "input[id^='figure-']");
      assertThat(figures).as("one row per declared figure").hasSize(2);
      figures.get(0).sendKeys("-1");
      figures.get(1).sendKeys("12");
      editable(browser, "textarea[name='resultReport']")
          .get(0)
          .sendKeys("Chủ tịch UBND đối thoại với Nhân dân 3 cuộc tại 3 xã");
      assertThat(completeEnabled(browser)).as("a negative figure").isFalse();
      figures.get(0).clear();
      figures.get(0).sendKeys("3");
      assertThat(completeEnabled(browser)).isTrue();
      browser.screenshot("report-figures-form");
      browser.click("button", "Hoàn thành");
      browser.waitForText("Chọn một công việc trong danh sách");

      approve(http, "soNoiVuLanhDao:demo");
      String other =
          JSON.readTree(
                  http.get(
                          "/engine-rest/task?taskDefinitionKey=Task_ReportFigures",
                          "soTaiChinhCanBo:demo")
                      .body())
              .get(0)
              .get("id")
              .asText();
      Http.Reply answered =
          http.postJson(
              "/engine-rest/task/" + other + "/complete",
              "soTaiChinhCanBo:demo",
              "{\"variables\":{\"reportedFigures\":{\"type\":\"Json\","
                  + "\"value\":\"{\\\"soCuocDoiThoai\\\":2,\\\"soKienNghi\\\":5}\"},"
                  + "\"resultReport\":{\"value\":\"Đã đối thoại 2 cuộc với doanh nghiệp\"}}}");
      assertThat(answered.status()).as(answered.body()).isEqualTo(204);
      approve(http, "soTaiChinhLanhDao:demo");

      // as the form sent them: whole numbers, kept as one JSON value
      JsonNode stored =
          JSON.readTree(
              http.get(
                      "/engine-rest/history/variable-instance?variableName=reportedFigures"
                          + "&processDefinitionKey=fanoutMember&deserializeValues=false",
                      ADMIN)
                  .body());
      assertThat(stored.findValuesAsText("value"))
          .contains("{\"soCuocDoiThoai\":3,\"soKienNghi\":12}");

      browser.login("tasklist", "bdvTUCanBo", "demo");
      browser.click(".tasks-list .task *", "Tổng hợp báo cáo kỳ");
      browser.click("button", "Nhận việc");
      browser.visible(By.cssSelector(".fjs-form"));
      browser.waitForText("Số liệu các đơn vị đã báo cáo và tổng cộng");
      browser.waitForText("Cộng (2 đơn vị)");
      assertThat(browser.text()).contains("Sở Nội vụ").contains("Sở Tài chính").contains("17");
      browser.screenshot("report-figures-compile");
    }
  }

  private static void approve(Http http, String leader) throws Exception {
    JsonNode tasks =
        JSON.readTree(
            http.get("/engine-rest/task?taskDefinitionKey=Task_ApproveResult", leader).body());
    assertThat(tasks).hasSize(1);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                    leader,
                    "{\"variables\":{\"approved\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);
  }

  private static boolean completeEnabled(Browser browser) {
    browser.pause(300);
    return (Boolean)
        browser.script(
            "return Array.from(document.querySelectorAll('button'))"
                + ".filter(b => b.textContent.trim() === 'Hoàn thành').every(b => !b.disabled)");
  }

  private static List<WebElement> editable(Browser browser, String css) {
    return browser.all(By.cssSelector("form " + css)).stream()
        .filter(e -> e.isDisplayed() && e.getAttribute("disabled") == null)
        .toList();
  }

  /** Executes what the job executor would now (it is off): the due timers, the async steps. */
  private static void runJobs() {
    ManagementService management = APP.bean(ProcessEngine.class).getManagementService();
    for (int pass = 0; pass < 20; pass++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }
}
