package vn.danvan.support;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.SpringProcessWithCoverageEngineConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.PropertySource;
import vn.danvan.rehearsal.RehearsalEngine;

/**
 * The application's own beans on an engine for process tests: the rehearsal's ({@link
 * RehearsalEngine}) with flow-node coverage, its own in-memory H2 database. Settings: {@code
 * process-tests.properties}.
 *
 * <p>Not a {@code @Configuration}: the application's own scan of {@code vn.danvan} would find it on
 * the test class path and add a second engine to every application a test starts.
 */
@PropertySource(value = "classpath:process-tests.properties", encoding = "UTF-8")
class ProcessTestApplication extends RehearsalEngine {

  /** Started once per test JVM, closed as it ends. */
  static ConfigurableApplicationContext start() {
    return RehearsalEngine.start(ProcessTestApplication.class, Map.of());
  }

  @Override
  protected String name() {
    return "process-tests";
  }

  @Override
  protected SpringProcessEngineConfiguration newConfiguration() {
    return new SpringProcessWithCoverageEngineConfiguration();
  }
}
