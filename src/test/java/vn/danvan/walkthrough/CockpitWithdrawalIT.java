package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;

/**
 * An administrator withdraws work given to many bodies in Cockpit, in a real headless Chromium: the
 * deletion dialog runs the product's listeners by default, so the bodies' tasks end with it.
 * Screenshots: target/walkthrough/.
 */
class CockpitWithdrawalIT {

  static final String ADMIN = "demo:demo";
  static final String KEY = "15/CT-UBND-THU-HOI";

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-withdrawal");

  @Test
  void deletingAFanOutInCockpitEndsTheTasksItGaveTheBodies() throws Exception {
    Http http = new Http(APP.port());
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/fanout/start",
            ADMIN,
            "{\"businessKey\":\""
                + KEY
                + "\",\"variables\":{"
                + "\"bodies\":{\"value\":\"soNoiVu, soTaiChinh\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Rà soát quy chế dân chủ ở cơ sở\"},"
                + "\"deadline\":{\"value\":\"2030-08-31\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    // the job executor is off here: the chunk that gives the bodies their tasks runs now
    String jobs = http.get("/engine-rest/job?processDefinitionKey=fanoutChunk", ADMIN).body();
    for (String job : jobs.split("\\{\"id\":\"")) {
      if (job.startsWith("[")) {
        continue;
      }
      String jobId = job.substring(0, job.indexOf('"'));
      assertThat(http.postJson("/engine-rest/job/" + jobId + "/execute", ADMIN, "{}").status())
          .isEqualTo(204);
    }
    assertThat(openTasks(http)).isEqualTo(2);

    try (Browser browser = new Browser(APP.port())) {
      browser.login("cockpit", "demo", "demo");
      browser.open("/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime");
      browser.visible(By.cssSelector("a.btn-toolbar .glyphicon-remove")).click();
      browser.waitForText("Bạn có chắc chắn muốn xóa phiên quy trình này?");
      WebElement skip = browser.visible(By.cssSelector("input[name='skipCustomListeners']"));
      assertThat(skip.isSelected())
          .as("the product's listeners run unless the user skips them")
          .isFalse();
      browser.screenshot("cockpit-delete-fanout");
      browser.click(".modal-footer button", "Xóa phiên quy trình");
      browser.waitForText("Đã xóa phiên quy trình thành công.");
    }
    assertThat(openTasks(http)).as("no body keeps a task of withdrawn work").isZero();
    assertThat(http.get("/engine-rest/process-instance/count?businessKey=" + KEY, ADMIN).body())
        .isEqualTo("{\"count\":0}");
  }

  private static int openTasks(Http http) {
    String body =
        http.get("/engine-rest/task/count?processInstanceBusinessKey=" + KEY, ADMIN).body();
    return Integer.parseInt(body.replaceAll("\\D", ""));
  }
}
