package vn.danvan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.RunningDemoApp;

/**
 * The Cockpit page "Soạn thảo từ văn bản" as the administrator ({@code demo}) uses it, in a real
 * headless Chromium: a directive's .txt uploaded, the items table and the draft's drawing shown
 * (bpmn-js draws its shapes), "Tải tệp .bpmn" gives the draft, "Triển khai" deploys it and the new
 * definition exists. Screenshots: target/walkthrough/.
 */
class IntakePageIT extends RunningDemoApp {

  @Autowired RepositoryService repository;

  @Test
  void theAdministratorUploadsADirectiveSeesTheDraftDownloadsAndDeploysIt() throws Exception {
    String key = "chiThi18Page" + System.nanoTime() % 1_000_000;
    Path text = Path.of("src/test/resources/intake/texts/own-2.txt").toAbsolutePath();
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "demo", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.click("a", "Soạn thảo từ văn bản");
      browser
          .visible(By.cssSelector(".danvan-intake-form input[type='file']"))
          .sendKeys(text.toString());
      browser.visible(By.cssSelector(".danvan-intake-form input[name='key']")).sendKeys(key);
      browser.click(".danvan-intake-form button", "Đọc văn bản");

      browser.visible(By.cssSelector(".danvan-intake-items tbody tr"));
      assertThat(browser.all(By.cssSelector(".danvan-intake-items tbody tr")).size())
          .isGreaterThan(5);
      browser.waitForText("18-CT/TU");
      browser.waitForText("Giao nhiệm vụ");
      browser.visible(By.cssSelector(".danvan-intake-body[data-shown], .danvan-intake-error"));
      assertThat(browser.all(By.cssSelector(".danvan-intake-error"))).isEmpty();
      assertThat(browser.all(By.cssSelector(".danvan-intake-canvas .djs-shape")).size())
          .as("shapes bpmn-js drew")
          .isGreaterThan(10);
      browser.screenshot("intake-draft");

      // "Tải tệp .bpmn": the link the page clicks holds the draft
      browser.script(
          "window.danvanDownloads = [];"
              + "HTMLAnchorElement.prototype.click = function () {"
              + " window.danvanDownloads.push({ href: this.href, name: this.download }); };");
      browser.script("document.querySelector('.danvan-intake-download').click()");
      assertThat(browser.script("return window.danvanDownloads[0].name")).isEqualTo(key + ".bpmn");
      String href = (String) browser.script("return window.danvanDownloads[0].href");
      assertThat(href).startsWith("data:application/xml;charset=utf-8,");
      String saved =
          java.net.URLDecoder.decode(
              href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(saved).contains("id=\"" + key + "\"").contains("CallActivity_Item_");

      browser.script("document.querySelector('.danvan-intake-deploy').click()");
      String deployed = "";
      for (int i = 0; i < 40 && !deployed.startsWith("Đã triển khai"); i++) {
        browser.pause(500);
        deployed =
            (String)
                browser.script(
                    "return document.querySelector('.danvan-intake-deployed').innerText");
      }
      browser.screenshot("intake-deployed");
      assertThat(deployed).startsWith("Đã triển khai: Chỉ thị 18-CT/TU").contains("phiên bản 1");
      assertThat(browser.script("return document.querySelector('.danvan-intake-done a').href"))
          .asString()
          .contains("#/process-definition/" + key + ":1:");
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
  }

  /**
   * A coordinator uses Cockpit but not the administrators' pages: neither "Soạn thảo từ văn bản"
   * nor "Diễn tập văn bản" shows in the menu (their APIs answer a coordinator 403); the
   * administrator sees both.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theAdministratorsPagesShowInTheMenuToAdministratorsOnly() throws Exception {
    // the entries not hidden by the check (the menu may fold some under "Thêm")
    String shown =
        "return ['Soạn thảo từ văn bản', 'Diễn tập văn bản'].filter((label) =>"
            + " [...document.querySelectorAll('a, li')].some((e) => e.textContent.trim() === label"
            + " && !e.closest('[style*=\"display: none\"]')))";
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.waitForText("Bảng theo dõi");
      browser.pause(3000); // the answer on the groups
      browser.screenshot("intake-menu-coordinator");
      assertThat(browser.text()).contains("Quy trình");
      assertThat((java.util.List<Object>) browser.script(shown)).isEmpty();
    }
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "demo", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.waitForText("Soạn thảo từ văn bản");
      browser.pause(3000);
      assertThat((java.util.List<Object>) browser.script(shown))
          .containsExactly("Soạn thảo từ văn bản", "Diễn tập văn bản");
    }
  }
}
