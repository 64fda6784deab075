package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.support.RunningDemoApp;

/**
 * The same work given to two departments; the second department's leader approves its result in
 * Tasklist, the last answer of all. The leader sees no error, and the fan-out that waited for every
 * department moves on at once (the leader has no right over the fan-out itself: waking it is the
 * engine's bookkeeping, not the leader's act).
 */
class FanoutLastAnswerIT {

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-fanout-last");

  @Test
  void theLastLeadersApprovalInTasklistMovesTheFanOutOnAtOnce() throws Exception {
    Http http = new Http(APP.port());
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/fanout/start",
            RunningDemoApp.COORDINATOR,
            "{\"businessKey\":\"CV-15/BDV\",\"variables\":{"
                + "\"bodies\":{\"value\":\"soNoiVu,soTaiChinh\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Báo cáo sơ kết 6 tháng\"},"
                + "\"deadline\":{\"value\":\"2030-06-30\"},"
                + "\"leaderReview\":{\"value\":true},\"confirmation\":{\"value\":false}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String fanout = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    ManagementService jobs = APP.bean(ProcessEngine.class).getManagementService();
    jobs.createJobQuery().executable().list().forEach(j -> jobs.executeJob(j.getId()));

    // both departments report; Sở Nội vụ's leader approves over REST
    for (String body : new String[] {"soNoiVu", "soTaiChinh"}) {
      String task = taskOf(http, body + "CanBo:demo");
      assertThat(
              http.postJson(
                      "/engine-rest/task/" + task + "/complete",
                      body + "CanBo:demo",
                      "{\"variables\":{\"resultReport\":{\"value\":\"Đã sơ kết, có số liệu kèm"
                          + " theo\"}}}")
                  .status())
          .isEqualTo(204);
    }
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + taskOf(http, "soNoiVuLanhDao:demo") + "/complete",
                    "soNoiVuLanhDao:demo",
                    "{\"variables\":{\"approved\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);
    assertThat(state(http, fanout)).isEqualTo("ACTIVE");

    // Sở Tài chính's leader, the last of all, approves in Tasklist
    try (Browser browser = new Browser(APP.port())) {
      browser.login("tasklist", "soTaiChinhLanhDao", "demo");
      browser.click(".tasks-list .task *", "Duyệt và gửi kết quả");
      browser.click("button", "Nhận việc");
      browser.waitForText("Đã sơ kết, có số liệu kèm theo");
      browser.visible(By.cssSelector(".fjs-form input[type='checkbox']")).click();
      browser.click("button", "Hoàn thành");
      browser.waitForText("Chọn một công việc trong danh sách");
      browser.pause(500);
      browser.screenshot("fanout-last-leader-approved");
      assertThat(browser.text())
          .doesNotContain("permission")
          .doesNotContain("does not have")
          .doesNotContain("Lỗi");
    }
    assertThat(state(http, fanout))
        .as("the fan-out moved on with the last answer")
        .isEqualTo("COMPLETED");
  }

  /** The id of the first task the person sees. */
  private static String taskOf(Http http, String person) {
    Http.Reply tasks = http.get("/engine-rest/task?processInstanceBusinessKey=CV-15/BDV", person);
    assertThat(tasks.body()).as(person).contains("\"id\"");
    return tasks.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  private static String state(Http http, String instance) {
    return http.get("/engine-rest/history/process-instance/" + instance, RunningDemoApp.COORDINATOR)
        .body()
        .replaceAll("(?s).*\"state\":\"([A-Z_]+)\".*", "$1");
  }
}
