package vn.danvan.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * scripts/test.sh) driving the Camunda webapps as a person would; screenshots go to {@code
 * target/walkthrough/}.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = env("DANVAN_CHROMIUM", "/usr/bin/chromium");
  static final String DRIVER = env("DANVAN_CHROMEDRIVER", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path shots;
  private int shot;

  public Browser(int port) throws IOException {
    this(port, null);
  }

  /**
   * A phone: Chromium's mobile emulation of a 390×844 screen (pixel ratio 3, touch, a mobile
   * browser's user agent).
   */
  public static Browser phone(int port) throws IOException {
    return new Browser(port, Map.of("width", 390, "height", 844, "pixelRatio", 3.0));
  }

  private Browser(int port, Map<String, Object> phoneScreen) throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
      throw new IllegalStateException(
          "Chromium and ChromeDriver are needed at "
              + CHROMIUM
              + " and "
              + DRIVER
              + " (Debian: apt-get install chromium chromium-driver;"
              + " scripts/test.sh installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,1000",
        "--lang=vi");
    if (phoneScreen != null) {
      options.setExperimentalOption(
          "mobileEmulation",
          Map.of(
              "deviceMetrics",
              phoneScreen,
              "userAgent",
              "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                  + " Chrome/126.0 Mobile Safari/537.36"));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(DRIVER).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    base = "http://localhost:" + port;
    shots = Files.createDirectories(Path.of("target", "walkthrough"));
  }

  /** Runs the browser in {@code zone} (an IANA zone id) from now on, whatever the machine's. */
  public void timeZone(String zone) {
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  public void open(String path) {
    driver.get(base + path);
  }

  /** Logs in on the webapp's own login page (leaving any earlier session first). */
  public void login(String app, String user, String password) {
    driver.manage().deleteAllCookies();
    open("/camunda/app/" + app + "/default/");
    WebElement name = visible(By.cssSelector("input[ng-model='username']"));
    name.clear();
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("input[ng-model='password']")));
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** Waits until the page's text contains {@code text}. */
  public void waitForText(String text) {
    try {
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    } catch (RuntimeException notThere) {
      failed("waiting for \"" + text + "\"", notThere);
    }
  }

  /** Keeps what the page showed when a step failed (screenshot and HTML), then fails. */
  private void failed(String what, RuntimeException cause) {
    try {
      throw new AssertionError(what + ": see " + screenshot("failed"), cause);
    } catch (IOException e) {
      cause.addSuppressed(e);
      throw cause;
    }
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Clicks the first visible element matching {@code css} whose text contains {@code text}. */
  public void click(String css, String text) {
    try {
      wait.ignoring(StaleElementReferenceException.class) // the page redrawn meanwhile: again
          .until(
              d ->
                  d.findElements(By.cssSelector(css)).stream()
                      .filter(e -> e.isDisplayed() && e.getText().contains(text))
                      .findFirst()
                      .map(
                          e -> {
                            e.click();
                            return true;
                          })
                      .orElse(false));
    } catch (RuntimeException notThere) {
      failed("clicking " + css + " \"" + text + "\"", notThere);
    }
  }

  public void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves a screenshot and the page's HTML as target/walkthrough/NN-name.{png,html}. */
  public Path screenshot(String name) throws IOException {
    String file = String.format("%02d-%s", ++shot, name);
    Path png = shots.resolve(file + ".png");
    Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    Files.writeString(shots.resolve(file + ".html"), driver.getPageSource());
    return png;
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
