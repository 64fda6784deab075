package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.support.Browser;
import vn.danvan.support.OwnDemoApp;

/**
 * The coordinators' board in Cockpit as Ban Dân vận's coordinator reads it, on the demo province
 * and its directives, authorization on, in a real headless Chromium: the charts of the on-time rate
 * per body, the trend by quarter and the overdue work per directive are drawn with data, each gives
 * its PNG ("Tải ảnh PNG"), and the directive and period chosen come back after a reload.
 * Screenshots: target/walkthrough/.
 */
class BoardChartsIT {

  static final String DIRECTIVE = "NQ-DV-BG-2016";
  static final List<String> CHARTS =
      List.of("ty-le-dung-han", "xu-huong-theo-quy", "qua-han-theo-van-ban");

  static ConfigurableApplicationContext app;

  @BeforeAll
  static void startDemo() throws Exception {
    app = OwnDemoApp.withDirectives("danvan-board-charts");
  }

  @AfterAll
  static void stopDemo() {
    app.close();
  }

  /** A directive is found by its number or by words of its trích yếu, marks and case aside. */
  @Test
  void theCoordinatorFindsADirectiveByItsNumberOrItsSummary() throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.visible(By.cssSelector(".danvan-board-directive option"));
      assertThat(options(browser)).hasSizeGreaterThanOrEqualTo(5);
      WebElement search = browser.visible(By.cssSelector(".danvan-board-search"));
      // words of the Bắc Giang resolution's trích yếu, typed without marks
      search.sendKeys("doi moi su lanh dao cap uy");
      assertThat(options(browser)).containsExactly(DIRECTIVE);
      browser.waitForText("Xu hướng theo quý — văn bản " + DIRECTIVE);
      browser.screenshot("board-found-by-summary");
      search.clear();
      search.sendKeys("15/CT-UBND");
      assertThat(options(browser)).containsExactly("15/CT-UBND");
      search.clear();
      search.sendKeys("không có văn bản này");
      browser.waitForText("Không có văn bản nào có số hoặc trích yếu như vậy.");
      assertThat(options(browser)).isEmpty();
    }
  }

  private static List<String> options(Browser browser) {
    return browser.all(By.cssSelector(".danvan-board-directive option")).stream()
        .map(o -> o.getAttribute("value"))
        .toList();
  }

  @Test
  void theCoordinatorSeesChartsTakesTheirPngsAndFindsTheChoiceKept() throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    try (Browser browser = new Browser(port)) {
      browser.login("cockpit", "bdvTUDieuPhoi", "demo");
      browser.open("/camunda/app/cockpit/default/#/dashboard");
      browser.waitForText("Bảng theo dõi thực hiện văn bản");
      browser.visible(By.cssSelector(".danvan-board-directive option"));
      browser.waitForText("Biểu đồ");
      new Select(browser.visible(By.cssSelector(".danvan-board-directive")))
          .selectByValue(DIRECTIVE);
      browser.waitForText("Xu hướng theo quý — văn bản " + DIRECTIVE);

      for (String key : CHARTS) {
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) browser.script(DRAWN, key);
        assertThat(drawn).as(key).isNotNull();
        assertThat(((Number) drawn.get("points")).intValue()).as(key + ": points").isPositive();
        if (!key.equals("ty-le-dung-han")) { // a rate may be 0% everywhere
          assertThat(((Number) drawn.get("sum")).doubleValue()).as(key + ": data").isPositive();
        }
        assertThat(((Number) drawn.get("inked")).intValue())
            .as(key + ": pixels other than the white background")
            .isGreaterThan(500);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> overdue = (Map<String, Object>) browser.script(DRAWN, CHARTS.get(2));
      assertThat(((Number) overdue.get("chosenBar")).intValue())
          .as("the chosen directive's overdue bar, in its own red")
          .isGreaterThan(50);
      browser.script(
          "document.querySelector('figure[data-chart=\"ty-le-dung-han\"]').scrollIntoView()");
      browser.screenshot("board-charts");

      // the bodies × steps matrix: open at once for a few bodies, else when opened; a row per body
      WebElement matrix = browser.visible(By.cssSelector(".danvan-board-matrix-details"));
      if (matrix.getAttribute("open") == null) {
        matrix.findElement(By.tagName("summary")).click();
      }
      browser.visible(By.cssSelector(".danvan-board-matrix tbody tr"));
      assertThat(browser.all(By.cssSelector(".danvan-board-matrix tbody tr")))
          .hasSameSizeAs(browser.all(By.cssSelector(".danvan-board-figures tbody tr")))
          .isNotEmpty();
      assertThat(browser.all(By.cssSelector(".danvan-board-matrix tbody a"))).isNotEmpty();

      for (String key : CHARTS) {
        browser
            .visible(By.cssSelector("figure[data-chart='" + key + "'] .danvan-chart-png"))
            .click();
        String link = "figure[data-chart='" + key + "'] .danvan-chart-png-link";
        String href =
            (String) browser.script("return document.querySelector(arguments[0]).href", link);
        String file =
            (String) browser.script("return document.querySelector(arguments[0]).download", link);
        assertThat(href).as(key).startsWith("data:image/png;base64,");
        assertThat(file).startsWith(key + "-" + DIRECTIVE.replace('/', '-')).endsWith(".png");
        BufferedImage png =
            ImageIO.read(
                new ByteArrayInputStream(
                    Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
        assertThat(png).as(key + ": a PNG image").isNotNull();
        assertThat(png.getWidth()).as(key).isGreaterThan(200);
        assertThat(png.getHeight()).as(key).isGreaterThan(100);
        assertThat(png.getRGB(1, 1) & 0xffffff).as(key + ": on white").isEqualTo(0xffffff);
      }

      // a period too; both come back after a reload
      Select period = new Select(browser.visible(By.cssSelector(".danvan-board-period")));
      String chosenPeriod = period.getOptions().get(1).getAttribute("value");
      period.selectByValue(chosenPeriod);
      browser.waitForText("Số liệu theo đơn vị — Năm " + chosenPeriod);
      browser.script("location.reload()");
      // Cockpit starts anew: slow on a busy machine
      long until = System.currentTimeMillis() + 120_000;
      while (!shows(browser, "Số liệu theo đơn vị — Năm " + chosenPeriod)
          && System.currentTimeMillis() < until) {
        browser.pause(500);
      }
      browser.waitForText("Số liệu theo đơn vị — Năm " + chosenPeriod);
      browser.waitForText("Xu hướng theo quý — văn bản " + DIRECTIVE);
      assertThat(
              new Select(browser.visible(By.cssSelector(".danvan-board-directive")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo(DIRECTIVE);
      assertThat(
              new Select(browser.visible(By.cssSelector(".danvan-board-period")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo(chosenPeriod);
      browser.script("document.querySelector('.danvan-board').scrollIntoView()");
      browser.screenshot("board-choice-kept");
    }
  }

  private static boolean shows(Browser browser, String text) {
    try {
      return browser.text().contains(text);
    } catch (RuntimeException reloading) {
      return false;
    }
  }

  /**
   * A chart's data (points, their sum) from its Chart.js instance, and the pixels its canvas drew
   * (other than white; of the chosen directive's red, #c62828).
   */
  static final String DRAWN =
      """
      const figure = document.querySelector('figure[data-chart="' + arguments[0] + '"]');
      if (!figure) return null;
      const canvas = figure.querySelector('canvas');
      const chart = window.Chart && window.Chart.getChart(canvas);
      if (!chart) return null;
      const values = chart.data.datasets.flatMap((d) => d.data).filter((v) => v != null);
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      let chosenBar = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) inked++;
        if (pixels[i] === 198 && pixels[i + 1] === 40 && pixels[i + 2] === 40) chosenBar++;
      }
      return { points: values.length, sum: values.reduce((a, b) => a + b, 0), inked, chosenBar };
      """;
}
