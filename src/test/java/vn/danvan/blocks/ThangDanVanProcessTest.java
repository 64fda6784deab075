package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.periodic.PeriodicVariables.CONSOLIDATING_BODY;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.MISSING_BODIES;
import static vn.danvan.variable.SharedVariables.RECIPIENT_BODY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.DirectiveRun.Received;
import vn.danvan.support.ProcessTestEngine;

/** Tháng Dân vận: plans before 30/9 and results before 15/11, every year, each compiled. */
@Deployment(
    resources = {
      "processes/blocks/thangDanVan.bpmn",
      "processes/blocks/periodicReport.bpmn",
      "processes/blocks/reportPeriod.bpmn",
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/fanoutMember.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/blocks/chaseNotice.bpmn"
    })
class ThangDanVanProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage(
          "periodicReport",
          "reportPeriod",
          "fanout",
          "fanoutChunk",
          "fanoutMember",
          "assignment",
          "chaseNotice");

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void eachOctoberBodiesPlanThenReportAndTheCoordinatorCompiles() {
    DirectiveRun.at("2024-08-01T09:00");
    ProcessInstance month =
        runtimeService()
            .startProcessInstanceByKey(
                "thangDanVan",
                "NQ-DV",
                withVariables(
                    ISSUED_DATE,
                    "2024-08-01",
                    END_DATE,
                    "2025-12-31",
                    BODIES,
                    "soNoiVu, mttqTinh",
                    CONSOLIDATING_BODY,
                    "bdvTU",
                    RECIPIENT_BODY,
                    "btvTU"));
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine());
    run.untilEnded(month, 200);
    BpmnAwareTests.assertThat(month).isEnded();

    assertThat(run.received().stream().filter(r -> r.task().equals("Task_Perform")))
        .extracting(
            Received::body,
            r ->
                r.content().contains("kế hoạch hoạt động Tháng Dân vận")
                    ? "kế hoạch"
                    : r.content().contains("kết quả hoạt động Tháng Dân vận")
                        ? "kết quả"
                        : r.content(),
            Received::given,
            Received::due)
        .containsExactlyInAnyOrder(
            tuple("soNoiVu", "kế hoạch", "2024-08-31", "2024-09-30"),
            tuple("mttqTinh", "kế hoạch", "2024-08-31", "2024-09-30"),
            tuple("soNoiVu", "kết quả", "2024-10-16", "2024-11-15"),
            tuple("mttqTinh", "kết quả", "2024-10-16", "2024-11-15"),
            tuple("soNoiVu", "kế hoạch", "2025-08-31", "2025-09-30"),
            tuple("mttqTinh", "kế hoạch", "2025-08-31", "2025-09-30"),
            tuple("soNoiVu", "kết quả", "2025-10-16", "2025-11-15"),
            tuple("mttqTinh", "kết quả", "2025-10-16", "2025-11-15"));
    assertThat(run.received().stream().filter(r -> r.task().equals("Task_Consolidate")))
        .extracting(Received::body)
        .containsOnly("bdvTU")
        .hasSize(4);
  }

  /**
   * Four years in which one body never answers: every year's plans and results open on their dates
   * and are compiled on the day after each deadline, the silent body named as missing.
   */
  @Test
  void everyOctoberGoesOnWhenOneBodyNeverAnswers() {
    DirectiveRun.at("2024-08-01T09:00");
    ProcessInstance month =
        runtimeService()
            .startProcessInstanceByKey(
                "thangDanVan",
                "NQ-DV",
                withVariables(
                    ISSUED_DATE,
                    "2024-08-01",
                    END_DATE,
                    "2027-12-31",
                    BODIES,
                    "soNoiVu, mttqTinh",
                    CONSOLIDATING_BODY,
                    "bdvTU",
                    RECIPIENT_BODY,
                    "btvTU",
                    CHASE_INTERVAL,
                    "P3M"));
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine()).silent("mttqTinh");
    run.until("2028-01-31T00:00", 3000);

    List<LocalDate> given = new ArrayList<>();
    List<LocalDate> compiled = new ArrayList<>();
    for (int year = 2024; year <= 2027; year++) {
      given.addAll(List.of(LocalDate.of(year, 8, 31), LocalDate.of(year, 10, 16)));
      compiled.addAll(List.of(LocalDate.of(year, 10, 1), LocalDate.of(year, 11, 16)));
    }
    assertThat(run.received())
        .filteredOn(r -> r.task().equals("Task_Perform") && r.body().equals("soNoiVu"))
        .extracting(Received::given)
        .as("plans and results open on their dates every year")
        .containsExactlyElementsOf(given);
    assertThat(run.received())
        .filteredOn(r -> r.task().equals("Task_Consolidate"))
        .extracting(Received::given)
        .as("compiled the day after each deadline")
        .containsExactlyElementsOf(compiled);
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(MISSING_BODIES)
                .list())
        .extracting(v -> v.getValue())
        .hasSize(8)
        .containsOnly("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    assertThat(
            historyService()
                .createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_Conclude")
                .finished()
                .count())
        .isEqualTo(8);
    BpmnAwareTests.assertThat(month).isActive();
  }

  /** body, the kind of report (a word of its content), when given, when due. */
  static org.assertj.core.groups.Tuple tuple(String body, String kind, String given, String due) {
    return org.assertj.core.groups.Tuple.tuple(
        body, kind, LocalDate.parse(given), LocalDate.parse(due));
  }
}
