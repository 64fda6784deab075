package vn.danvan.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * The product's {@link vn.danvan.rehearsal.DirectiveRun} for tests: on the process tests' engine by
 * default, with the blocks a directive calls (their coverage judged by the blocks' own tests).
 */
public final class DirectiveRun extends vn.danvan.rehearsal.DirectiveRun {

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

  /** On the process tests' engine. */
  public DirectiveRun() {
    this(BpmnAwareTests.processEngine());
  }

  public DirectiveRun(ProcessEngine engine) {
    super(engine);
  }

  @Override
  public DirectiveRun late(double share, long seed, int days) {
    super.late(share, seed, days);
    return this;
  }

  @Override
  public DirectiveRun parallel(int threads) {
    super.parallel(threads);
    return this;
  }

  @Override
  public DirectiveRun silent(String body) {
    super.silent(body);
    return this;
  }

  @Override
  public DirectiveRun withoutRecording() {
    super.withoutRecording();
    return this;
  }
}
