package vn.danvan.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The engine for process tests, with flow-node coverage reports under target/. */
public final class ProcessTestEngine {

  private ProcessTestEngine() {}

  /**
   * An engine extension that fails the class unless every flow node of its models was run,
   * except the models named (deployed only because the tested one calls them).
   */
  public static ProcessEngineCoverageExtension withFullCoverage(String... calledOnly) {
    ProcessEngineCoverageExtension.Builder builder =
        ProcessEngineCoverageExtension.builder("process-test.cfg.xml");
    builder.excludeProcessDefinitionKeys(calledOnly);
    builder.assertClassCoverageAtLeast(1.0);
    return builder.build();
  }

  /** The same engine, reporting coverage without a minimum (for tests of compositions). */
  public static ProcessEngineCoverageExtension withCoverageReport() {
    return ProcessEngineCoverageExtension.builder("process-test.cfg.xml").build();
  }
}
