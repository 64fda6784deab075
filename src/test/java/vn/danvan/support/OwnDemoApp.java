package vn.danvan.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.DanVanApplication;

/**
 * The demo application of a browser test class's own (other tests' applications come and go),
 * started before its tests and closed after them ({@code @RegisterExtension}): the demo profile and
 * its accounts, an in-memory database of its own, the job executor off (the test runs the jobs it
 * needs), none of the demo's directives.
 */
public final class OwnDemoApp implements BeforeAllCallback, AfterAllCallback {

  private final String database;
  private ConfigurableApplicationContext app;

  /** On the in-memory H2 database {@code database}. */
  public OwnDemoApp(String database) {
    this.database = database;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    app =
        new SpringApplicationBuilder(DanVanApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false",
                "--danvan.demo.directives=false");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    app.close();
  }

  /** A bean of the running application (its engine, to run what its job executor would). */
  public <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  public int port() {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }
}
