package vn.danvan.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.assignment.AssignmentVariables.RETURN_COUNT;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS_REQUIRED;
import static vn.danvan.inspection.InspectionVariables.CORRECTION_DEADLINE;
import static vn.danvan.inspection.InspectionVariables.FINDINGS;
import static vn.danvan.inspection.InspectionVariables.INSPECTED_BODIES;
import static vn.danvan.inspection.InspectionVariables.INSPECTED_BODY;
import static vn.danvan.inspection.InspectionVariables.INSPECTING_BODY;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_CONCLUSION;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_DATE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_SCHEDULE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_TEAM;
import static vn.danvan.inspection.InspectionVariables.PLAN_APPROVED;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.IdentitySync;
import vn.danvan.org.OrgRegistry;
import vn.danvan.support.ProcessTestEngine;

/**
 * The inspection block, every path, done by the demo people of the bodies its tasks are offered to
 * (each task is one the person sees in Tasklist, completed signed in as them): Ban Dân vận (bdvTU)
 * inspects Sở Nội vụ and Sở Tài chính in the fourth quarter of 2026.
 */
@Deployment(
    resources = {
      "processes/blocks/inspection.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "forms/lapKeHoachKiemTra.form",
      "forms/duyetKeHoachKiemTra.form",
      "forms/ghiNhanKetQuaKiemTra.form",
      "forms/ketLuanKiemTra.form",
      "forms/thucHienNhiemVu.form",
      "forms/duyetKetQua.form",
      "forms/xacNhanKetQua.form",
      "forms/tiepNhanDonDoc.form"
    })
class InspectionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage("assignment", "chaseNotice");

  static final String KEY = "KT-2026";

  /** The demo people and their groups, as Tasklist knows them. */
  @BeforeAll
  static void demoPeople() {
    ProcessTestEngine.bean(IdentitySync.class)
        .sync(ProcessTestEngine.bean(OrgRegistry.class), "demo");
  }

  @BeforeEach
  void lateSeptember2026() {
    at("2026-09-20T09:00");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService().clearAuthentication();
  }

  static void at(String vietnamTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant()));
  }

  static ProcessInstance inspect(Object... extra) {
    Map<String, Object> vars =
        withVariables(
            INSPECTING_BODY,
            "bdvTU",
            BODIES,
            "soNoiVu, soTaiChinh",
            TASK_CONTENT,
            "Việc thực hiện Quy chế dân chủ ở cơ sở",
            DEADLINE_PHRASE,
            "quý IV/2026",
            ISSUED_DATE,
            "2026-09-20");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("inspection", KEY, vars);
  }

  /** The round opens on its first day (the timer fires). */
  static void openRound(ProcessInstance pi, String expectedUtc) {
    Job opens =
        managementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId("Event_RoundOpens")
            .singleResult();
    assertThat(opens.getDuedate()).isEqualTo(Date.from(Instant.parse(expectedUtc)));
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
  }

  /**
   * The open task of that kind that a person sees in Tasklist (for {@code body}: the one about that
   * inspected or leading body), completed by them, signed in.
   */
  static Task act(String person, String taskKey, String body, Map<String, Object> answer) {
    List<Task> seen =
        taskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey(taskKey)
            .taskCandidateUser(person)
            .list()
            .stream()
            .filter(t -> body == null || body.equals(bodyOf(t)))
            .toList();
    assertThat(seen).as(person + " sees one " + taskKey + " for " + body).hasSize(1);
    Task task = seen.get(0);
    identityService().setAuthenticatedUserId(person);
    try {
      taskService().claim(task.getId(), person);
      taskService().complete(task.getId(), answer);
    } finally {
      identityService().clearAuthentication();
    }
    return task;
  }

  private static String bodyOf(Task t) {
    Object inspected = taskService().getVariable(t.getId(), INSPECTED_BODY);
    return String.valueOf(
        inspected != null ? inspected : taskService().getVariable(t.getId(), LEAD_BODY));
  }

  static void plan() {
    act(
        "bdvTUCanBo",
        "Task_PlanInspection",
        null,
        withVariables(
            INSPECTION_TEAM,
            "Trưởng đoàn: Phó Trưởng ban; 3 chuyên viên",
            INSPECTION_SCHEDULE,
            "Sở Nội vụ: 05/11/2026\nSở Tài chính: 12/11/2026",
            INSPECTION_DATE,
            "30/11/2026"));
  }

  static void approvePlan() {
    act("bdvTULanhDao", "Task_ApprovePlan", null, withVariables(PLAN_APPROVED, true));
  }

  static void findings(String body) {
    act(
        "bdvTUCanBo",
        "Task_RecordFindings",
        body,
        withVariables(FINDINGS, "Biên bản số 1: chưa niêm yết công khai kế hoạch"));
  }

  static void conclude(String body, String corrections) {
    act(
        "bdvTULanhDao",
        "Task_ConcludeInspection",
        body,
        corrections == null
            ? withVariables(
                INSPECTION_CONCLUSION,
                "Thực hiện tốt, không có tồn tại",
                CORRECTIONS_REQUIRED,
                false)
            : withVariables(
                INSPECTION_CONCLUSION,
                "Còn tồn tại cần khắc phục",
                CORRECTIONS_REQUIRED,
                true,
                CORRECTIONS,
                corrections,
                CORRECTION_DEADLINE,
                "31/01/2027"));
  }

  /** The inspected body corrects: staff report, its leader submits. */
  static void correct(String body, String correctionStart) {
    List<Task> perform =
        taskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey("Task_Perform")
            .taskCandidateGroup(body)
            .list()
            .stream()
            .filter(
                t ->
                    String.valueOf(taskService().getVariable(t.getId(), TASK_CONTENT))
                        .contains(correctionStart))
            .toList();
    assertThat(perform).hasSize(1);
    String instance = perform.get(0).getProcessInstanceId();
    identityService().setAuthenticatedUserId(body + "CanBo");
    taskService().claim(perform.get(0).getId(), body + "CanBo");
    taskService()
        .complete(perform.get(0).getId(), withVariables(RESULT_REPORT, "Đã khắc phục xong"));
    Task approve =
        taskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_ApproveResult")
            .taskCandidateUser(body + "LanhDao")
            .singleResult();
    identityService().setAuthenticatedUserId(body + "LanhDao");
    taskService().complete(approve.getId(), withVariables(APPROVED, true));
    identityService().clearAuthentication();
  }

  /** The inspecting body confirms a correction or returns it. */
  static String confirm(String correctionStart, boolean confirmed) {
    Task task =
        taskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey("Task_ConfirmResult")
            .taskCandidateUser("bdvTUCanBo")
            .list()
            .stream()
            .filter(
                t ->
                    String.valueOf(taskService().getVariable(t.getId(), TASK_CONTENT))
                        .contains(correctionStart))
            .findFirst()
            .orElseThrow();
    identityService().setAuthenticatedUserId("bdvTUCanBo");
    taskService()
        .complete(
            task.getId(),
            confirmed
                ? withVariables(CONFIRMED, true)
                : withVariables(CONFIRMED, false, RETURN_REASON, "Chưa có văn bản niêm yết"));
    identityService().clearAuthentication();
    return task.getProcessInstanceId();
  }

  @Test
  void noCorrectionsEndsTheInspectionWithTheConclusion() {
    ProcessInstance pi = inspect(BODIES, "soNoiVu");
    BpmnAwareTests.assertThat(pi).isWaitingAt("Event_RoundOpens");
    openRound(pi, "2026-09-30T17:00:00Z");

    Task plan = taskQuery().processInstanceId(pi.getId()).singleResult();
    BpmnAwareTests.assertThat(plan)
        .hasDefinitionKey("Task_PlanInspection")
        .hasCandidateGroup("bdvTU")
        .hasDueDate(Date.from(Instant.parse("2026-10-16T16:59:59Z")));
    plan();
    BpmnAwareTests.assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("bdvTULanhDao");
    approvePlan();
    Task findings = taskQuery().processInstanceId(pi.getId()).singleResult();
    BpmnAwareTests.assertThat(findings)
        .hasDefinitionKey("Task_RecordFindings")
        .hasDueDate(Date.from(Instant.parse("2026-11-30T16:59:59Z")));
    assertThat(taskService().getVariable(findings.getId(), "bodyName")).isEqualTo("Sở Nội vụ");
    findings("soNoiVu");
    BpmnAwareTests.assertThat(BpmnAwareTests.task(pi))
        .hasDefinitionKey("Task_ConcludeInspection")
        .hasCandidateGroup("bdvTULanhDao")
        .hasDueDate(Date.from(Instant.parse("2026-12-15T16:59:59Z")));
    conclude("soNoiVu", null);

    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed("Gateway_JoinCorrections", "EndEvent_InspectionDone")
        .hasNotPassed("CallActivity_Correction");
  }

  @Test
  void everyCorrectionIsTrackedUntilConfirmedAReturnedOneIsReworked() {
    ProcessInstance pi = inspect();
    openRound(pi, "2026-09-30T17:00:00Z");
    plan();
    act(
        "bdvTULanhDao",
        "Task_ApprovePlan",
        null,
        withVariables(PLAN_APPROVED, false, RETURN_REASON, "Bổ sung lịch kiểm tra Sở Tài chính"));
    Task again = BpmnAwareTests.task(pi);
    BpmnAwareTests.assertThat(again).hasDefinitionKey("Task_PlanInspection");
    assertThat(taskService().getVariable(again.getId(), RETURN_REASON))
        .isEqualTo("Bổ sung lịch kiểm tra Sở Tài chính");
    plan();
    approvePlan();
    assertThat(
            taskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("Task_RecordFindings")
                .count())
        .as("one inspection per body")
        .isEqualTo(2);

    findings("soNoiVu");
    findings("soTaiChinh");
    conclude("soNoiVu", "Niêm yết công khai kế hoạch");
    conclude(
        "soTaiChinh", "- Bổ sung quy chế tiếp công dân\n\n- Tổ chức hội nghị cán bộ, công chức\n");

    List<Task> work =
        taskQuery().processInstanceBusinessKey(KEY).taskDefinitionKey("Task_Perform").list();
    assertThat(work).hasSize(3);
    Task one =
        work.stream()
            .filter(
                t -> runtimeService().getVariable(t.getExecutionId(), LEAD_BODY).equals("soNoiVu"))
            .findFirst()
            .orElseThrow();
    BpmnAwareTests.assertThat(one)
        .hasCandidateGroup("soNoiVu")
        .hasDueDate(Date.from(Instant.parse("2027-01-31T16:59:59Z")));
    assertThat(runtimeService().getVariables(one.getProcessInstanceId()))
        .containsEntry(MONITOR_BODY, "bdvTU")
        .containsEntry(DEADLINE, "2027-01-31")
        .containsEntry(
            TASK_CONTENT,
            "Khắc phục theo kết luận kiểm tra (đến 31/12/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy):"
                + " Niêm yết công khai kế hoạch");

    correct("soNoiVu", "Niêm yết");
    String returned = confirm("Niêm yết", false);
    assertThat(runtimeService().getVariable(returned, RETURN_COUNT)).isEqualTo(1);
    correct("soNoiVu", "Niêm yết");
    confirm("Niêm yết", true);
    correct("soTaiChinh", "quy chế tiếp công dân");
    confirm("quy chế tiếp công dân", true);
    BpmnAwareTests.assertThat(pi).isActive();
    correct("soTaiChinh", "hội nghị cán bộ");
    confirm("hội nghị cán bộ", true);

    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed("CallActivity_Correction", "EndEvent_InspectionDone");
    assertThat(
            BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId("Task_PlanInspection")
                .count())
        .as("planned again after the return")
        .isEqualTo(2);
  }

  /** The template's "Không" for both: the staff's report closes a correction. */
  @Test
  void withoutLeaderReviewOrConfirmationTheStaffsReportClosesACorrection() {
    ProcessInstance pi = inspect(BODIES, "soNoiVu", LEADER_REVIEW, "false", CONFIRMATION, "false");
    openRound(pi, "2026-09-30T17:00:00Z");
    plan();
    approvePlan();
    findings("soNoiVu");
    conclude("soNoiVu", "Niêm yết công khai kế hoạch");
    Task perform =
        taskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey("Task_Perform")
            .singleResult();
    identityService().setAuthenticatedUserId("soNoiVuCanBo");
    taskService().claim(perform.getId(), "soNoiVuCanBo");
    taskService().complete(perform.getId(), withVariables(RESULT_REPORT, "Đã khắc phục xong"));
    identityService().clearAuthentication();
    BpmnAwareTests.assertThat(pi)
        .isEnded()
        .hasPassed("CallActivity_Correction", "EndEvent_InspectionDone");
    assertThat(
            BpmnAwareTests.historyService()
                .createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(KEY)
                .taskDefinitionKeyIn("Task_ApproveResult", "Task_ConfirmResult")
                .count())
        .isZero();
  }

  @Test
  void aCorrectionPastItsDeadlineIsChasedAsAnyAssignment() {
    ProcessInstance pi = inspect(BODIES, "soNoiVu");
    openRound(pi, "2026-09-30T17:00:00Z");
    plan();
    approvePlan();
    findings("soNoiVu");
    conclude("soNoiVu", "Niêm yết công khai kế hoạch");
    String correction =
        taskQuery()
            .processInstanceBusinessKey(KEY)
            .taskDefinitionKey("Task_Perform")
            .singleResult()
            .getProcessInstanceId();
    Job chase =
        managementService()
            .createJobQuery()
            .processInstanceId(correction)
            .activityId("StartEvent_ChaseDue")
            .singleResult();
    assertThat(chase.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-01-31T17:00:00Z")));
    ClockUtil.setCurrentTime(chase.getDuedate());
    managementService().executeJob(chase.getId());

    assertThat(runtimeService().getVariable(correction, CHASE_COUNT)).isEqualTo(1);
    assertThat(runtimeService().getVariable(correction, LAST_CHASE_TYPE)).isEqualTo("Nhắc nhở");
    assertThat(
            taskQuery()
                .processInstanceBusinessKey(KEY)
                .taskDefinitionKey("Task_AcknowledgeChase")
                .taskCandidateUser("soNoiVuLanhDao")
                .count())
        .as("Sở Nội vụ's leaders acknowledge the chase")
        .isEqualTo(1);
    BpmnAwareTests.assertThat(pi).isWaitingAt("CallActivity_Correction");
  }

  @Test
  void aYearlyInspectionOpensARoundSixtyDaysBeforeEachDueDayToTheEndDate() {
    at("2026-03-01T09:00");
    ProcessInstance pi =
        inspect(
            BODIES,
            null,
            BODY_TYPE,
            "so",
            DEADLINE_PHRASE,
            "trước ngày 30/11 hằng năm",
            ISSUED_DATE,
            "2026-03-01",
            END_DATE,
            "2027-12-31");
    List<Job> rounds =
        managementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .activityId("Event_RoundOpens")
            .orderByJobDuedate()
            .asc()
            .list();
    assertThat(rounds)
        .extracting(Job::getDuedate)
        .containsExactly(
            Date.from(Instant.parse("2026-09-30T17:00:00Z")),
            Date.from(Instant.parse("2027-09-30T17:00:00Z")));
    assertThat((String) runtimeService().getVariable(pi.getId(), INSPECTED_BODIES))
        .as("every department in force")
        .contains("soNoiVu", "soTaiChinh")
        .doesNotContain("soTNMT");
  }

  @Test
  void anEndedBodyIsInspectedThroughItsHeir() {
    ProcessInstance pi = inspect(BODIES, "soTNMT");
    assertThat(runtimeService().getVariable(pi.getId(), INSPECTED_BODIES)).isEqualTo("soNNMT");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown inspector   | inspectingBody | banKhongCo   | Đơn vị kiểm tra "banKhongCo"
          unknown inspected   | bodies         | soNoiVu, xyz | Đơn vị "xyz" không có trong sổ
          no inspected body   | bodies         |              | Danh sách đơn vị thực hiện là bắt buộc
          itself              | bodies         | bdvTU        | ngoài đơn vị kiểm tra
          unreadable phrase   | deadlinePhrase | cuối nhiệm kỳ | Không hiểu thời hạn "cuối nhiệm kỳ"
          cycle without end   | deadlinePhrase | hằng năm     | Thời điểm kết thúc là bắt buộc
          no content          | taskContent    |              | Nội dung kiểm tra, giám sát là bắt buộc
          review not yes/no   | leaderReview   | có           | Cần lãnh đạo duyệt phải là true hoặc false
          confirm not yes/no  | confirmation   | yes          | Cần đơn vị theo dõi xác nhận phải là true
          """)
  void aBadStartIsRefused(String kind, String name, String value, String message) {
    assertThatThrownBy(() -> inspect(name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          plan date passed        | Task_PlanInspection     | inspectionDate=01/09/2026   | đã qua
          plan after the round    | Task_PlanInspection     | inspectionDate=15/01/2027   | sau hạn của đợt
          plan date malformed     | Task_PlanInspection     | inspectionDate=31-12-2026   | không hợp lệ
          plan without team       | Task_PlanInspection     | inspectionTeam=             | Thành phần đoàn
          returned without reason | Task_ApprovePlan        | planApproved=false          | Lý do trả lại
          no decision             | Task_ApprovePlan        | planApproved=               | Chưa chọn duyệt
          no findings             | Task_RecordFindings     | findings=                   | Kết quả kiểm tra là bắt buộc
          corrections empty       | Task_ConcludeInspection | corrections=\\n -           | Yêu cầu khắc phục là bắt buộc
          correction past         | Task_ConcludeInspection | correctionDeadline=20/09/2026 | phải sau hôm nay
          no conclusion           | Task_ConcludeInspection | inspectionConclusion=       | Kết luận kiểm tra là bắt buộc
          """)
  void aBadAnswerIsRefusedAndNothingMoves(String kind, String taskKey, String change, String msg) {
    ProcessInstance pi = inspect(BODIES, "soNoiVu");
    openRound(pi, "2026-09-30T17:00:00Z");
    Map<String, Map<String, Object>> answers =
        Map.of(
            "Task_PlanInspection",
            withVariables(
                INSPECTION_TEAM,
                "Đoàn kiểm tra",
                INSPECTION_SCHEDULE,
                "Sở Nội vụ: 05/11/2026",
                INSPECTION_DATE,
                "30/11/2026"),
            "Task_ApprovePlan",
            withVariables(PLAN_APPROVED, true),
            "Task_RecordFindings",
            withVariables(FINDINGS, "Biên bản kiểm tra số 1"),
            "Task_ConcludeInspection",
            withVariables(
                INSPECTION_CONCLUSION,
                "Còn tồn tại",
                CORRECTIONS_REQUIRED,
                true,
                CORRECTIONS,
                "Niêm yết công khai",
                CORRECTION_DEADLINE,
                "31/01/2027"));
    String[] nameValue = change.split("=", 2);
    answers
        .get(taskKey)
        .put(
            nameValue[0],
            nameValue[1].isEmpty()
                ? null
                : nameValue[1].equals("false") ? Boolean.FALSE : nameValue[1].replace("\\n", "\n"));
    for (String step :
        List.of(
            "Task_PlanInspection",
            "Task_ApprovePlan",
            "Task_RecordFindings",
            "Task_ConcludeInspection")) {
      Task task = BpmnAwareTests.task(pi);
      if (step.equals(taskKey)) {
        assertThatThrownBy(() -> taskService().complete(task.getId(), answers.get(step)))
            .hasRootCauseInstanceOf(InvalidInputException.class)
            .rootCause()
            .hasMessageContaining(msg);
        BpmnAwareTests.assertThat(pi).isWaitingAt(taskKey);
        return;
      }
      taskService().complete(task.getId(), answers.get(step));
    }
  }
}
