package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.support.RunningDemoApp;
import vn.danvan.support.TestSigner;

/**
 * The staff's core path on a phone (Chromium's mobile emulation, 390×844): log in, see the list,
 * open the task, attach a file, fill the form, complete. Nothing a step needs lies off the screen's
 * width. Screenshots of each step: target/walkthrough/.
 */
class PhoneWalkthroughIT {

  static final int WIDTH = 390;
  static final String WORK = "Xây dựng kế hoạch thực hiện chỉ thị";
  static final String FILE = "Kế hoạch đã ký.pdf";

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-phone");

  @Test
  void staffReportOnAPhone() throws Exception {
    Http http = new Http(APP.port());
    String id = RunningDemoApp.assign(http, "soNoiVu");
    try (Browser phone = Browser.phone(APP.port())) {
      phone.login("tasklist", "soNoiVuCanBo", "demo");
      phone.screenshot("phone-logged-in");
      // the footer says in which zone dates are shown, in full
      WebElement zone = phone.visible(By.id("footer-timezone"));
      assertThat(zone.getRect().getWidth()).isGreaterThan(WIDTH * 3 / 4);
      assertThat(width(phone)).as("the page fits the phone's width").isLessThanOrEqualTo(WIDTH);

      // the list: the task and its standing
      phone.waitForText(WORK);
      WebElement card = firstCard(phone, WORK);
      assertThat(card.getRect().getX()).isGreaterThanOrEqualTo(0);
      assertThat(card.getRect().getX() + card.getRect().getWidth()).isLessThanOrEqualTo(WIDTH);
      phone.screenshot("phone-task-list");

      // open the task, claim it: the form is on screen, within its width
      card.click();
      phone.click("button", "Nhận việc");
      WebElement form = phone.visible(By.cssSelector(".fjs-form"));
      phone.script("arguments[0].scrollIntoView()", form);
      assertThat(form.getRect().getWidth()).isBetween(WIDTH / 2, WIDTH);
      phone.screenshot("phone-task-form");

      // the evidence: a PDF from the phone, on the task's Tệp đính kèm tab
      Path pdf = Files.createTempDirectory("phone").resolve(FILE);
      Files.write(pdf, TestSigner.pdf("Ke hoach so 12/KH-SNV"));
      phone.click(".task-details .nav-tabs a", "Tệp đính kèm");
      WebElement input = phone.visible(By.cssSelector(".danvan-tep input[type='file']"));
      input.sendKeys(pdf.toAbsolutePath().toString());
      phone.click(".danvan-tep button", "Tải lên");
      phone.waitForText(FILE);
      phone.screenshot("phone-file-attached");
      assertThat(width(phone)).isLessThanOrEqualTo(WIDTH);
      phone.click(".task-details .nav-tabs a", "Biểu mẫu");

      WebElement report = phone.visible(By.cssSelector(".fjs-form textarea"));
      phone.script("arguments[0].scrollIntoView()", report);
      report.sendKeys("Đã ban hành kế hoạch, triển khai tới 100% phòng ban");
      phone.screenshot("phone-form-filled");
      WebElement complete =
          phone.all(By.cssSelector("button")).stream()
              .filter(b -> b.isDisplayed() && b.getText().contains("Hoàn thành"))
              .findFirst()
              .orElseThrow();
      assertThat(complete.getRect().getX() + complete.getRect().getWidth())
          .as("Hoàn thành can be reached")
          .isLessThanOrEqualTo(WIDTH);
      phone.script("arguments[0].scrollIntoView()", complete);
      complete.click();
      phone.waitForText("Chọn một công việc trong danh sách");
      phone.screenshot("phone-completed");
    }
    Http.Reply tasks =
        http.get("/engine-rest/task?processInstanceId=" + id, RunningDemoApp.COORDINATOR);
    assertThat(tasks.body()).contains("\"taskDefinitionKey\":\"Task_ApproveResult\"");
    // the file went with the work: the leader who approves it sees it
    String approve = tasks.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    assertThat(
            http.get("/api/tep-dinh-kem/cong-viec/" + approve + "/truoc-do", "soNoiVuLanhDao:demo")
                .body())
        .contains(FILE);
  }

  /** The widest the page has laid itself out, in CSS pixels. */
  private static long width(Browser phone) {
    return ((Number) phone.script("return document.documentElement.scrollWidth")).longValue();
  }

  private static WebElement firstCard(Browser phone, String name) {
    for (int tries = 0; tries < 100; tries++) {
      for (WebElement card : phone.all(By.cssSelector(".tasks-list .task"))) {
        if (card.isDisplayed() && card.getText().contains(name)) {
          return card;
        }
      }
      phone.pause(200);
    }
    throw new AssertionError("no card " + name);
  }
}
