package vn.danvan.support;

import org.camunda.bpm.engine.ProcessEngine;
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

  /**
   * The demo as {@code ./mvnw spring-boot:run} starts it, on the in-memory H2 database {@code
   * database}: its directives replayed and the job executor on. Returns once the jobs already due
   * have run (the fan-outs' tasks created, the timers due fired), or after a minute.
   */
  public static ConfigurableApplicationContext withDirectives(String database)
      throws InterruptedException {
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(DanVanApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    long until = System.currentTimeMillis() + 60_000;
    while (engine.getManagementService().createJobQuery().executable().count() > 0
        && System.currentTimeMillis() < until) {
      Thread.sleep(200);
    }
    return app;
  }

  /** A bean of the running application (its engine, to run what its job executor would). */
  public <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  public int port() {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }
}
