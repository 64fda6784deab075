package vn.danvan.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.DanVanApplication;

/**
 * The demo application of a browser test's own (other tests' applications come and go): the demo
 * profile and its accounts, an in-memory database of its own, the job executor off (the test runs
 * the jobs it needs), none of the demo's directives.
 */
public final class OwnDemoApp {

  private OwnDemoApp() {}

  /** Starts it on a free port, on the in-memory H2 database {@code database}. */
  public static ConfigurableApplicationContext start(String database) {
    return new SpringApplicationBuilder(DanVanApplication.class).profiles("demo").run(
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        "--camunda.bpm.job-execution.enabled=false", "--danvan.demo.directives=false");
  }

  public static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }
}
