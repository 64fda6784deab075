package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION_SUMMARY;
import static vn.danvan.assignment.AssignmentVariables.COORDINATING_BODIES;
import static vn.danvan.assignment.AssignmentVariables.DEADLINE_LOG;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_APPROVED;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_REASON;
import static vn.danvan.assignment.AssignmentVariables.REQUESTED_DEADLINE;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.assignment.AssignmentVariables.RETURN_COUNT;
import static vn.danvan.assignment.AssignmentVariables.RETURN_LOG;
import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.CONFIRMED_AT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.REMINDER_DAYS;
import static vn.danvan.variable.SharedVariables.REMINDER_SENT_AT;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.RETURNED_SINCE_SUBMISSION;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.InvalidInputException;
import vn.danvan.support.ProcessTestEngine;
import vn.danvan.tracking.WorkStatus;
import vn.danvan.tracking.WorkStatus.Facts;

/** The assignment block, every path, with the engine clock in Vietnam's time. */
@Deployment(
    resources = {
      "processes/blocks/assignment.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "forms/thucHienNhiemVu.form",
      "forms/guiYKienPhoiHop.form",
      "forms/xetGiaHan.form",
      "forms/duyetKetQua.form",
      "forms/xacNhanKetQua.form",
      "forms/tiepNhanDonDoc.form"
    })
class AssignmentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

  /** Deadline of the Bắc Giang plans: end of August 2016. */
  static final String DUE = "2016-08-31";

  @BeforeEach
  void startOfJune2016() {
    at("2016-06-01T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine clock to a local time in Vietnam. */
  static void at(String vietnamTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant()));
  }

  static ProcessInstance assign(Object... extra) {
    Map<String, Object> vars =
        withVariables(
            LEAD_BODY,
            "soNoiVu",
            MONITOR_BODY,
            "bdvTU",
            TASK_CONTENT,
            "Xây dựng kế hoạch thực hiện Nghị quyết",
            DEADLINE,
            DUE);
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("assignment", "NQ-1", vars);
  }

  static Task taskOf(ProcessInstance pi, String key) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  static Job timer(ProcessInstance pi, String activity) {
    return managementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId(activity)
        .singleResult();
  }

  static Object var(ProcessInstance pi, String name) {
    return runtimeService().getVariable(pi.getId(), name);
  }

  static void report(ProcessInstance pi) {
    complete(
        taskOf(pi, "Task_Perform"), withVariables(RESULT_REPORT, "Đã ban hành kế hoạch 12/KH"));
  }

  @Test
  void leadAndCoordinatingBodiesWorkLeaderSubmitsMonitorConfirms() {
    ProcessInstance pi = assign(COORDINATING_BODIES, List.of("soTaiChinh", "mttqTinh"));

    assertThat(pi).isWaitingAt("Task_Perform", "Task_Contribute");
    assertThat(taskOf(pi, "Task_Perform"))
        .hasCandidateGroup("soNoiVu")
        .hasDueDate(Date.from(Instant.parse("2016-08-31T16:59:59Z")));
    List<Task> contributions =
        taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Contribute").list();
    Assertions.assertThat(contributions).hasSize(2);
    complete(
        taskQuery().taskCandidateGroup("soTaiChinh").singleResult(),
        withVariables(CONTRIBUTION, "Đã bố trí kinh phí"));
    complete(
        taskQuery().taskCandidateGroup("mttqTinh").singleResult(),
        withVariables(CONTRIBUTION, "Đã phổ biến tới đoàn thể"));
    report(pi);

    Task approval = taskOf(pi, "Task_ApproveResult");
    assertThat(approval).hasCandidateGroup("soNoiVuLanhDao");
    Assertions.assertThat((String) var(pi, CONTRIBUTION_SUMMARY))
        .contains("Sở Tài chính: Đã bố trí kinh phí")
        .contains("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: Đã phổ biến tới đoàn thể");
    at("2016-08-20T10:00");
    complete(approval, withVariables(APPROVED, true));

    assertThat(pi).isWaitingAt("Task_ConfirmResult");
    assertThat(taskOf(pi, "Task_ConfirmResult")).hasCandidateGroup("bdvTU");
    Assertions.assertThat(status(pi)).isEqualTo(WorkStatus.AWAITING_CONFIRMATION);
    at("2016-09-05T10:00");
    complete(taskOf(pi, "Task_ConfirmResult"), withVariables(CONFIRMED, true));

    assertThat(pi).isEnded().hasPassed("Task_Contribute", "EndEvent_TaskDone");
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(pi.getId()).count())
        .as("timers end with the work")
        .isZero();
  }

  /**
   * Each task says the work and its directive (the business key); its history says the same; a
   * content too long for the engine's column is shortened at a word, the number kept.
   */
  @Test
  void everyTaskNamesTheWorkAndTheDirective() {
    ProcessInstance pi = assign(COORDINATING_BODIES, List.of("soTaiChinh"));
    Task work = taskOf(pi, "Task_Perform");
    Assertions.assertThat(work.getName())
        .isEqualTo("Xây dựng kế hoạch thực hiện Nghị quyết — NQ-1");
    Assertions.assertThat(taskOf(pi, "Task_Contribute").getName())
        .isEqualTo("Gửi ý kiến phối hợp: Xây dựng kế hoạch thực hiện Nghị quyết — NQ-1");
    complete(taskOf(pi, "Task_Contribute"), withVariables(CONTRIBUTION, "Đã bố trí kinh phí"));
    report(pi);
    Assertions.assertThat(taskOf(pi, "Task_ApproveResult").getName())
        .isEqualTo("Duyệt và gửi kết quả: Xây dựng kế hoạch thực hiện Nghị quyết — NQ-1");
    Assertions.assertThat(
            historyService().createHistoricTaskInstanceQuery().taskId(work.getId()).singleResult())
        .extracting(HistoricTaskInstance::getName)
        .isEqualTo(work.getName());

    String longContent = "Rà soát, bổ sung quy chế dân chủ ở cơ sở. ".repeat(12);
    Task longWork = taskOf(assign(TASK_CONTENT, longContent), "Task_Perform");
    Assertions.assertThat(longWork.getName())
        .hasSizeLessThanOrEqualTo(255)
        .startsWith("Rà soát, bổ sung quy chế dân chủ ở cơ sở. Rà soát")
        .endsWith("… — NQ-1");
    Task unnumbered =
        taskQuery()
            .processInstanceId(
                runtimeService()
                    .startProcessInstanceByKey(
                        "assignment",
                        withVariables(
                            LEAD_BODY,
                            "soNoiVu",
                            MONITOR_BODY,
                            "bdvTU",
                            DEADLINE,
                            DUE,
                            TASK_CONTENT,
                            "Tổ chức hội nghị quán triệt"))
                    .getId())
            .singleResult();
    Assertions.assertThat(unnumbered.getName()).isEqualTo("Tổ chức hội nghị quán triệt");
  }

  @Test
  void withoutReviewAndConfirmationTheStaffsReportFinishesIt() {
    ProcessInstance pi = assign(LEADER_REVIEW, "false", CONFIRMATION, false);
    at("2016-08-30T16:00");
    report(pi);

    assertThat(pi).isEnded().hasNotPassed("Task_ApproveResult", "Task_ConfirmResult");
    Assertions.assertThat(WorkStatus.of(facts(pi), Instant.now(), WorkStatus.DUE_SOON_WINDOW))
        .isEqualTo(WorkStatus.DONE_ON_TIME);
    assertThatThrownBy(() -> assign(CONFIRMATION, "có"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(confirmation)");
  }

  @Test
  void returnsGoBackToTheLeadBodyAndAreCounted() {
    ProcessInstance pi = assign(COORDINATING_BODIES, List.of("soTaiChinh"));
    complete(taskOf(pi, "Task_Contribute"), withVariables(CONTRIBUTION, "Ý kiến"));
    report(pi);
    complete(
        taskOf(pi, "Task_ApproveResult"),
        withVariables(APPROVED, false, RETURN_REASON, "Thiếu số liệu"));

    // the leader's return: a new round for the lead body only
    assertThat(pi).isWaitingAt("Task_Perform");
    Assertions.assertThat(taskOf(pi, "Task_Contribute")).isNull();
    report(pi);
    complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, true));
    complete(
        taskOf(pi, "Task_ConfirmResult"),
        withVariables(CONFIRMED, false, RETURN_REASON, "Chưa đúng trọng tâm"));

    assertThat(pi).isWaitingAt("Task_Perform");
    Assertions.assertThat(var(pi, RETURN_COUNT)).isEqualTo(1);
    Assertions.assertThat(status(pi)).isEqualTo(WorkStatus.RETURNED);
    Assertions.assertThat((String) var(pi, RETURN_LOG))
        .contains("Thiếu số liệu", "Lãnh đạo đơn vị", "Chưa đúng trọng tâm", "Đơn vị theo dõi");
    report(pi);
    complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, true));
    complete(taskOf(pi, "Task_ConfirmResult"), withVariables(CONFIRMED, true));
    assertThat(pi).isEnded();
  }

  @Test
  void remindsThreeDaysBeforeThenChasesWithEscalation() {
    ProcessInstance pi = assign();

    Job reminder = timer(pi, "StartEvent_ReminderDue");
    Assertions.assertThat(reminder.getDuedate())
        .isEqualTo(Date.from(Instant.parse("2016-08-28T16:59:59Z")));
    at("2016-08-29T00:00");
    Assertions.assertThat(status(pi)).isEqualTo(WorkStatus.DUE_SOON);
    execute(reminder);
    Assertions.assertThat(var(pi, REMINDER_SENT_AT)).isNotNull();

    Job chase = timer(pi, "StartEvent_ChaseDue");
    Assertions.assertThat(chase.getDuedate())
        .as("first chase when 31/8 is over in Vietnam")
        .isEqualTo(Date.from(Instant.parse("2016-08-31T17:00:00Z")));
    String[] expected = {"Nhắc nhở", "Phê bình", "Kiểm điểm", "Kiểm điểm"};
    for (int i = 0; i < expected.length; i++) {
      at("2016-09-01T00:00");
      ClockUtil.setCurrentTime(timer(pi, "StartEvent_ChaseDue").getDuedate());
      execute(timer(pi, "StartEvent_ChaseDue"));
      Assertions.assertThat(var(pi, CHASE_COUNT)).isEqualTo(i + 1);
      Assertions.assertThat(var(pi, LAST_CHASE_TYPE)).isEqualTo(expected[i]);
    }
    Assertions.assertThat(timer(pi, "StartEvent_ChaseDue").getDuedate())
        .as("every 7 days")
        .isEqualTo(Date.from(Instant.parse("2016-09-28T17:00:00Z")));
    Assertions.assertThat(status(pi)).isEqualTo(WorkStatus.OPEN_OVERDUE);
    List<Task> acknowledgements =
        taskQuery()
            .processInstanceBusinessKey("NQ-1")
            .taskDefinitionKey("Task_AcknowledgeChase")
            .orderByTaskCreateTime()
            .asc()
            .list();
    Assertions.assertThat(acknowledgements).hasSize(4);
    assertThat(acknowledgements.get(0)).hasCandidateGroup("soNoiVuLanhDao");
    Assertions.assertThat(
            runtimeService().getVariables(acknowledgements.get(3).getProcessInstanceId()))
        .as("what the leader's form shows")
        .containsEntry(LAST_CHASE_TYPE, "Kiểm điểm")
        .containsEntry(CHASE_COUNT, 4)
        .containsEntry(TASK_CONTENT, "Xây dựng kế hoạch thực hiện Nghị quyết")
        .containsEntry(DEADLINE, DUE);
    complete(acknowledgements.get(0), withVariables("chaseResponse", "Đã chỉ đạo khắc phục"));

    report(pi);
    complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, true));
    Assertions.assertThat(
            taskQuery()
                .processInstanceBusinessKey("NQ-1")
                .taskDefinitionKey("Task_AcknowledgeChase")
                .count())
        .as("open chases end with the work")
        .isZero();
    complete(taskOf(pi, "Task_ConfirmResult"), withVariables(CONFIRMED, true));
    assertThat(pi).isEnded().hasPassed("EndEvent_Reminded", "EndEvent_ChaseAcknowledged");
    Assertions.assertThat(WorkStatus.of(facts(pi), Instant.now(), WorkStatus.DUE_SOON_WINDOW))
        .isEqualTo(WorkStatus.DONE_LATE);
  }

  @Test
  void aBodyThatAnsweredInAFanOutIsNotAskedForTheWorkAgain() {
    ProcessInstance pi =
        assign(
            ANSWERED_AHEAD,
            true,
            REQUEST_EXTENSION,
            false,
            RESULT_REPORT,
            "Đã báo cáo khi nhận việc cùng các đơn vị khác");

    assertThat(pi)
        .isWaitingAt("Task_ApproveResult")
        .hasPassed("Gateway_AnsweredAhead", "Gateway_JoinAnswered")
        .hasNotPassed("Task_Perform");
    Assertions.assertThat(var(pi, CONTRIBUTION_SUMMARY))
        .as("no coordinating body: nothing to summarise")
        .isNull();
    complete(
        taskOf(pi, "Task_ApproveResult"),
        withVariables(APPROVED, false, RETURN_REASON, "Thiếu số liệu cụ thể"));
    assertThat(pi).as("a rework asks for the work").isWaitingAt("Task_Perform");
    report(pi);
    complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, true));
    complete(taskOf(pi, "Task_ConfirmResult"), withVariables(CONFIRMED, true));
    assertThat(pi).isEnded();
  }

  @Test
  void anAnswerGivenAheadWithoutLeaderReviewIsSubmittedAsTheAssignmentStarts() {
    ProcessInstance pi =
        assign(
            ANSWERED_AHEAD,
            true,
            LEADER_REVIEW,
            false,
            RESULT_REPORT,
            "Đã báo cáo khi nhận việc cùng các đơn vị khác");

    assertThat(pi).isWaitingAt("Task_ConfirmResult").hasNotPassed("Task_ApproveResult");
    Assertions.assertThat(var(pi, SUBMITTED_AT))
        .isEqualTo(
            Date.from(LocalDateTime.parse("2016-06-01T09:00").atZone(Deadlines.ZONE).toInstant()));
    Assertions.assertThat(var(pi, REQUEST_EXTENSION)).isEqualTo(false);
    complete(taskOf(pi, "Task_ConfirmResult"), withVariables(CONFIRMED, true));
    assertThat(pi).isEnded();
  }

  @Test
  void approvedExtensionMovesTheDeadlineAndItsTimers() {
    ProcessInstance pi = assign();
    at("2016-08-20T09:00");
    complete(
        taskOf(pi, "Task_Perform"),
        withVariables(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            "2016-09-30",
            EXTENSION_REASON,
            "Chờ số liệu của các huyện"));

    assertThat(pi).isWaitingAt("Task_DecideExtension");
    assertThat(taskOf(pi, "Task_DecideExtension")).hasCandidateGroup("bdvTU");
    complete(taskOf(pi, "Task_DecideExtension"), withVariables(EXTENSION_APPROVED, true));

    assertThat(pi).isWaitingAt("Task_Perform");
    Assertions.assertThat(var(pi, DEADLINE)).isEqualTo("2016-09-30");
    Assertions.assertThat(taskOf(pi, "Task_Perform").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2016-09-30T16:59:59Z")));
    Assertions.assertThat(timer(pi, "StartEvent_ReminderDue").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2016-09-27T16:59:59Z")));
    Assertions.assertThat(timer(pi, "StartEvent_ChaseDue").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2016-09-30T17:00:00Z")));
    Assertions.assertThat((String) var(pi, DEADLINE_LOG))
        .contains("2016-08-31", "2016-09-30", "Chờ số liệu của các huyện");

    // the series follows the new deadline after it fires
    ClockUtil.setCurrentTime(timer(pi, "StartEvent_ChaseDue").getDuedate());
    execute(timer(pi, "StartEvent_ChaseDue"));
    Assertions.assertThat(timer(pi, "StartEvent_ChaseDue").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2016-10-07T17:00:00Z")));
  }

  @Test
  void refusedExtensionKeepsTheDeadline() {
    ProcessInstance pi = assign();
    complete(
        taskOf(pi, "Task_Perform"),
        withVariables(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            "2016-09-30",
            EXTENSION_REASON,
            "Chờ số liệu"));
    complete(
        taskOf(pi, "Task_DecideExtension"),
        withVariables(EXTENSION_APPROVED, false, "extensionNote", "Không có lý do chính đáng"));

    assertThat(pi).isWaitingAt("Task_Perform");
    Assertions.assertThat(var(pi, DEADLINE)).isEqualTo(DUE);
    Assertions.assertThat(var(pi, REQUEST_EXTENSION)).isEqualTo(false);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          new deadline not later | 2016-06-01T09:00 | 2016-08-31 | phải sau hạn hiện tại
          after the deadline     | 2016-09-01T08:00 | 2016-09-30 | chỉ được đề nghị gia hạn trước khi hết hạn
          no new deadline        | 2016-06-01T09:00 |            | Hạn đề nghị là bắt buộc
          """)
  void badExtensionRequestsAreRefused(String kind, String now, String requested, String message) {
    ProcessInstance pi = assign();
    at(now);
    Task work = taskOf(pi, "Task_Perform");

    assertThatThrownBy(
            () ->
                complete(
                    work,
                    withVariables(
                        REQUEST_EXTENSION,
                        true,
                        REQUESTED_DEADLINE,
                        requested,
                        EXTENSION_REASON,
                        "Lý do")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(pi).isWaitingAt("Task_Perform");
  }

  @Test
  void anExtensionThatHasBecomePastCannotBeApproved() {
    ProcessInstance pi = assign();
    complete(
        taskOf(pi, "Task_Perform"),
        withVariables(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            "2016-09-10",
            EXTENSION_REASON,
            "Chờ số liệu"));
    at("2016-09-11T08:00");

    assertThatThrownBy(
            () ->
                complete(
                    taskOf(pi, "Task_DecideExtension"), withVariables(EXTENSION_APPROVED, true)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quá khứ");
  }

  @Test
  void deadlineFromTheDirectivesWordingAndNoDeadlineAtAll() {
    ProcessInstance phrased =
        assign(DEADLINE, null, DEADLINE_PHRASE, "trong tháng 8/2016", ISSUED_DATE, "2016-05-20");
    Assertions.assertThat(var(phrased, DEADLINE)).isEqualTo("2016-08-31");

    ProcessInstance open = assign(DEADLINE, "");
    Assertions.assertThat(taskOf(open, "Task_Perform").getDueDate()).isNull();
    Assertions.assertThat(timer(open, "StartEvent_ChaseDue").getDuedate())
        .isAfter(Date.from(Instant.parse("9999-01-01T00:00:00Z")));
    Assertions.assertThat(status(open)).isEqualTo(WorkStatus.NO_DEADLINE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no lead body         | leadBody           |                 | Đơn vị chủ trì là bắt buộc (leadBody)
          unknown lead body    | leadBody           | soKhongCo       | "soKhongCo" không có trong sổ đăng ký
          unknown monitor      | monitorBody        | banKhongCo      | Đơn vị theo dõi "banKhongCo"
          no content           | taskContent        |                 | Nội dung nhiệm vụ là bắt buộc
          bad deadline         | deadline           | 31/9/2016       | Hạn hoàn thành "31/9/2016" không hợp lệ
          unknown phrase       | deadlinePhrase     | sớm nhất có thể | Không hiểu thời hạn "sớm nhất có thể"
          recurring phrase     | deadlinePhrase     | hằng quý        | là định kỳ
          unknown coordinating | coordinatingBodies | soTaiChinh,soKhongCo | Đơn vị phối hợp "soKhongCo"
          bad reminder days    | reminderDays       | ba ngày         | Số ngày nhắc trước hạn "ba ngày"
          bad chase interval   | chaseInterval      | 7 ngày          | Chu kỳ đôn đốc "7 ngày"
          """)
  void badStartIsRefusedAndLeavesNothing(String kind, String name, String value, String message) {
    long before = runtimeService().createProcessInstanceQuery().count();

    assertThatThrownBy(() -> assign(name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void coordinatingBodiesMayBeTextAndTimingsMayBeSet() {
    ProcessInstance pi =
        assign(
            COORDINATING_BODIES,
            " soTaiChinh , mttqTinh ",
            REMINDER_DAYS,
            "10",
            CHASE_INTERVAL,
            "P1M");
    Assertions.assertThat(
            taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Contribute").count())
        .isEqualTo(2);
    Assertions.assertThat(timer(pi, "StartEvent_ReminderDue").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2016-08-21T16:59:59Z")));
    ClockUtil.setCurrentTime(timer(pi, "StartEvent_ChaseDue").getDuedate());
    execute(timer(pi, "StartEvent_ChaseDue"));
    Assertions.assertThat(timer(pi, "StartEvent_ChaseDue").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2016-09-30T17:00:00Z")));
    assertThatThrownBy(() -> assign(COORDINATING_BODIES, 42))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cách nhau dấu phẩy");
  }

  @Test
  void reportAndDecisionsAreCheckedOnTheServer() {
    ProcessInstance pi = assign(COORDINATING_BODIES, List.of("soTaiChinh"));
    assertThatThrownBy(
            () -> complete(taskOf(pi, "Task_Contribute"), withVariables(CONTRIBUTION, "")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ý kiến phối hợp");
    assertThatThrownBy(
            () -> complete(taskOf(pi, "Task_Perform"), withVariables(RESULT_REPORT, " ")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Báo cáo kết quả");
    complete(taskOf(pi, "Task_Contribute"), withVariables(CONTRIBUTION, "Ý kiến"));
    report(pi);
    assertThatThrownBy(
            () -> complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, "yes")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(APPROVED);
    assertThatThrownBy(
            () -> complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, false)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Lý do trả lại");
    complete(taskOf(pi, "Task_ApproveResult"), withVariables(APPROVED, true));
    assertThatThrownBy(
            () -> complete(taskOf(pi, "Task_ConfirmResult"), withVariables(CONFIRMED, "ja")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining(CONFIRMED);
    assertThat(pi).isWaitingAt("Task_ConfirmResult");
  }

  /** The facts the status is derived from, as the process records them. */
  static Facts facts(ProcessInstance pi) {
    var history =
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId());
    Map<String, Object> v = new java.util.HashMap<>();
    history.list().forEach(h -> v.put(h.getName(), h.getValue()));
    String deadline = (String) v.get(DEADLINE);
    return new Facts(
        deadline == null || deadline.isBlank()
            ? null
            : new Deadlines().endOfDay(deadline).toInstant(),
        v.get(SUBMITTED_AT) instanceof Date d ? d.toInstant() : null,
        v.get(CONFIRMED_AT) instanceof Date d ? d.toInstant() : null,
        Boolean.TRUE.equals(v.get(RETURNED_SINCE_SUBMISSION)));
  }

  static WorkStatus status(ProcessInstance pi) {
    return WorkStatus.of(
        facts(pi), ClockUtil.getCurrentTime().toInstant(), WorkStatus.DUE_SOON_WINDOW);
  }
}
