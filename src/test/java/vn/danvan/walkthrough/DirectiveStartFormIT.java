package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;

/**
 * The administrator starts a directive from Tasklist, in a real headless Chromium: one start form
 * for every directive model shows the number and issue date the model names, those the text does
 * not give labelled as assumed (Bình Thuận 2016), the text's own as such (Quảng Ngãi 15/CT-UBND);
 * the form starts the directive with the number as business key and the date as yyyy-MM-dd.
 * Screenshots: target/walkthrough/.
 */
class DirectiveStartFormIT {

  static final String ADMIN = "demo:demo";

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-start-form");

  @Test
  void theAdministratorSeesTheAssumedNumberAndDateAndStartsWithTheTextsOwn() throws Exception {
    Http http = new Http(APP.port());
    LocalDate today = LocalDate.now(Deadlines.ZONE);
    try (Browser browser = new Browser(APP.port())) {
      browser.login("tasklist", "demo", "demo");
      browser.click("a", "Khởi động quy trình");
      browser.click(".modal-body a", "Bình Thuận, 2016");
      browser.waitForText("Số giả định — văn bản không ghi số.");
      browser.waitForText("Ngày giả định — văn bản không ghi ngày.");
      assertThat(field(browser, "soKyHieu").getAttribute("value")).isEqualTo("CT-DV-BT-2016");
      assertThat(field(browser, "signer").getAttribute("value")).startsWith("Dương Văn An");
      assertThat(field(browser, "ngayBanHanh").getAttribute("value")).isEqualTo("15/06/2016");
      browser.screenshot("directive-start-assumed");
      browser.click(".modal-footer button", "Quay lại");

      browser.click(".modal-body a", "Quảng Ngãi, 2016");
      browser.waitForText("Số của văn bản: 15/CT-UBND.");
      assertThat(browser.text()).doesNotContain("Số giả định");
      assertThat(field(browser, "ngayBanHanh").getAttribute("value")).isEqualTo("25/07/2016");
      // the rest of the document's record, from the model, for a person to correct
      assertThat(field(browser, "issuingBody").getAttribute("value"))
          .isEqualTo("Ủy ban nhân dân tỉnh Quảng Ngãi");
      assertThat(field(browser, "documentType").getAttribute("value")).isEqualTo("Chỉ thị");
      assertThat(
              browser
                  .visible(By.cssSelector(".modal-body form.danvan-sheet textarea[name='summary']"))
                  .getAttribute("value"))
          .startsWith("Về tăng cường và đổi mới công tác dân vận");
      field(browser, "signer").sendKeys("Lê Viết Chữ (Chủ tịch)");
      new Select(
              browser.visible(
                  By.cssSelector(".modal-body form.danvan-sheet select[name='urgency']")))
          .selectByVisibleText("Khẩn");
      WebElement date = field(browser, "ngayBanHanh");
      date.clear();
      date.sendKeys(today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      browser.screenshot("directive-start-own");
      browser.click(".modal-footer button", "Khởi động");
      browser.waitForText("Đã khởi động quy trình.");
    }
    String started =
        http.get(
                "/engine-rest/process-instance?processDefinitionKey=chiThi15QuangNgai2016"
                    + "&businessKey=15/CT-UBND",
                ADMIN)
            .body();
    String ids = started.replaceAll("(?s)\"id\":\"([^\"]+)\"", "\n$1\n");
    assertThat(started).contains("15/CT-UBND");
    boolean found = false;
    for (String line : ids.split("\n")) {
      if (line.matches("[0-9a-f-]{36}")) {
        String variable =
            http.get("/engine-rest/process-instance/" + line + "/variables/issuedDate", ADMIN)
                .body();
        if (variable.contains("\"value\":\"" + today + "\"")) {
          found = true;
          assertThat(value(http, line, "urgency")).isEqualTo("Khẩn");
          assertThat(value(http, line, "secrecy")).isEqualTo("Thường");
          assertThat(value(http, line, "signer")).isEqualTo("Lê Viết Chữ (Chủ tịch)");
          assertThat(value(http, line, "summary"))
              .startsWith("Về tăng cường và đổi mới công tác dân vận");
        }
      }
    }
    assertThat(found).as("an instance started today, its date as yyyy-MM-dd").isTrue();
  }

  private static String value(Http http, String instance, String name) {
    return http.get("/engine-rest/process-instance/" + instance + "/variables/" + name, ADMIN)
        .body()
        .replaceAll("(?s).*\"value\":\"([^\"]*)\".*", "$1");
  }

  private static WebElement field(Browser browser, String name) {
    return browser.visible(
        By.cssSelector(".modal-body form.danvan-sheet input[name='" + name + "']"));
  }
}
