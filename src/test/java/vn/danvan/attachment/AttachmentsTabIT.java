package vn.danvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Browser;
import vn.danvan.support.RunningDemoApp;

/**
 * In a real headless Chromium, Sở Nội vụ's staff open their task in Tasklist, attach a PDF with a
 * Vietnamese name on the *Tệp đính kèm* tab, see it listed beside the directive's own file, and
 * download it from its link with their session, byte for byte; a file of the wrong kind is refused
 * on the tab in Vietnamese; Sở Tài chính's staff opening the same task's link see no file.
 * Screenshots: target/walkthrough/.
 */
class AttachmentsTabIT extends RunningDemoApp {

  static final String NAME = "Báo cáo kết quả đợt 1.pdf";

  @Autowired ProcessEngine engine;

  @Test
  void staffAttachAFileOnTheTabAndDownloadIt() throws Exception {
    String pi = assign("soNoiVu");
    String task =
        engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    Path dir = Files.createDirectories(Path.of("target", "attachments-upload"));
    byte[] pdf = TestFiles.pdf(300 * 1024);
    Path file = Files.write(dir.resolve(NAME), pdf);
    Path program = Files.write(dir.resolve("Chương trình.pdf"), TestFiles.exe());
    // the coordinator attached the directive's text to its instance
    assertThat(
            http.postPart(
                    "/api/tep-dinh-kem/quy-trinh/" + pi,
                    COORDINATOR,
                    "tep",
                    "Chỉ thị 03-CT-UBND.docx",
                    TestFiles.docx("Chỉ thị"))
                .status())
        .isEqualTo(201);

    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", "soNoiVuCanBo", "demo");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.click(".task-details .nav-tabs a", "Tệp đính kèm");
      browser.waitForText("Chưa có tệp đính kèm.");
      browser.waitForText("Tệp của văn bản chỉ đạo");
      browser.waitForText("Chỉ thị 03-CT-UBND.docx");
      WebElement input = browser.visible(By.cssSelector(".danvan-tep input[type='file']"));
      input.sendKeys(program.toAbsolutePath().toString());
      browser.click(".danvan-tep button", "Tải lên");
      browser.waitForText("không phải loại được nhận");
      browser.screenshot("tep-dinh-kem-tu-choi");

      input.sendKeys(file.toAbsolutePath().toString());
      browser.click(".danvan-tep button", "Tải lên");
      browser.waitForText("Đã tải lên \"" + NAME + "\"");
      browser.waitForText("soNoiVuCanBo");
      WebElement link = browser.visible(By.cssSelector(".danvan-tep a.danvan-tep-tai"));
      assertThat(link.getText()).isEqualTo(NAME);
      browser.screenshot("tep-dinh-kem-da-tai-len");
      // the link downloads the file with the person's session, as it was sent
      Object downloaded =
          browser.script(
              "return fetch(arguments[0], {credentials: 'same-origin'})"
                  + ".then(r => r.arrayBuffer()).then(b => {"
                  + " const bytes = new Uint8Array(b); let sum = 0;"
                  + " for (const x of bytes) { sum = (sum * 31 + x) % 1000000007; }"
                  + " return bytes.length + ':' + sum; })",
              link.getAttribute("href"));
      assertThat(downloaded).isEqualTo(pdf.length + ":" + checksum(pdf));
      String disposition =
          (String)
              browser.script(
                  "return fetch(arguments[0], {credentials: 'same-origin'})"
                      + ".then(r => r.headers.get('Content-Disposition'))",
                  link.getAttribute("href"));
      assertThat(disposition).contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");

      browser.login("tasklist", "soTaiChinhCanBo", "demo");
      browser.open("/camunda/app/tasklist/default/#/?task=" + task);
      browser.pause(1500);
      assertThat(browser.text()).doesNotContain(NAME);
      browser.screenshot("tep-dinh-kem-don-vi-khac");
    }
  }

  private static long checksum(byte[] bytes) {
    long sum = 0;
    for (byte b : bytes) {
      sum = (sum * 31 + (b & 0xff)) % 1_000_000_007L;
    }
    return sum;
  }
}
