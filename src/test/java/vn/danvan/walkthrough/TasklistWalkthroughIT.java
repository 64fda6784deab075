package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.support.RunningDemoApp;

/**
 * The README's walkthrough, in a real headless Chromium against the demo application: staff of Sở
 * Nội vụ report in Tasklist through the Camunda Form, their leader approves, Ban Dân vận sees the
 * instance in Cockpit and confirms; staff of another body never see the task. Screenshots of every
 * step: target/walkthrough/.
 */
class TasklistWalkthroughIT {

  static final String CONTENT = "Xây dựng kế hoạch thực hiện chỉ thị";
  static final String NUMBER = "45-KH/TU";
  static final String COORDINATOR = RunningDemoApp.COORDINATOR;

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-walkthrough");
  Http http;

  @BeforeEach
  void connect() {
    http = new Http(APP.port());
  }

  @Test
  void staffReportsLeaderApprovesCoordinatorConfirmsOtherBodiesSeeNothing() throws Exception {
    String id = RunningDemoApp.assign(http, "soNoiVu", "2030-08-31", NUMBER);
    String taskId =
        http.get("/engine-rest/task?processInstanceId=" + id, COORDINATOR)
            .body()
            .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    try (Browser browser = new Browser(APP.port())) {
      // staff of another body, even with the task's own link: nothing of it is shown
      browser.login("tasklist", "ubndTinhCanBo", "demo");
      browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
      browser.waitForText("No matching task with id " + taskId);
      browser.waitForText("Không tìm thấy công việc nào phù hợp với bộ lọc");
      browser.screenshot("other-body-sees-nothing");
      assertThat(browser.text()).doesNotContain(CONTENT).doesNotContain("Thực hiện nhiệm vụ");

      // staff of the lead body: open the task, claim it, fill the form, complete
      browser.login("tasklist", "soNoiVuCanBo", "demo");
      // Tasklist speaks Vietnamese whatever the browser's language; English is one click away
      browser.waitForText("Khởi động quy trình");
      assertThat(browser.text())
          .contains("Danh sách công việc")
          .doesNotContain("Camunda 8")
          .doesNotContain("Start process");
      browser.click(".danvan-locale", "English");
      browser.waitForText("Start process");
      browser.screenshot("tasklist-english-selected");
      browser.click(".danvan-locale", "Tiếng Việt");
      browser.waitForText("Khởi động quy trình");
      // the body's filters, and each card's standing against its deadline in words and colour
      browser.waitForText("Sắp đến hạn");
      assertThat(browser.text()).contains("Việc của đơn vị tôi", "Quá hạn", "Việc tôi đang xử lý");
      List<String> standings = cardStandings(browser);
      assertThat(standings)
          .isNotEmpty()
          .allMatch(List.of("Quá hạn", "Sắp đến hạn", "Trong hạn", "Không thời hạn")::contains);
      assertThat(browser.all(By.cssSelector(".tasks-list .priority")))
          .noneMatch(WebElement::isDisplayed);
      // the card says the work and its directive, not the step's generic name, and whose it is
      browser.waitForText("Sở Nội vụ");
      assertThat(cards(browser))
          .anySatisfy(
              card ->
                  assertThat(card)
                      .contains(CONTENT + " — " + NUMBER, "Sở Nội vụ")
                      .doesNotContain("Thực hiện nhiệm vụ")
                      .doesNotContain("Văn bản " + NUMBER)); // said once, in the name
      browser.screenshot("staff-task-list-standings");
      openTask(browser, CONTENT + " — " + NUMBER);
      browser.waitForText(CONTENT);
      browser.waitForText("Hạn hoàn thành: 31/08/2030"); // days as Vietnamese read them
      // staff may not create tasks: Tasklist does not offer it (the header long drawn by now)
      assertThat(browser.text()).contains("Khởi động quy trình").doesNotContain("Tạo công việc");
      browser.screenshot("staff-task-form");
      // more time asked, the day typed as words: the form says what it wants, not its pattern
      browser.visible(By.cssSelector(".fjs-form input[type='checkbox']")).click();
      WebElement day =
          browser.visible(By.cssSelector(".fjs-form input[id*='Field_RequestedDeadline']"));
      day.sendKeys("sang năm");
      browser
          .visible(By.cssSelector(".fjs-form textarea[id*='Field_ExtensionReason']"))
          .sendKeys("Chờ số liệu");
      browser.click("button", "Hoàn thành");
      browser.waitForText("Không đúng định dạng. Ví dụ: 31/12/2026");
      assertThat(browser.text()).doesNotContain("pattern").doesNotContain("\\d");
      browser.screenshot("staff-form-check-in-vietnamese");
      day.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      // more time asked for a day before the deadline: the server refuses, in Vietnamese only
      day.sendKeys("01/01/2020");
      browser.click("button", "Hoàn thành");
      browser.waitForText("Hạn đề nghị 01/01/2020 phải sau hạn hiện tại 31/08/2030");
      assertThat(browser.text()).doesNotContain("ENGINE-").doesNotContain("TaskListener");
      browser.screenshot("staff-refused-in-vietnamese");
      browser.visible(By.cssSelector(".fjs-form input[type='checkbox']")).click();
      // the refusal was of the answers sent: it goes once an answer changes, and no longer covers
      // the lower half of "Hoàn thành" (Tasklist shows it at the bottom right)
      browser.pause(500);
      assertThat(browser.text()).doesNotContain("phải sau hạn hiện tại");
      // the form's own checks speak Vietnamese: a two-letter report
      WebElement tooShort = browser.visible(By.cssSelector(".fjs-form textarea"));
      tooShort.sendKeys("ok");
      browser.waitForText("Cần ít nhất 10 ký tự."); // as it is typed; Hoàn thành stays disabled
      assertThat(browser.text()).doesNotContain("Field ").doesNotContain("minimum");
      tooShort.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      WebElement report = browser.visible(By.cssSelector(".fjs-form textarea"));
      report.sendKeys("Đã ban hành Kế hoạch số 12/KH-SNV, triển khai tới 100% phòng ban");
      browser.screenshot("staff-form-filled");
      complete(browser);
      assertThat(state(id)).isEqualTo("Task_ApproveResult");

      // the body's leader approves and submits
      browser.login("tasklist", "soNoiVuLanhDao", "demo");
      browser.waitForText("Lãnh đạo Sở Nội vụ");
      openTask(browser, "Duyệt và gửi kết quả: " + CONTENT + " — " + NUMBER);
      browser.waitForText("Đã ban hành Kế hoạch số 12/KH-SNV");
      browser.visible(By.cssSelector(".fjs-form input[type='checkbox']")).click();
      browser.screenshot("leader-approves");
      complete(browser);
      assertThat(state(id)).isEqualTo("Task_ConfirmResult");

      // the coordinator sees the instance waiting for confirmation in Cockpit
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");
      browser.open("/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime");
      browser.waitForText("Xác nhận kết quả");
      browser.visible(By.cssSelector("svg"));
      browser.pause(1000);
      browser.screenshot("cockpit-instance-waiting");
      // Cockpit in Vietnamese, under the product's name, without the Camunda 8 banner
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.waitForText("Phiên quy trình đang chạy");
      assertThat(browser.text())
          .contains("Quy trình", "Quyết định", "Theo dõi, điều phối")
          .doesNotContain("Camunda 8")
          .doesNotContain("Running Process Instances");
      browser.screenshot("cockpit-dashboard-vi");
      // and so are Admin and the welcome page
      browser.login("admin", "demo", "demo");
      browser.waitForText("Phân quyền");
      assertThat(browser.text()).contains("Quản trị", "Nhóm").doesNotContain("Camunda 8");
      browser.screenshot("admin-vi");
      browser.open("/camunda/app/welcome/default/");
      browser.waitForText("Ứng dụng");
      browser.screenshot("welcome-vi");
      // the administrator may create tasks, and Tasklist offers it
      browser.login("tasklist", "demo", "demo");
      browser.waitForText("Tạo công việc");
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");

      // and confirms it in Tasklist
      browser.login("tasklist", "bdvTUDieuPhoi", "demo");
      openTask(browser, "Xác nhận kết quả");
      browser.visible(By.cssSelector(".fjs-form input[type='checkbox']")).click();
      browser.screenshot("coordinator-confirms");
      complete(browser);
    }
    Http.Reply history = http.get("/engine-rest/history/process-instance/" + id, COORDINATOR);
    assertThat(history.body()).contains("\"state\":\"COMPLETED\"");
  }

  /** Opens the first task of that name in the default filter and claims it. */
  private static void openTask(Browser browser, String name) {
    browser.click(".tasks-list .task *", name);
    browser.click("button", "Nhận việc");
    browser.visible(By.cssSelector(".fjs-form"));
  }

  private static void complete(Browser browser) throws Exception {
    browser.click("button", "Hoàn thành");
    browser.waitForText("Chọn một công việc trong danh sách");
  }

  /** Where the instance waits now (activity id), read through REST. */
  private String state(String id) {
    Http.Reply tasks = http.get("/engine-rest/task?processInstanceId=" + id, COORDINATOR);
    return tasks.body().replaceAll("(?s).*\"taskDefinitionKey\":\"([^\"]+)\".*", "$1");
  }

  /** The text of each card on the list. */
  private static List<String> cards(Browser browser) {
    return browser.all(By.cssSelector(".tasks-list .task")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The standing chips of the cards on the list, once the cards have drawn them. */
  private static List<String> cardStandings(Browser browser) {
    for (int tries = 0; tries < 50; tries++) {
      List<String> chips =
          browser.all(By.cssSelector(".tasks-list .danvan-han")).stream()
              .map(WebElement::getText)
              .toList();
      if (!chips.isEmpty()) {
        return chips;
      }
      browser.pause(200);
    }
    return List.of();
  }
}
