package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION_SUMMARY;
import static vn.danvan.assignment.AssignmentVariables.DEADLINE_LOG;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_APPROVED;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_REASON;
import static vn.danvan.assignment.AssignmentVariables.REQUESTED_DEADLINE;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.assignment.AssignmentVariables.RETURN_LOG;
import static vn.danvan.fanout.FanoutVariables.BODY_LIST;
import static vn.danvan.fanout.FanoutVariables.CHUNK;
import static vn.danvan.fanout.FanoutVariables.CHUNK_SIZE;
import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.CHASE_LOG;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.CONFIRMED_AT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.FIGURE_COLUMNS;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REMINDER_SENT_AT;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.ROUND;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.InvalidInputException;
import vn.danvan.notification.Notifications;
import vn.danvan.support.ProcessTestEngine;

/**
 * The fan-out block: a light member per body, started in chunks, reminded and chased by the
 * fan-out, reviewed by the body's leader in the member or continued in a full assignment when
 * needed, done when the last body is done.
 */
@Deployment(
    resources = {
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutMember.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/assignment.bpmn"
    })
class FanoutProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage("assignment", "thongBaoEmail");

  static final String FIVE = "soNoiVu, soTaiChinh, soNNMT, soKHCN, thanhTraTinh";

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2026-11-23T09:00").atZone(Deadlines.ZONE).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static ProcessInstance fanOut(Object... extra) {
    Map<String, Object> vars =
        withVariables(
            BODIES,
            FIVE,
            CHUNK_SIZE,
            2,
            MONITOR_BODY,
            "bdvTU",
            TASK_CONTENT,
            "Báo cáo kết quả 5 năm thực hiện Chỉ thị",
            DEADLINE,
            "2026-12-15",
            LEADER_REVIEW,
            false,
            CONFIRMATION,
            false);
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("fanout", "24-CT/TU", vars);
  }

  /** Runs the async continuations (the chunks), not timers. */
  static int runJobs(ProcessInstance parent) {
    int ran = 0;
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().messages().list()).isEmpty()) {
      for (Job job : jobs) {
        managementService().executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  static List<Task> reports() {
    return taskQuery()
        .processInstanceBusinessKey("24-CT/TU")
        .taskDefinitionKey("Task_Perform")
        .list();
  }

  static Job parentTimer(ProcessInstance parent, String activity) {
    return managementService()
        .createJobQuery()
        .processInstanceId(parent.getId())
        .activityId(activity)
        .singleResult();
  }

  static List<Task> notices() {
    return taskQuery()
        .processInstanceBusinessKey("24-CT/TU")
        .taskDefinitionKey("Task_AcknowledgeChase")
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  /**
   * A report that asks for figures: each body's task is the figures form; figures that are not
   * integers from 0, or missing, are refused with the figure's name and nothing is saved; the
   * accepted ones are kept as one JSON value.
   */
  @Test
  void aReportWithFiguresAsksEveryBodyForThemAndRefusesBadOnes() {
    ProcessInstance parent =
        fanOut(
            BODIES,
            "soNoiVu, soTaiChinh",
            REPORT_FIGURES,
            "soCuocDoiThoai: Số cuộc đối thoại (cuộc); soKienNghi: Số kiến nghị đã giải quyết",
            PERIOD_LABEL,
            "Năm 2026");
    runJobs(parent);
    assertThat(reports()).as("not the plain report task").isEmpty();
    List<Task> tasks =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ReportFigures")
            .list();
    assertThat(tasks)
        .hasSize(2)
        .extracting(Task::getName)
        .containsOnly("Báo cáo năm 2026 — 24-CT/TU");
    Task task = tasks.get(0);
    assertThat(taskService().getVariableLocal(task.getId(), FIGURE_COLUMNS).toString())
        .contains("soCuocDoiThoai", "Số kiến nghị đã giải quyết");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        task.getId(),
                        withVariables(
                            REPORTED_FIGURES,
                            "{\"soCuocDoiThoai\":\"abc\",\"soKienNghi\":3}",
                            RESULT_REPORT,
                            "Đã đối thoại với Nhân dân")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause()
        .hasMessage(
            "Số cuộc đối thoại (cuộc) phải là số nguyên không âm (0, 1, 2…), không phải \"abc\""
                + " (reportedFigures.soCuocDoiThoai)");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        task.getId(),
                        withVariables(
                            REPORTED_FIGURES,
                            "{\"soCuocDoiThoai\":-1,\"soKienNghi\":3}",
                            RESULT_REPORT,
                            "Đã đối thoại với Nhân dân")))
        .hasRootCauseMessage(
            "Số cuộc đối thoại (cuộc) phải là số nguyên không âm (0, 1, 2…), không phải \"-1\""
                + " (reportedFigures.soCuocDoiThoai)");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        task.getId(),
                        withVariables(
                            REPORTED_FIGURES,
                            "{\"soCuocDoiThoai\":2}",
                            RESULT_REPORT,
                            "Đã đối thoại với Nhân dân")))
        .hasRootCauseMessage("Số kiến nghị đã giải quyết là bắt buộc (reportedFigures.soKienNghi)");
    assertThat(taskService().getVariable(task.getId(), REPORTED_FIGURES))
        .as("nothing saved")
        .isNull();
    tasks.forEach(
        t ->
            taskService()
                .complete(
                    t.getId(),
                    withVariables(
                        REPORTED_FIGURES,
                        "{\"soCuocDoiThoai\":2,\"soKienNghi\":\"15\"}",
                        RESULT_REPORT,
                        "Đã đối thoại với Nhân dân hai lần")));
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(REPORTED_FIGURES)
                .list())
        .hasSize(2)
        .allSatisfy(
            v -> {
              assertThat(v.getTypeName()).isEqualTo("json");
              assertThat(v.getValue().toString())
                  .isEqualTo("{\"soCuocDoiThoai\":2,\"soKienNghi\":15}");
            });
    BpmnAwareTests.assertThat(parent).isEnded();
  }

  @Test
  void oneLightMemberPerBodyAndTheLastOneWakesTheParent() {
    ProcessInstance parent = fanOut();
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("fanoutChunk")
                .list())
        .extracting(chunk -> runtimeService().getVariable(chunk.getId(), CHUNK))
        .as("three chunks of 2, 2 and 1 bodies, each its own instance")
        .containsExactlyInAnyOrder("soNoiVu,soTaiChinh", "soNNMT,soKHCN", "thanhTraTinh");
    assertThat(managementService().createJobQuery().messages().count()).isEqualTo(3);

    runJobs(parent);
    List<Task> tasks = reports();
    assertThat(tasks).extracting(t -> t.getTaskDefinitionKey()).hasSize(5);
    assertThat(tasks)
        .allSatisfy(
            t ->
                assertThat(t.getDueDate())
                    .isEqualTo(Date.from(java.time.Instant.parse("2026-12-15T16:59:59Z"))));
    assertThat(tasks)
        .as("each body's card: the work and the directive")
        .extracting(Task::getName)
        .containsOnly("Báo cáo kết quả 5 năm thực hiện Chỉ thị — 24-CT/TU");
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("fanoutMember")
                .variableValueEquals(FANOUT_ID, parent.getId())
                .count())
        .isEqualTo(5);
    assertThat(runtimeService().getVariables(tasks.get(0).getProcessInstanceId()))
        .as("a member is only the body's task and what its form shows")
        .containsOnlyKeys(LEAD_BODY, FANOUT_ID, TASK_CONTENT, DEADLINE);
    assertThat(managementService().createJobQuery().processDefinitionKey("fanoutMember").count())
        .as("no timers per body")
        .isZero();
    BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast");

    for (int i = 0; i < tasks.size(); i++) {
      complete(tasks.get(i), withVariables(RESULT_REPORT, "Số liệu của đơn vị " + i));
      if (i < tasks.size() - 1) {
        BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast");
      }
    }
    BpmnAwareTests.assertThat(parent).isEnded().hasPassed("Event_LastBodyDone", "EndEvent_AllDone");
    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("fanoutMember")
                .finished()
                .count())
        .isEqualTo(5);
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(CONFIRMED_AT)
                .processInstanceId(tasks.get(0).getProcessInstanceId())
                .count())
        .as("done and accepted at once: no review asked")
        .isEqualTo(1);
  }

  @Test
  void theFanOutRemindsOnceThenChasesEveryOpenBodyWhoseLeadersAcknowledge() {
    ProcessInstance parent = fanOut();
    runJobs(parent);
    List<Task> tasks = reports();
    complete(tasks.get(0), withVariables(RESULT_REPORT, "Báo cáo sớm của đơn vị"));

    Job reminder = parentTimer(parent, "StartEvent_ReminderDue");
    assertThat(reminder.getDuedate())
        .as("3 days before 15/12 ends in Vietnam")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-12T16:59:59Z")));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    managementService().executeJob(reminder.getId());
    assertThat(runtimeService().getVariable(parent.getId(), REMINDER_SENT_AT)).isNotNull();
    assertThat(runJobs(parent)).as("mail off: no messages to send").isZero();

    String[] types = {"Nhắc nhở", "Phê bình"};
    for (int round = 1; round <= types.length; round++) {
      Job chase = parentTimer(parent, "StartEvent_ChaseDue");
      ClockUtil.setCurrentTime(chase.getDuedate());
      managementService().executeJob(chase.getId());
      assertThat(notices())
          .as("the notices go out a chunk at a time, after the timer")
          .hasSize(4 * (round - 1));
      assertThat(runJobs(parent)).as("4 open bodies, chunks of 2").isEqualTo(2);
      assertThat(runtimeService().getVariable(parent.getId(), CHASE_COUNT)).isEqualTo(round);
      assertThat(runtimeService().getVariable(parent.getId(), LAST_CHASE_TYPE))
          .isEqualTo(types[round - 1]);
    }
    assertThat(parentTimer(parent, "StartEvent_ChaseDue").getDuedate())
        .as("first chase when 15/12 is over, then weekly")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-29T17:00:00Z")));
    List<Task> notices = notices();
    assertThat(notices).as("4 open bodies, 2 rounds").hasSize(8);
    assertThat(notices.subList(0, 4)).extracting(t -> t.getTaskDefinitionKey()).hasSize(4);
    Task last = notices.get(7);
    assertThat(runtimeService().getVariables(last.getProcessInstanceId()))
        .containsEntry(CHASE_COUNT, 2)
        .containsEntry(LAST_CHASE_TYPE, "Phê bình")
        .containsEntry(DEADLINE, "2026-12-15");
    BpmnAwareTests.assertThat(last)
        .hasCandidateGroup(
            runtimeService().getVariable(last.getProcessInstanceId(), LEAD_BODY) + "LanhDao");
    complete(notices.get(0), withVariables("chaseResponse", "Đã chỉ đạo khắc phục ngay"));

    // a body that finishes: its open chase notices end with the work
    Task second = tasks.get(1);
    String body = (String) runtimeService().getVariable(second.getProcessInstanceId(), LEAD_BODY);
    complete(second, withVariables(RESULT_REPORT, "Báo cáo muộn của đơn vị"));
    assertThat(notices())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), LEAD_BODY))
        .doesNotContain(body);
    reports().forEach(t -> complete(t, withVariables(RESULT_REPORT, "Đã báo cáo đầy đủ")));
    BpmnAwareTests.assertThat(parent).isEnded();
    assertThat(notices()).isEmpty();
  }

  @Test
  void theLeaderReviewsInTheMemberAndAnExtensionContinuesInAFullAssignment() {
    ProcessInstance parent =
        fanOut(BODIES, "soNoiVu, soTaiChinh", LEADER_REVIEW, true, CONFIRMATION, "false");
    runJobs(parent);
    Task noiVu =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskCandidateGroup("soNoiVu")
            .singleResult();
    Task taiChinh =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskCandidateGroup("soTaiChinh")
            .singleResult();

    complete(noiVu, withVariables(RESULT_REPORT, "Sở Nội vụ đã hoàn thành kế hoạch"));
    Task approval =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ApproveResult")
            .singleResult();
    BpmnAwareTests.assertThat(approval).hasCandidateGroup("soNoiVuLanhDao");
    assertThat(approval.getProcessInstanceId())
        .as("reviewed in the member itself")
        .isEqualTo(noiVu.getProcessInstanceId());
    assertThat(approval.getDueDate()).isEqualTo(noiVu.getDueDate());
    complete(approval, withVariables(APPROVED, true));

    complete(
        taiChinh,
        withVariables(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            "2027-01-15",
            EXTENSION_REASON,
            "Chờ số liệu quyết toán"));
    Task decision =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_DecideExtension")
            .singleResult();
    BpmnAwareTests.assertThat(decision).hasCandidateGroup("bdvTU");
    assertThat(runtimeService().getVariable(decision.getProcessInstanceId(), MONITOR_BODY))
        .as("the fan-out's settings")
        .isEqualTo("bdvTU");
    complete(decision, withVariables(EXTENSION_APPROVED, true));
    Task redo =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskCandidateGroup("soTaiChinh")
            .taskDefinitionKey("Task_Perform")
            .singleResult();
    assertThat(redo.getDueDate())
        .isEqualTo(Date.from(java.time.Instant.parse("2027-01-15T16:59:59Z")));
    BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast");
    complete(redo, withVariables(RESULT_REPORT, "Sở Tài chính đã hoàn thành sau gia hạn"));
    complete(
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ApproveResult")
            .singleResult(),
        withVariables(APPROVED, true));

    BpmnAwareTests.assertThat(parent).isEnded();
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("CallActivity_FullAssignment")
                .finished()
                .count())
        .isEqualTo(1);
    // each member keeps the assignment's record of the work, not its working variables
    Map<String, Object> taiChinhRecord = memberVariables("soTaiChinh");
    assertThat(taiChinhRecord)
        .containsEntry(DEADLINE, "2027-01-15")
        .containsEntry(RESULT_REPORT, "Sở Tài chính đã hoàn thành sau gia hạn")
        .containsKeys(SUBMITTED_AT, CONFIRMED_AT, DEADLINE_LOG)
        .doesNotContainKeys(MONITOR_BODY, APPROVED, EXTENSION_APPROVED, CONTRIBUTION_SUMMARY);
    assertThat(memberVariables("soNoiVu"))
        .containsKeys(SUBMITTED_AT, CONFIRMED_AT)
        .containsEntry(RESULT_REPORT, "Sở Nội vụ đã hoàn thành kế hoạch")
        .containsEntry(APPROVED, true)
        .doesNotContainKeys(MONITOR_BODY, ANSWERED_AHEAD, ROUND);
  }

  @Test
  void workTheLeaderReturnsIsReworkedInAFullAssignment() {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu", LEADER_REVIEW, true, CONFIRMATION, "false");
    runJobs(parent);
    Task first = reports().get(0);
    complete(first, withVariables(RESULT_REPORT, "Bản nháp"));
    complete(
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ApproveResult")
            .singleResult(),
        withVariables(APPROVED, false, RETURN_REASON, "Thiếu số liệu quý III"));

    // the rework is asked for again, in an assignment that goes on from the member's record
    Task again = reports().get(0);
    assertThat(again.getProcessInstanceId()).isNotEqualTo(first.getProcessInstanceId());
    BpmnAwareTests.assertThat(again).hasCandidateGroup("soNoiVu");
    assertThat(again.getDueDate()).isEqualTo(first.getDueDate());
    assertThat(runtimeService().getVariable(again.getProcessInstanceId(), ROUND)).isEqualTo(1);
    assertThat((String) runtimeService().getVariable(again.getProcessInstanceId(), RETURN_LOG))
        .contains("Thiếu số liệu quý III")
        .contains("Lãnh đạo đơn vị");
    complete(again, withVariables(RESULT_REPORT, "Đã bổ sung số liệu"));
    Task approval =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ApproveResult")
            .singleResult();
    assertThat(approval.getProcessInstanceId()).isEqualTo(again.getProcessInstanceId());
    complete(approval, withVariables(APPROVED, true));

    BpmnAwareTests.assertThat(parent).isEnded();
    assertThat(memberVariables("soNoiVu"))
        .containsEntry(ROUND, 1)
        .containsEntry(RESULT_REPORT, "Đã bổ sung số liệu")
        .containsKeys(SUBMITTED_AT, CONFIRMED_AT, RETURN_LOG);
  }

  @Test
  @Deployment(
      resources = {
        "processes/blocks/fanout.bpmn",
        "processes/blocks/fanoutMember.bpmn",
        "processes/blocks/fanoutChunk.bpmn",
        "processes/blocks/chaseNotice.bpmn",
        "processes/blocks/assignment.bpmn",
        "processes/blocks/thongBaoEmail.bpmn"
      })
  void withMailOnTheReminderSendsAChunkAtATimeToTheBodiesStillAtWork() {
    Notifications notifications = ProcessTestEngine.bean(Notifications.class);
    notifications.setEnabled(true);
    notifications.setMode(Notifications.Mode.PER_EVENT);
    try {
      ProcessInstance parent = fanOut(BODIES, "soNoiVu, soTaiChinh, soNNMT");
      assertThat(runChunks()).isEqualTo(2);
      complete(
          taskQuery()
              .processInstanceBusinessKey("24-CT/TU")
              .taskCandidateGroup("soNoiVu")
              .singleResult(),
          withVariables(RESULT_REPORT, "Sở Nội vụ báo cáo sớm"));
      Job reminder = parentTimer(parent, "StartEvent_ReminderDue");
      ClockUtil.setCurrentTime(reminder.getDuedate());
      managementService().executeJob(reminder.getId());
      assertThat(reminderMessages()).as("none in the timer's own transaction").isEmpty();

      complete(
          taskQuery()
              .processInstanceBusinessKey("24-CT/TU")
              .taskCandidateGroup("soNNMT")
              .singleResult(),
          withVariables(RESULT_REPORT, "Sở TNMT báo cáo trước khi thư đi"));
      assertThat(runChunks()).as("2 open bodies, one chunk of 2").isEqualTo(1);
      assertThat(reminderMessages())
          .as("one message, to the body still at its task")
          .singleElement()
          .asString()
          .contains("taichinh");
    } finally {
      notifications.setEnabled(false);
      notifications.setMode(Notifications.Mode.DIGEST);
    }
  }

  /** Runs the queued chunks only (with mail on, the messages' own jobs would need a server). */
  static int runChunks() {
    List<Job> jobs =
        managementService().createJobQuery().processDefinitionKey("fanoutChunk").messages().list();
    jobs.forEach(job -> managementService().executeJob(job.getId()));
    return jobs.size();
  }

  /** Who each reminder message ({@code thongBaoEmail}, kind nhacHan) goes to. */
  static List<Object> reminderMessages() {
    return runtimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("thongBaoEmail")
        .variableValueEquals("kind", "nhacHan")
        .list()
        .stream()
        .map(m -> runtimeService().getVariable(m.getId(), "to"))
        .toList();
  }

  @Test
  void aChunkStartedWithoutAKindGivesItsBodiesTheirTasksAsBefore() {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu");
    runJobs(parent);
    // as a chunk queued before chunks had kinds, or started by hand in Cockpit
    runtimeService()
        .startProcessInstanceByKey(
            "fanoutChunk",
            "24-CT/TU",
            Map.of(FANOUT_ID, parent.getId(), CHUNK, "soTaiChinh,soNNMT"));
    assertThat(runJobs(parent)).isEqualTo(1);
    assertThat(reports())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), LEAD_BODY))
        .containsExactlyInAnyOrder("soNoiVu", "soTaiChinh", "soNNMT");
  }

  @Test
  void aBodyThatFinishesBeforeItsChunkOfTheChaseRunsGetsNoNotice() {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu, soTaiChinh");
    runJobs(parent);
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-15T17:00:00Z")));
    managementService().executeJob(parentTimer(parent, "StartEvent_ChaseDue").getId());
    complete(
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskCandidateGroup("soNoiVu")
            .singleResult(),
        withVariables(RESULT_REPORT, "Sở Nội vụ báo cáo ngay khi bị đôn đốc"));

    assertThat(runJobs(parent)).as("one chunk of 2 bodies").isEqualTo(1);
    assertThat(notices())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), LEAD_BODY))
        .containsExactly("soTaiChinh");
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("Task_ChaseChunk")
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(runtimeService().getVariable(parent.getId(), CHASE_COUNT)).isEqualTo(1);
  }

  @Test
  void aBodyWaitingForItsLeadersReviewIsStillChasedUntilTheLeaderApproves() {
    ProcessInstance parent =
        fanOut(BODIES, "soNoiVu, soTaiChinh", LEADER_REVIEW, true, CONFIRMATION, "false");
    runJobs(parent);
    complete(
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskCandidateGroup("soNoiVu")
            .taskDefinitionKey("Task_Perform")
            .singleResult(),
        withVariables(RESULT_REPORT, "Chờ lãnh đạo ký"));
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-15T17:00:00Z")));
    managementService().executeJob(parentTimer(parent, "StartEvent_ChaseDue").getId());
    runJobs(parent);
    assertThat(notices())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), LEAD_BODY))
        .as("nothing is submitted until the leader approves")
        .containsExactlyInAnyOrder("soNoiVu", "soTaiChinh");

    complete(
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ApproveResult")
            .singleResult(),
        withVariables(APPROVED, true));
    assertThat(notices())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), LEAD_BODY))
        .containsExactly("soTaiChinh");
    assertThat(memberVariables("soNoiVu"))
        .containsKeys(SUBMITTED_AT, CONFIRMED_AT)
        .as("the fan-out's count is the fan-out's")
        .doesNotContainKeys(CHASE_COUNT, CHASE_LOG);
  }

  @Test
  void aConfirmationContinuesInAFullAssignmentFromTheFanOutsChaseCount() {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu", LEADER_REVIEW, true, CONFIRMATION, true);
    runJobs(parent);
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-15T17:00:00Z")));
    managementService().executeJob(parentTimer(parent, "StartEvent_ChaseDue").getId());
    runJobs(parent);
    assertThat(notices()).hasSize(1);

    complete(
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskCandidateGroup("soNoiVu")
            .taskDefinitionKey("Task_Perform")
            .singleResult(),
        withVariables(RESULT_REPORT, "Sở Nội vụ báo cáo muộn"));
    Task approval =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ApproveResult")
            .singleResult();
    assertThat(runtimeService().getVariable(approval.getProcessInstanceId(), CHASE_COUNT))
        .as("the assignment goes on from the fan-out's count")
        .isEqualTo(1);
    assertThat(
            BpmnAwareTests.repositoryService()
                .getProcessDefinition(approval.getProcessDefinitionId())
                .getKey())
        .isEqualTo("assignment");
    complete(approval, withVariables(APPROVED, true));
    Task confirmation =
        taskQuery()
            .processInstanceBusinessKey("24-CT/TU")
            .taskDefinitionKey("Task_ConfirmResult")
            .singleResult();
    BpmnAwareTests.assertThat(confirmation).hasCandidateGroup("bdvTU");
    complete(confirmation, withVariables(CONFIRMED, true));

    BpmnAwareTests.assertThat(parent).isEnded();
    assertThat(memberVariables("soNoiVu"))
        .containsKeys(SUBMITTED_AT, CONFIRMED_AT)
        .as("the fan-out's count is the fan-out's")
        .doesNotContainKeys(CHASE_COUNT, CHASE_LOG);
  }

  @Test
  void aMemberOfAModelDeployedBeforeTheMappedHandOverStillHandsOver() throws Exception {
    // fanoutMember as deployed before: a start listener, then every variable copied in and out
    BpmnModelInstance before =
        Bpmn.readModelFromFile(new java.io.File("processes/blocks/fanoutMember.bpmn"));
    CallActivity call = before.getModelElementById("CallActivity_FullAssignment");
    call.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "variableMappingDelegateExpression");
    call.builder().camundaExecutionListenerDelegateExpression("start", "${fanoutHandedOver}");
    // in the file's own namespace: where one element has extensions in both, Operaton reads only
    // its own (the call's camunda:in of the business key would be lost)
    for (String mapping : List.of("in", "out")) {
      DomElement all = before.getDocument().createElement(BpmnModelConstants.CAMUNDA_NS, mapping);
      all.setAttribute("variables", "all");
      call.getExtensionElements().getDomElement().appendChild(all);
    }
    String deployment =
        BpmnAwareTests.repositoryService()
            .createDeployment()
            .addModelInstance("fanoutMember.bpmn", before)
            .deploy()
            .getId();
    try {
      ProcessInstance parent = fanOut(BODIES, "soNoiVu", LEADER_REVIEW, true, CONFIRMATION, true);
      runJobs(parent);
      complete(
          taskQuery()
              .processInstanceBusinessKey("24-CT/TU")
              .taskCandidateGroup("soNoiVu")
              .singleResult(),
          withVariables(RESULT_REPORT, "Sở Nội vụ đã hoàn thành kế hoạch"));
      Task approval =
          taskQuery()
              .processInstanceBusinessKey("24-CT/TU")
              .taskDefinitionKey("Task_ApproveResult")
              .singleResult();
      assertThat(runtimeService().getVariable(approval.getProcessInstanceId(), MONITOR_BODY))
          .as("the fan-out's settings")
          .isEqualTo("bdvTU");
      complete(approval, withVariables(APPROVED, true));
      complete(
          taskQuery()
              .processInstanceBusinessKey("24-CT/TU")
              .taskDefinitionKey("Task_ConfirmResult")
              .singleResult(),
          withVariables(CONFIRMED, true));

      BpmnAwareTests.assertThat(parent).isEnded();
      assertThat(memberVariables("soNoiVu"))
          .containsKeys(SUBMITTED_AT, CONFIRMED_AT)
          .containsEntry(RESULT_REPORT, "Sở Nội vụ đã hoàn thành kế hoạch");
    } finally {
      BpmnAwareTests.repositoryService().deleteDeployment(deployment, true);
    }
  }

  /** The history variables of {@code body}'s fan-out member, by name. */
  private Map<String, Object> memberVariables(String body) {
    String member =
        historyService()
            .createHistoricVariableInstanceQuery()
            .processDefinitionKey("fanoutMember")
            .variableName(LEAD_BODY)
            .list()
            .stream()
            .filter(v -> body.equals(v.getValue()))
            .findFirst()
            .orElseThrow()
            .getProcessInstanceId();
    Map<String, Object> vars = new java.util.HashMap<>();
    historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(member)
        .list()
        .forEach(v -> vars.put(v.getName(), v.getValue()));
    return vars;
  }

  @Test
  void aDeadlineGivenAsAPhraseTimesTheReminderAndTheChases() {
    // the fan-out's timers are scheduled before its start listener reads the phrase
    ProcessInstance parent =
        fanOut(DEADLINE, null, DEADLINE_PHRASE, "trước 15/12/2026", ISSUED_DATE, "2026-11-20");

    assertThat(parentTimer(parent, "StartEvent_ReminderDue").getDuedate())
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-12T16:59:59Z")));
    assertThat(parentTimer(parent, "StartEvent_ChaseDue").getDuedate())
        .as("the day after 15/12 begins in Vietnam")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-15T17:00:00Z")));
    assertThat(runtimeService().getVariable(parent.getId(), DEADLINE)).isEqualTo("2026-12-15");
  }

  @Test
  void withoutADeadlineTheParentRechecksEveryMidnight() {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu, soTaiChinh", DEADLINE, "");
    runJobs(parent);
    assertThat(parentTimer(parent, "Event_RecheckDue").getDuedate())
        .as("24/11 begins in Vietnam")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-11-23T17:00:00Z")));
  }

  @Test
  void theParentRechecksDailyFromTheDeadlineInCaseAWakeUpWasLost() {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu, soTaiChinh");
    runJobs(parent);
    Job recheck = parentTimer(parent, "Event_RecheckDue");
    assertThat(recheck.getDuedate())
        .as("when 15/12 is over in Vietnam, with the first chase")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-15T17:00:00Z")))
        .isEqualTo(parentTimer(parent, "StartEvent_ChaseDue").getDuedate());

    ClockUtil.setCurrentTime(recheck.getDuedate());
    managementService().executeJob(recheck.getId());
    BpmnAwareTests.assertThat(parent)
        .isWaitingAt("Gateway_WaitForLast")
        .hasPassed("Event_RecheckDue");
    assertThat(parentTimer(parent, "Event_RecheckDue").getDuedate())
        .as("then every midnight")
        .isEqualTo(Date.from(java.time.Instant.parse("2026-12-16T17:00:00Z")));
    // a month after the deadline a body still silent is re-checked on Mondays, not nightly
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2027-01-15T17:00:00Z")));
    managementService().executeJob(parentTimer(parent, "Event_RecheckDue").getId());
    assertThat(parentTimer(parent, "Event_RecheckDue").getDuedate())
        .as("Saturday 16/1/2027, then Monday 18/1")
        .isEqualTo(Date.from(java.time.Instant.parse("2027-01-17T17:00:00Z")));
    // half a year after it, on the 1st of each month
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2027-06-14T17:00:00Z")));
    managementService().executeJob(parentTimer(parent, "Event_RecheckDue").getId());
    assertThat(parentTimer(parent, "Event_RecheckDue").getDuedate())
        .as("Tuesday 15/6/2027, then 1/7")
        .isEqualTo(Date.from(java.time.Instant.parse("2027-06-30T17:00:00Z")));
    reports().forEach(t -> complete(t, withVariables(RESULT_REPORT, "Đã báo cáo đầy đủ")));
    BpmnAwareTests.assertThat(parent).isEnded();
  }

  @Test
  void cancellingTheFanOutEndsTheWorkItGaveOut() throws Exception {
    ProcessInstance parent = fanOut();
    // one chunk of 2 bodies given out, two chunks still queued
    managementService()
        .executeJob(managementService().createJobQuery().messages().list().get(0).getId());
    List<Task> given = reports();
    assertThat(given).hasSize(2);
    // one body asked for more time: its work is in a full assignment now
    complete(
        given.get(0),
        withVariables(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            "2027-01-15",
            EXTENSION_REASON,
            "Chờ số liệu quyết toán"));
    runJobs(parent);
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-15T17:00:00Z")));
    managementService().executeJob(parentTimer(parent, "StartEvent_ChaseDue").getId());
    // the chase's first chunk has run (2 notices), its second is still queued
    managementService()
        .executeJob(managementService().createJobQuery().messages().list().get(0).getId());
    assertThat(notices()).hasSize(2);
    assertThat(chaseNoticeRows(parent)).isEqualTo(2);
    assertThat(taskQuery().processInstanceBusinessKey("24-CT/TU").count())
        .as("4 bodies' work, an extension to decide, 2 notices")
        .isEqualTo(7);

    runtimeService().deleteProcessInstance(parent.getId(), "Văn bản bị thu hồi");

    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("24-CT/TU")
                .list())
        .as("members, the full assignment, chunks and notices all ended")
        .isEmpty();
    assertThat(taskQuery().processInstanceBusinessKey("24-CT/TU").count()).isZero();
    assertThat(chaseNoticeRows(parent)).isZero();
    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("fanoutMember")
                .list())
        .extracting(member -> member.getDeleteReason())
        .containsOnly("Việc giao cho nhiều đơn vị đã bị hủy")
        .hasSize(5);
  }

  /** A connection to the test engine's database, for the product's own tables. */
  private static java.sql.Connection connection() throws java.sql.SQLException {
    return ((ProcessEngineConfigurationImpl)
            engine.getProcessEngine().getProcessEngineConfiguration())
        .getDataSource()
        .getConnection();
  }

  /** The rows of {@code danvan_chase_notice} kept for the fan-out. */
  private static long chaseNoticeRows(ProcessInstance parent) throws Exception {
    try (var connection = connection();
        var count =
            connection.prepareStatement(
                "select count(*) from danvan_chase_notice where fanout_id_ = ?")) {
      count.setString(1, parent.getId());
      try (var rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void aWakeUpLostAfterTheLastBodyIsCaughtByTheDailyRecheck() throws Exception {
    ProcessInstance parent = fanOut(BODIES, "soNoiVu, soTaiChinh");
    runJobs(parent);
    // as if the last body's transaction committed its count and the node stopped before waking
    // the parent up
    try (var connection = connection();
        var update =
            connection.prepareStatement("update danvan_fanout set done_ = total_ where id_ = ?")) {
      update.setString(1, parent.getId());
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast");

    managementService().executeJob(parentTimer(parent, "Event_RecheckDue").getId());
    BpmnAwareTests.assertThat(parent)
        .isEnded()
        .hasPassed("Event_RecheckDue", "Gateway_JoinDone")
        .hasNotPassed("Event_LastBodyDone");
  }

  @Test
  void bodiesCanBeChosenByTypeOnlyThoseThatStillExist() {
    ProcessInstance parent = fanOut(BODIES, null, BODY_TYPE, "xa");
    // the commune created on 1/7/2025 (its Party committee and People's Committee); the communes
    // merged into it ended on 30/6/2025
    assertThat(runtimeService().getVariable(parent.getId(), BODY_LIST).toString())
        .isEqualTo("[\"dangUyXaXuanLoc\",\"ubndXaXuanLoc\"]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no bodies        | bodies   |                      | Danh sách đơn vị thực hiện là bắt buộc
          unknown body     | bodies   | soNoiVu, soKhongCo   | "soKhongCo" không có trong sổ đăng ký
          duplicate body   | bodies   | soNoiVu, soNoiVu     | mã trùng
          unknown type     | bodyType | huyen                | loại "huyen"
          no content       | taskContent |                   | Nội dung nhiệm vụ là bắt buộc
          """)
  void badStartIsRefused(String kind, String name, String value, String message) {
    long before = runtimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> fanOut(name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
