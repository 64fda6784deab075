package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.adhoc.AdhocVariables.DIRECTION;
import static vn.danvan.adhoc.AdhocVariables.ESCALATE;
import static vn.danvan.adhoc.AdhocVariables.FOLLOW_UP_BODY;
import static vn.danvan.adhoc.AdhocVariables.FOLLOW_UP_CONTENT;
import static vn.danvan.adhoc.AdhocVariables.FOLLOW_UP_DEADLINE;
import static vn.danvan.adhoc.AdhocVariables.INCIDENT_DETAILS;
import static vn.danvan.adhoc.AdhocVariables.INCIDENT_TITLE;
import static vn.danvan.adhoc.AdhocVariables.REPORTING_BODY;
import static vn.danvan.adhoc.AdhocVariables.SEVERITY;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.variable.SharedVariables.ASSESSMENT;
import static vn.danvan.variable.SharedVariables.FOLLOW_UP;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.input.InvalidInputException;
import vn.danvan.support.ProcessTestEngine;

/** An incident reported by a commune, handled urgently, escalated, followed up. */
@Deployment(resources = {"processes/blocks/adhocReport.bpmn", "processes/blocks/assignment.bpmn"})
class AdhocReportProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage("assignment");

  @BeforeEach
  void at() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T02:00:00Z")));
  }

  @AfterEach
  void reset() {
    identityService().clearAuthentication();
    ClockUtil.reset();
  }

  /** Raised by a person of the registry, as Tasklist's start form does. */
  static ProcessInstance raise(String reporter, Object... extra) {
    identityService().setAuthenticatedUserId(reporter);
    Map<String, Object> vars =
        withVariables(
            INCIDENT_TITLE,
            "Khiếu kiện đông người về đất đai",
            INCIDENT_DETAILS,
            "Khoảng 50 hộ dân tập trung tại trụ sở xã",
            SEVERITY,
            "nghiemTrong");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    try {
      return runtimeService().startProcessInstanceByKey("adhocReport", "DX-1", vars);
    } finally {
      identityService().clearAuthentication();
    }
  }

  static Task taskOf(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).singleResult();
  }

  @Test
  void handledUrgentlyEscalatedAndFollowedUp() {
    ProcessInstance pi = raise("ubndXaXuanLocCanBo");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_HandleIncident");
    assertThat(runtimeService().getVariable(pi.getId(), REPORTING_BODY)).isEqualTo("ubndXaXuanLoc");
    BpmnAwareTests.assertThat(task())
        .hasCandidateGroup("bdvTU")
        .hasDueDate(Date.from(Instant.parse("2026-11-24T02:00:00Z")));
    complete(task(), withVariables(ASSESSMENT, "Đã cử cán bộ nắm tình hình", ESCALATE, true));

    BpmnAwareTests.assertThat(task()).hasCandidateGroup("ttTULanhDao");
    complete(
        task(),
        withVariables(
            DIRECTION,
            "Giao UBND xã đối thoại với nhân dân",
            FOLLOW_UP,
            true,
            FOLLOW_UP_BODY,
            "ubndXaXuanLoc",
            FOLLOW_UP_CONTENT,
            "Tổ chức đối thoại, báo cáo kết quả",
            FOLLOW_UP_DEADLINE,
            "2026-11-30"));

    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_FollowUp");
    Task followUp =
        taskQuery()
            .processInstanceBusinessKey("DX-1")
            .taskDefinitionKey("Task_Perform")
            .singleResult();
    BpmnAwareTests.assertThat(followUp).hasCandidateGroup("ubndXaXuanLoc");
    complete(followUp, withVariables(RESULT_REPORT, "Đã đối thoại, dân đồng thuận"));
    complete(
        taskQuery().taskDefinitionKey("Task_ApproveResult").singleResult(),
        withVariables(APPROVED, true));
    complete(
        taskQuery().taskDefinitionKey("Task_ConfirmResult").singleResult(),
        withVariables(CONFIRMED, true));
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("CallActivity_FollowUp");
  }

  @Test
  void closedWithoutEscalationOrWithoutFollowUp() {
    ProcessInstance handledLocally = raise("soNoiVuCanBo");
    complete(
        taskOf(handledLocally), withVariables(ASSESSMENT, "Đã xử lý tại chỗ", ESCALATE, false));
    BpmnAwareTests.assertThat(handledLocally).isEnded();

    ProcessInstance directedOnly = raise("soNoiVuLanhDao");
    complete(taskOf(directedOnly), withVariables(ASSESSMENT, "Cần chỉ đạo", ESCALATE, true));
    complete(taskOf(directedOnly), withVariables(DIRECTION, "Theo dõi chặt", FOLLOW_UP, false));
    BpmnAwareTests.assertThat(directedOnly).isEnded();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no title          | incidentTitle | ''          | Tiêu đề vụ việc là bắt buộc
          bad severity      | severity      | rấtNặng     | Mức độ "rấtNặng" không hợp lệ
          for another body  | reportingBody | soTaiChinh  | Chỉ được báo cáo đột xuất cho đơn vị của mình
          """)
  void badReportsAreRefused(String kind, String name, String value, String message) {
    assertThatThrownBy(() -> raise("soNoiVuCanBo", name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aClientWithoutARegistryPersonNamesAKnownBody() {
    assertThatThrownBy(() -> raise("demo"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(REPORTING_BODY);
    ProcessInstance pi = raise("demo", REPORTING_BODY, "mttqTinh");
    assertThat(runtimeService().getVariable(pi.getId(), REPORTING_BODY)).isEqualTo("mttqTinh");
  }

  @Test
  void theLeadershipsChecksAreServerSide() {
    ProcessInstance pi = raise("soNoiVuCanBo");
    assertThatThrownBy(() -> complete(taskOf(pi), withVariables(ASSESSMENT, "x")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(ESCALATE);
    complete(taskOf(pi), withVariables(ASSESSMENT, "Cần chỉ đạo", ESCALATE, true));
    assertThatThrownBy(
            () ->
                complete(
                    taskOf(pi),
                    withVariables(
                        DIRECTION, "Giao việc", FOLLOW_UP, true, FOLLOW_UP_BODY, "soKhongCo")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("soKhongCo");
  }
}
