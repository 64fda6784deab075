package vn.danvan.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.CONFIRMED_AT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.OrgRegistryLoader;
import vn.danvan.support.ProcessTestEngine;

/**
 * What the board's charts read besides its tables: the trend by quarter (due, done, on time,
 * overdue, on-time rate) of every quarter whatever the period, and the overdue work per directive,
 * which is each directive's overdue list counted, for the bodies the reader sees and the period.
 */
class BoardChartsTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverageReport();

  static final String FIRST = "CT-CHARTS-1";
  static final String SECOND = "CT-CHARTS-2";
  static final String NONE = "CT-CHARTS-3";

  private String deployment;
  private Board board;

  @BeforeEach
  void work() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDate.of(2026, 1, 10).atStartOfDay(Deadlines.ZONE).toInstant()));
    var deploy = repositoryService().createDeployment();
    for (String kind : List.of("assignment", "fanoutMember")) {
      deploy.addModelInstance(
          kind + ".bpmn",
          Bpmn.createExecutableProcess(kind)
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .endEvent()
              .done());
    }
    deployment = deploy.deploy().getId();
    board =
        new Board(
            new Deadlines(),
            OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml")),
            new BoardStore(
                ((ProcessEngineConfigurationImpl)
                        BpmnAwareTests.processEngine().getProcessEngineConfiguration())
                    .getDataSource()));
  }

  @AfterEach
  void clean() {
    repositoryService().deleteDeployment(deployment, true);
    ClockUtil.reset();
  }

  @Test
  void theTrendCountsEveryQuarterAndTheOverdueWorkIsCountedPerDirective() {
    // the first directive: quarter I/2025 one on time, one late; quarter II one overdue, one
    // awaiting confirmation; a handed-over assignment and work without a deadline: in no quarter
    start("fanoutMember", FIRST, work("soNoiVu", "2025-03-31").submitted("2025-03-20", true));
    start("fanoutMember", FIRST, work("soNoiVu", "2025-03-31").submitted("2025-04-05", true));
    start("fanoutMember", FIRST, work("soTaiChinh", "2025-06-30"));
    start("fanoutMember", FIRST, work("soTaiChinh", "2025-06-30").submitted("2025-06-01", false));
    start("assignment", FIRST, work("soTaiChinh", "2025-06-30").putValue(ANSWERED_AHEAD, true));
    start("assignment", FIRST, work("soNoiVu", null));
    // the second: three overdue in quarter III/2025, one on time in quarter IV
    start("assignment", SECOND, work("soNoiVu", "2025-09-30"));
    start("fanoutMember", SECOND, work("soNoiVu", "2025-09-30"));
    start("fanoutMember", SECOND, work("soTaiChinh", "2025-08-15"));
    start("fanoutMember", SECOND, work("soTaiChinh", "2025-12-31").submitted("2025-12-01", true));

    assertThat(board.of(FIRST, null, body -> true).trend())
        .containsExactly(
            new QuarterTrend.Quarter("2025-Q1", "Quý I/2025", 2, 2, 1, 0, 50),
            new QuarterTrend.Quarter("2025-Q2", "Quý II/2025", 2, 0, 0, 1, 0));
    // a period narrows the tables, not the trend
    assertThat(board.of(FIRST, ReportPeriod.parse("2025-Q1"), body -> true).trend())
        .isEqualTo(board.of(FIRST, null, body -> true).trend());
    assertThat(board.of(SECOND, null, "soNoiVu"::equals).trend())
        .containsExactly(new QuarterTrend.Quarter("2025-Q3", "Quý III/2025", 2, 0, 0, 2, 0));

    List<String> directives = List.of(FIRST, SECOND, NONE);
    assertThat(board.overdueByDirective(directives, null, body -> true))
        .containsExactlyInAnyOrderEntriesOf(Map.of(FIRST, 1, SECOND, 3, NONE, 0));
    for (String directive : List.of(FIRST, SECOND)) {
      assertThat(board.overdueByDirective(List.of(directive), null, body -> true).get(directive))
          .isEqualTo(board.of(directive, null, body -> true).overdue().size());
    }
    assertThat(board.overdueByDirective(directives, null, "soNoiVu"::equals))
        .containsExactlyInAnyOrderEntriesOf(Map.of(FIRST, 0, SECOND, 2, NONE, 0));
    assertThat(board.overdueByDirective(directives, ReportPeriod.parse("2025-Q2"), body -> true))
        .containsExactlyInAnyOrderEntriesOf(Map.of(FIRST, 1, SECOND, 0, NONE, 0));
    assertThat(board.overdueByDirective(List.of(), null, body -> true)).isEmpty();
  }

  /** A piece of work's variables, as its instance keeps them. */
  static final class Work {
    final VariableMap vars;

    Work(String body, String deadline) {
      vars = Variables.putValue(LEAD_BODY, body).putValue(TASK_CONTENT, "Báo cáo quý");
      if (deadline != null) {
        vars.putValue(DEADLINE, deadline);
      }
    }

    Work submitted(String day, boolean confirmed) {
      Date at = Date.from(LocalDate.parse(day).atTime(9, 0).atZone(Deadlines.ZONE).toInstant());
      vars.putValue(SUBMITTED_AT, at);
      if (confirmed) {
        vars.putValue(CONFIRMED_AT, at);
      }
      return this;
    }

    Work putValue(String name, Object value) {
      vars.putValue(name, value);
      return this;
    }
  }

  private static Work work(String body, String deadline) {
    return new Work(body, deadline);
  }

  private static void start(String kind, String directive, Work work) {
    runtimeService().startProcessInstanceByKey(kind, directive, work.vars);
  }
}
