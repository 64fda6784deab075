package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.support.RunningDemoApp;

/**
 * The annual evaluation in a real headless Chromium: Sở Nội vụ fills its sheet of the year's
 * criteria in Tasklist (a Camunda Form with one row per criterion), Ban Dân vận scores it with the
 * track record beside the criteria, Ban Thường vụ approves the ranking table. Screenshots:
 * target/walkthrough/.
 */
class EvaluationFormsIT {

  static final String ADMIN = "demo:demo";

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-evaluation");

  @Test
  void aBodySelfAssessesTheReviewerScoresTheLeadershipApproves() throws Exception {
    Http http = new Http(APP.port());
    int year = LocalDate.now(vn.danvan.deadline.Deadlines.ZONE).getYear();
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/annualEvaluation/start",
            RunningDemoApp.COORDINATOR,
            "{\"businessKey\":\"DG-"
                + year
                + "\",\"variables\":{"
                + "\"year\":{\"value\":"
                + year
                + "},\"bodies\":{\"value\":\"soNoiVu\"},"
                + "\"reviewingBody\":{\"value\":\"bdvTU\"},\"approvingBody\":{\"value\":\"btvTU\"},"
                + "\"selfAssessmentDeadline\":{\"value\":\"trước ngày 31/12 hằng năm\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    runJobs(http, id); // the sheets open (the timer, as the job executor would)

    try (Browser browser = new Browser(APP.port())) {
      browser.login("tasklist", "soNoiVuCanBo", "demo");
      // the sheet is named after the year's evaluation and its number
      open(browser, "Tự đánh giá, chấm điểm công tác dân vận năm " + year);
      assertThat(browser.text()).contains("— DG-" + year);
      browser.waitForText("Lãnh đạo, chỉ đạo, cụ thể hóa văn bản về công tác dân vận");
      List<WebElement> scores = editable(browser, "input[name^='score']");
      assertThat(scores).as("one score per criterion, bonus and penalty").hasSize(13);
      for (int i = 0; i < scores.size(); i++) { // 10 criteria, a bonus (at most 5), 2 penalties
        scores.get(i).sendKeys(i < 10 ? "5" : i == 10 ? "7" : "0");
      }
      for (WebElement text : editable(browser, "textarea[name^='evidence']")) {
        text.sendKeys("Kế hoạch số 15/KH-SNV; 12 cuộc đối thoại");
      }
      browser.screenshot("evaluation-self-assessment");
      assertThat(completeEnabled(browser)).as("7 points for a bonus worth 5").isFalse();
      scores.get(10).clear();
      scores.get(10).sendKeys("0");
      assertThat(completeEnabled(browser)).isTrue();
      complete(browser);

      browser.login("tasklist", "bdvTUDieuPhoi", "demo");
      open(browser, "Thẩm định, chấm điểm");
      browser.waitForText("Số liệu theo dõi nhiệm vụ: Năm " + year + ":");
      browser.waitForText("Kế hoạch số 15/KH-SNV");
      List<WebElement> reviewed = editable(browser, "input[name^='reviewedScore']");
      assertThat(reviewed).hasSize(13);
      for (int i = 0; i < reviewed.size(); i++) {
        reviewed.get(i).sendKeys(i < 10 ? "5" : "0");
      }
      browser.screenshot("evaluation-review");
      complete(browser);
      runJobs(http, id); // the body's evaluation completes asynchronously

      browser.login("tasklist", "btvTULanhDao", "demo");
      open(browser, "Phê duyệt kết quả xếp loại");
      browser.waitForText("Sở Nội vụ");
      browser.waitForText("Hoàn thành nhiệm vụ"); // 50 points: NĐ 335/2025 levels from 2025
      browser.visible(By.cssSelector(".fjs-form input[type='checkbox']")).click();
      browser.screenshot("evaluation-approval");
      complete(browser);
    }
    runJobs(http, id); // the year's own instance ended: the evaluation ends asynchronously
    assertThat(http.get("/engine-rest/history/process-instance/" + id, ADMIN).body())
        .contains("\"state\":\"COMPLETED\"");
  }

  @Test
  void aCommuneRegistersADanVanKheoModelFromTasklist() throws Exception {
    Http http = new Http(APP.port());
    try (Browser browser = new Browser(APP.port())) {
      browser.login("tasklist", "ubndPhuongPhanThietCanBo", "demo");
      browser.click("a", "Khởi động quy trình");
      browser.click(".modal-body a", "Mô hình \"Dân vận khéo\"");
      browser.visible(By.cssSelector(".modal-body .fjs-form"));
      browser.click(".modal-body .fjs-form label", "Văn hóa – xã hội");
      for (WebElement field :
          browser.all(
              By.cssSelector(
                  ".modal-body .fjs-form textarea, "
                      + ".modal-body .fjs-form input[type='text']"))) {
        field.sendKeys(
            "Tổ công nghệ số cộng đồng ở ấp 3 ("
                + field.getAttribute("id").replaceAll(".*Field_", "")
                + ")");
      }
      browser.screenshot("skilful-model-registration");
      browser.click(".modal-footer button", "Khởi động");
      browser.waitForText("Đã khởi động quy trình.");
    }
    String models =
        http.get(
                "/engine-rest/history/variable-instance?variableName=body"
                    + "&processDefinitionKey=skilfulModel",
                ADMIN)
            .body();
    assertThat(models).contains("\"value\":\"ubndPhuongPhanThiet\"");
    assertThat(
            http.get(
                    "/engine-rest/task?candidateGroup=bdvTU&taskDefinitionKey=Task_AppraiseModel",
                    ADMIN)
                .body())
        .contains("Thẩm định mô hình");
  }

  /**
   * While a directive's "Dân vận khéo" movement runs, the registrant chooses the model's focus area
   * among the directive's, in Tasklist (a Camunda Form whose choices are the directive's list).
   */
  @Test
  void aRegistrantChoosesTheFocusAreaOfTheDirectiveInForce() throws Exception {
    Http http = new Http(APP.port());
    LocalDate today = LocalDate.now(vn.danvan.deadline.Deadlines.ZONE);
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/skilfulFocus/start",
            RunningDemoApp.COORDINATOR,
            "{\"businessKey\":\"PT-DVK\",\"variables\":{"
                + "\"issuedDate\":{\"value\":\""
                + today
                + "\"},\"endDate\":{\"value\":\""
                + (today.getYear() + 1)
                + "-12-31\"},"
                + "\"focusAreas\":{\"value\":\"Bảo vệ môi trường; Vệ sinh an toàn thực phẩm\"},"
                + "\"commendingBody\":{\"value\":\"ubndTinh\"},"
                + "\"organisingBody\":{\"value\":\"bdvTU\"},"
                + "\"contestCycle\":{\"value\":\"trước ngày 15/8 hằng năm\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String movement = started.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    try (Browser browser = new Browser(APP.port())) {
      browser.login("tasklist", "ubndXaXuanLocCanBo", "demo");
      browser.click("a", "Khởi động quy trình");
      browser.click(".modal-body a", "Mô hình \"Dân vận khéo\"");
      browser.visible(By.cssSelector(".modal-body .fjs-form"));
      browser.click(".modal-body .fjs-form label", "Kinh tế");
      for (WebElement field :
          browser.all(
              By.cssSelector(
                  ".modal-body .fjs-form textarea, "
                      + ".modal-body .fjs-form input[type='text']"))) {
        field.sendKeys("Thu gom rác thải nhựa ở xã (" + field.getAttribute("id") + ")");
      }
      browser.click(".modal-footer button", "Khởi động");
      browser.waitForText("Đã khởi động quy trình.");

      browser.click(".tasks-list .task *", "Chọn lĩnh vực trọng tâm của mô hình");
      browser.visible(By.cssSelector(".fjs-form"));
      browser.waitForText("Vệ sinh an toàn thực phẩm");
      browser.waitForText("Lĩnh vực khác");
      browser.click(".fjs-form label", "Bảo vệ môi trường");
      browser.screenshot("skilful-model-focus-area");
      complete(browser);
    } finally {
      http.send("DELETE", "/engine-rest/process-instance/" + movement, ADMIN, null, null);
    }
    String chosen =
        http.get(
                "/engine-rest/history/variable-instance?variableName=focusArea"
                    + "&processDefinitionKey=skilfulModel",
                ADMIN)
            .body();
    assertThat(chosen).contains("\"value\":\"Bảo vệ môi trường\"");
  }

  private static void open(Browser browser, String name) {
    browser.click(".tasks-list .task *", name);
    browser.click("button", "Nhận việc");
    browser.visible(By.cssSelector("form.danvan-sheet, .fjs-form"));
  }

  private static void complete(Browser browser) {
    browser.click("button", "Hoàn thành");
    browser.waitForText("Chọn một công việc trong danh sách");
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
        .filter(
            e ->
                e.isDisplayed()
                    && e.getAttribute("readonly") == null
                    && e.getAttribute("disabled") == null)
        .toList();
  }

  /**
   * Executes what the job executor would now: the timer that opens the sheets, then async steps.
   */
  private static void runJobs(Http http, String id) {
    for (String query :
        List.of(
            "/engine-rest/job?processInstanceId="
                + id
                + "&timers=true"
                + "&activityId=Event_SelfAssessmentOpens",
            "/engine-rest/job?messages=true")) {
      String jobs = http.get(query, ADMIN).body();
      java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"")
          .matcher(jobs)
          .results()
          .map(m -> m.group(1))
          .forEach(
              job ->
                  assertThat(
                          http.postJson("/engine-rest/job/" + job + "/execute", ADMIN, "").status())
                      .isEqualTo(204));
    }
  }
}
