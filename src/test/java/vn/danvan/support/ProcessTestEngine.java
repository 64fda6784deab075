package vn.danvan.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine for process tests, with the application's beans ({@link ProcessTestApplication},
 * started once for all process tests) and flow-node coverage reports under target/.
 */
public final class ProcessTestEngine {

  /** The blocks a directive calls: run by its tests, their coverage judged by the blocks' own. */
  public static final String[] BLOCKS = {
    "assignment",
    "fanout",
    "fanoutChunk",
    "fanoutMember",
    "chaseNotice",
    "periodicReport",
    "reportPeriod",
    "reviewMilestone",
    "thangDanVan",
    "annualEvaluation",
    "evaluationYear",
    "bodyEvaluation",
    "skilfulQuota",
    "skilfulFocus",
    "skilfulContest",
    "inspection"
  };

  private ProcessTestEngine() {}

  /**
   * An engine extension that fails the class unless every flow node of its models was run, except
   * the models named (deployed only because the tested one calls them).
   */
  public static ProcessEngineCoverageExtension withFullCoverage(String... calledOnly) {
    ProcessEngineCoverageExtension.Builder builder = builder();
    builder.excludeProcessDefinitionKeys(calledOnly);
    builder.assertClassCoverageAtLeast(1.0);
    return builder.build();
  }

  /** The same engine, reporting coverage without a minimum (for tests of compositions). */
  public static ProcessEngineCoverageExtension withCoverageReport() {
    return builder().build();
  }

  /** The application's bean of that type, as the engine's models call it. */
  public static <T> T bean(Class<T> type) {
    return Application.CONTEXT.getBean(type);
  }

  /**
   * A builder on the application's engine: the extension "builds" its engine from a configuration,
   * which here hands over the one already built.
   */
  private static ProcessEngineCoverageExtension.Builder builder() {
    ProcessEngine engine = Application.CONTEXT.getBean(ProcessEngine.class);
    return ProcessEngineCoverageExtension.builder(
        new ProcessEngineConfiguration() {
          @Override
          public ProcessEngine buildProcessEngine() {
            return engine;
          }
        });
  }

  /** Started by the first process test that runs. */
  private static final class Application {
    static final ConfigurableApplicationContext CONTEXT = ProcessTestApplication.start();
  }
}
