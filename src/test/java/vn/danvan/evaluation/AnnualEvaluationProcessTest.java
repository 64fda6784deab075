package vn.danvan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.evaluation.EvaluationVariables.APPROVAL_NOTE;
import static vn.danvan.evaluation.EvaluationVariables.APPROVING_BODY;
import static vn.danvan.evaluation.EvaluationVariables.BAND_DECISION;
import static vn.danvan.evaluation.EvaluationVariables.BAND_LABEL;
import static vn.danvan.evaluation.EvaluationVariables.CRITERIA_SET_ID;
import static vn.danvan.evaluation.EvaluationVariables.EVALUATED_LATE;
import static vn.danvan.evaluation.EvaluationVariables.EVALUATION_ID;
import static vn.danvan.evaluation.EvaluationVariables.PUBLISHED_AT;
import static vn.danvan.evaluation.EvaluationVariables.RANKING;
import static vn.danvan.evaluation.EvaluationVariables.RANKING_APPROVED;
import static vn.danvan.evaluation.EvaluationVariables.RANKING_SUMMARY;
import static vn.danvan.evaluation.EvaluationVariables.RETURNED_BODIES;
import static vn.danvan.evaluation.EvaluationVariables.RETURN_FOR_CORRECTION;
import static vn.danvan.evaluation.EvaluationVariables.REVIEWING_BODY;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSED_LATE;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSMENT_DEADLINE;
import static vn.danvan.evaluation.EvaluationVariables.TOTAL_SCORE;
import static vn.danvan.evaluation.EvaluationVariables.TRACK_RECORD;
import static vn.danvan.evaluation.EvaluationVariables.YEAR;
import static vn.danvan.variable.SharedVariables.ASSESSMENT;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MISSING_BODIES;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.REVIEW_DUE;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.input.InvalidInputException;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.DirectiveRun.Received;
import vn.danvan.support.ProcessTestEngine;

/**
 * A province-year of evaluation with the engine clock: sheets open a month before 15/10, bodies
 * self-assess (one late and chased), the reviewer sees the track record, returns one sheet, scores,
 * the DMN ranks, the leadership returns one body for a new review, then approves.
 */
@Deployment(
    resources = {
      "processes/blocks/annualEvaluation.bpmn",
      "processes/blocks/evaluationYear.bpmn",
      "processes/blocks/bodyEvaluation.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/decisions/xepLoaiNghiDinh335.dmn",
      "processes/decisions/xepLoaiTotKhaTrungBinhYeu.dmn"
    })
class AnnualEvaluationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage("chaseNotice", "assignment");

  static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static ProcessInstance plan(Object... extra) {
    Map<String, Object> vars =
        withVariables(
            YEAR,
            2025,
            BODIES,
            "soNoiVu,soTaiChinh,mttqTinh",
            REVIEWING_BODY,
            "bdvTU",
            APPROVING_BODY,
            "btvTU",
            SELF_ASSESSMENT_DEADLINE,
            "trước ngày 15/10 hằng năm");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("annualEvaluation", "DG-DV-2025", vars);
  }

  @Test
  void aYearFromSelfAssessmentToPublishedRanking() throws Exception {
    DirectiveRun.at("2025-01-10T09:00");
    lateAssignmentOf("soTaiChinh");
    ProcessInstance pi = plan();
    Job opens = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(opens.getDuedate()).isEqualTo(Date.from(Instant.parse("2025-09-14T17:00:00Z")));
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    ProcessInstance year = yearOf(pi);

    List<Task> sheets = taskQuery().taskDefinitionKey("Task_SelfAssess").list();
    assertThat(sheets).hasSize(3);
    Task soNoiVu = taskOf("Task_SelfAssess", "soNoiVu");
    BpmnAwareTests.assertThat(soNoiVu).hasDueDate(Date.from(Instant.parse("2025-10-15T16:59:59Z")));
    ArrayNode blank = sheet(soNoiVu);
    assertThat(blank).hasSize(13); // tinhMau-2025: 10 criteria, 1 bonus, 2 penalties
    assertThat(blank.get(0).get("code").asText()).isEqualTo("TC1");

    // what a careless or hostile client sends is refused, and nothing is saved
    assertThatThrownBy(() -> selfAssess(soNoiVu, 9, r -> r.put("score", 11)))
        .hasRootCauseMessage(
            "Điểm tự chấm của TC1 \"Lãnh đạo, chỉ đạo, cụ thể hóa văn bản về"
                + " công tác dân vận\" là 11, ngoài khoảng 0–10 điểm (score)");
    assertThatThrownBy(() -> selfAssess(soNoiVu, 9, r -> r.put("evidence", "")))
        .hasRootCauseMessage(
            "TC1 \"Lãnh đạo, chỉ đạo, cụ thể hóa văn bản về công tác dân vận\":"
                + " cần nêu minh chứng (văn bản, số liệu) cho tiêu chí này (evidence)");
    assertThatThrownBy(() -> selfAssess(soNoiVu, 9, r -> r.put("score", "chín")))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        soNoiVu.getId(),
                        Variables.putValue(
                            ASSESSMENT, SpinValues.jsonValue("[{\"code\":\"TC1\",\"score\":5}]"))))
        .hasRootCauseMessage(
            "Bảng điểm có 1 dòng, bộ tiêu chí tinhMau-2025 có 13 dòng (assessment)");
    assertThat(taskService().createTaskQuery().taskId(soNoiVu.getId()).count()).isOne();

    selfAssess(soNoiVu, 9, r -> {});
    selfAssess(taskOf("Task_SelfAssess", "soTaiChinh"), 8, r -> {});
    // mttqTinh misses 15/10: chased the day after, its leaders acknowledge
    Job chase =
        managementService()
            .createJobQuery()
            .timers()
            .activityId("Event_SelfAssessmentOverdue")
            .singleResult();
    assertThat(chase.getDuedate()).isEqualTo(Date.from(Instant.parse("2025-10-15T17:00:00Z")));
    ClockUtil.setCurrentTime(chase.getDuedate());
    managementService().executeJob(chase.getId());
    Task acknowledge = taskQuery().taskDefinitionKey("Task_AcknowledgeChase").singleResult();
    BpmnAwareTests.assertThat(acknowledge).hasCandidateGroup("mttqTinhLanhDao");
    taskService().complete(acknowledge.getId(), withVariables("chaseResponse", "Đang hoàn thiện"));
    selfAssess(taskOf("Task_SelfAssess", "mttqTinh"), 4, r -> {});

    // the reviewer sees the engine's track record beside the criteria that ask for it
    Task review = taskOf("Task_ReviewScores", "soTaiChinh");
    BpmnAwareTests.assertThat(review)
        .hasCandidateGroup("bdvTU")
        .hasDueDate(Date.from(Instant.parse("2025-11-14T16:59:59Z")));
    String record = (String) taskService().getVariable(review.getId(), TRACK_RECORD);
    assertThat(record)
        .isEqualTo(
            "Năm 2025: 1 nhiệm vụ đến hạn; đúng hạn 0, trễ hạn 1,"
                + " quá hạn chưa xong 0; tỷ lệ đúng hạn 0%; bị đôn đốc 1 lần");
    assertThat(row(sheet(review), "TC9").get("trackingEvidence").asText()).isEqualTo(record);
    assertThat(row(sheet(review), "TC1").has("trackingEvidence")).isFalse();
    assertThat(
            taskService()
                .getVariable(taskOf("Task_ReviewScores", "mttqTinh").getId(), TRACK_RECORD))
        .asString()
        .contains("bị đôn đốc 1 lần");

    // soNoiVu's sheet goes back once, then everyone is scored
    Task returned = taskOf("Task_ReviewScores", "soNoiVu");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(returned.getId(), withVariables(RETURN_FOR_CORRECTION, true)))
        .hasRootCauseMessage("Lý do trả lại là bắt buộc (returnReason)");
    taskService()
        .complete(
            returned.getId(),
            withVariables(RETURN_FOR_CORRECTION, true, RETURN_REASON, "Bổ sung minh chứng TC3"));
    selfAssess(taskOf("Task_SelfAssess", "soNoiVu"), 9.5, r -> {});
    assertThatThrownBy(() -> review(taskOf("Task_ReviewScores", "soNoiVu"), 11))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause()
        .hasMessageContaining("Điểm thẩm định của TC1");
    review(taskOf("Task_ReviewScores", "soNoiVu"), 9.2); // 92 → xuất sắc
    review(taskOf("Task_ReviewScores", "soTaiChinh"), 7.5); // 75 → tốt
    review(taskOf("Task_ReviewScores", "mttqTinh"), 4.5); // 45 → không hoàn thành
    runAsync();

    Task approval = taskQuery().taskDefinitionKey("Task_ApproveRanking").singleResult();
    BpmnAwareTests.assertThat(approval).hasCandidateGroup("btvTULanhDao");
    JsonNode ranking = ranking(year);
    assertThat(ranking.findValuesAsText("body"))
        .containsExactly("soNoiVu", "soTaiChinh", "mttqTinh");
    assertThat(ranking.findValuesAsText(BAND_LABEL))
        .containsExactly(
            "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Không hoàn thành nhiệm vụ");
    assertThat(ranking.get(0).get(TOTAL_SCORE).asDouble()).isEqualTo(92.0);
    assertThat(runtimeService().getVariable(year.getId(), RANKING_SUMMARY))
        .isEqualTo(
            "Năm 2025, 3 đơn vị: Hoàn thành xuất sắc nhiệm vụ 1; Hoàn thành tốt nhiệm vụ 1;"
                + " Không hoàn thành nhiệm vụ 1");

    // the leadership returns mttqTinh: only its review is done again, from its last sheet
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        approval.getId(),
                        withVariables(RANKING_APPROVED, false, APPROVAL_NOTE, "Xem lại")))
        .hasRootCauseMessage("Chọn ít nhất một đơn vị cần thẩm định lại (returnedBodies)");
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        approval.getId(),
                        withVariables(
                            RANKING_APPROVED,
                            false,
                            APPROVAL_NOTE,
                            "Xem lại",
                            RETURNED_BODIES,
                            "soTNMT")))
        .hasRootCauseMessage("Đơn vị \"soTNMT\" không thuộc đợt đánh giá này (returnedBodies)");
    taskService()
        .complete(
            approval.getId(),
            withVariables(
                RANKING_APPROVED,
                false,
                APPROVAL_NOTE,
                "Xem lại minh chứng của Mặt trận",
                RETURNED_BODIES,
                SpinValues.jsonValue("[\"mttqTinh\"]").create()));
    assertThat(taskQuery().taskDefinitionKey("Task_SelfAssess").count()).isZero();
    Task again = taskOf("Task_ReviewScores", "mttqTinh");
    assertThat(row(sheet(again), "TC1").get("reviewedScore").asDouble()).isEqualTo(4.5);
    ArrayNode lastSheet = sheet(again);
    review(again, 5.5); // 55 → hoàn thành
    runAsync();
    assertThat(ranking(year).findValuesAsText(BAND_LABEL))
        .containsExactly(
            "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ");
    taskService()
        .complete(
            taskQuery().taskDefinitionKey("Task_ApproveRanking").singleResult().getId(),
            withVariables(RANKING_APPROVED, true));
    runAsync();
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(year.getId())
                .variableName(PUBLISHED_AT)
                .singleResult()
                .getValue())
        .isNotNull();

    // after the approval, a review (e.g. started by an API client) is refused
    ProcessInstance late =
        runtimeService()
            .startProcessInstanceByKey(
                "bodyEvaluation",
                withVariables(
                    EVALUATION_ID,
                    year.getId(),
                    YEAR,
                    2025,
                    LEAD_BODY,
                    "soNoiVu",
                    CRITERIA_SET_ID,
                    "tinhMau-2025",
                    BAND_DECISION,
                    "xepLoaiNghiDinh335",
                    DEADLINE,
                    "2025-10-15",
                    REVIEW_DUE,
                    "2025-11-14",
                    REVIEWING_BODY,
                    "bdvTU",
                    ASSESSMENT,
                    SpinValues.jsonValue(lastSheet.toString()).create()));
    Task lateReview = taskQuery().processInstanceId(late.getId()).singleResult();
    assertThatThrownBy(() -> review(lateReview, 10))
        .hasRootCauseMessage(
            "Kết quả xếp loại năm 2025 đã được phê duyệt ngày 16/10/2025:"
                + " không thể chấm điểm lại");
  }

  @Test
  void aDirectivesYearsUseEachYearsCriteriaSet() throws Exception {
    DirectiveRun.at("2023-07-12T09:00");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "annualEvaluation",
                withVariables(
                    ISSUED_DATE,
                    "2023-07-12",
                    END_DATE,
                    "2025-12-31",
                    BODIES,
                    "ubndXaXuanHiep",
                    REVIEWING_BODY,
                    "phongNoiVuXuanLoc",
                    APPROVING_BODY,
                    "ubndXuanLoc"));
    List<String> sets = new java.util.ArrayList<>();
    List<String> bands = new java.util.ArrayList<>();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count())
        .as("every year on the calendar from the start")
        .isEqualTo(3);
    for (int n = 2023; n <= 2025; n++) {
      Job opens =
          managementService()
              .createJobQuery()
              .processInstanceId(pi.getId())
              .orderByJobDuedate()
              .asc()
              .listPage(0, 1)
              .get(0);
      ClockUtil.setCurrentTime(opens.getDuedate());
      managementService().executeJob(opens.getId());
      ProcessInstance year = yearOf(pi);
      sets.add((String) runtimeService().getVariable(year.getId(), CRITERIA_SET_ID));
      Task sheet = taskQuery().taskDefinitionKey("Task_SelfAssess").singleResult();
      selfAssess(sheet, 8.6, r -> {});
      review(taskQuery().taskDefinitionKey("Task_ReviewScores").singleResult(), 8.6);
      runAsync();
      bands.add(ranking(year).get(0).get(BAND_LABEL).asText());
      taskService()
          .complete(
              taskQuery().taskDefinitionKey("Task_ApproveRanking").singleResult().getId(),
              withVariables(RANKING_APPROVED, true));
      runAsync();
    }
    BpmnAwareTests.assertThat(pi).isEnded();
    assertThat(sets).containsExactly("tinhMau-2016", "tinhMau-2016", "tinhMau-2025");
    assertThat(bands).containsExactly("Tốt", "Tốt", "Hoàn thành tốt nhiệm vụ"); // 86 points
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no criteria set    | year                   | 2010              | Chưa có bộ tiêu chí đánh giá công tác dân vận của "tinhMau" cho năm 2010
          other province     | province               | tinhKhac          | của "tinhKhac" cho năm 2025
          not a year         | year                   | năm nay           | Năm đánh giá "năm nay" phải là số năm
          not yearly         | selfAssessmentDeadline | hằng quý          | phải là một hạn hằng năm
          unknown reviewer   | reviewingBody          | banKhongCo        | Đơn vị thẩm định "banKhongCo"
          no bodies          | bodies                 | ' '               | Danh sách đơn vị thực hiện là bắt buộc
          """)
  void badPlanIsRefused(String kind, String name, String value, String message) {
    DirectiveRun.at("2025-01-10T09:00");
    assertThatThrownBy(() -> plan(name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  /**
   * Five years in which one body never assesses itself: every year opens on its date, the ranking
   * of the others is compiled on each year's compile day (the day after the review deadline) with
   * the silent body named as having no result, approved and published.
   */
  @Test
  void fiveYearsGoOnWhenOneBodyNeverAssessesItself() {
    DirectiveRun.at("2021-01-05T09:00");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "annualEvaluation",
                "DG-DV",
                withVariables(
                    ISSUED_DATE,
                    "2021-01-05",
                    END_DATE,
                    "2025-12-31",
                    BODIES,
                    "soNoiVu,soTaiChinh,mttqTinh",
                    REVIEWING_BODY,
                    "bdvTU",
                    APPROVING_BODY,
                    "btvTU",
                    CHASE_INTERVAL,
                    "P3M"));
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine()).silent("mttqTinh");
    run.until("2026-01-31T00:00", 3000);

    assertThat(run.received())
        .filteredOn(r -> r.task().equals("Task_SelfAssess") && r.body().equals("soNoiVu"))
        .as("sheets open a month before 15/10 every year")
        .extracting(Received::given)
        .containsExactly(
            LocalDate.of(2021, 9, 15),
            LocalDate.of(2022, 9, 15),
            LocalDate.of(2023, 9, 15),
            LocalDate.of(2024, 9, 15),
            LocalDate.of(2025, 9, 15));
    assertThat(run.received())
        .filteredOn(r -> r.task().equals("Task_ApproveRanking"))
        .as("compiled on the day after the review deadline (14/11)")
        .extracting(Received::given)
        .containsExactly(
            LocalDate.of(2021, 11, 15),
            LocalDate.of(2022, 11, 15),
            LocalDate.of(2023, 11, 15),
            LocalDate.of(2024, 11, 15),
            LocalDate.of(2025, 11, 15));
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(RANKING_SUMMARY)
                .list())
        .extracting(v -> (String) v.getValue())
        .hasSize(5)
        .allSatisfy(
            summary ->
                assertThat(summary)
                    .contains(", 2 đơn vị: ")
                    .endsWith("; chưa có kết quả 1 đơn vị"));
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(MISSING_BODIES)
                .list())
        .extracting(v -> v.getValue())
        .containsOnly("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
        .hasSize(5);
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("Task_PublishResults")
                .count())
        .as("published every year")
        .isEqualTo(5);
    assertThat(
            taskQuery().taskDefinitionKey("Task_SelfAssess").taskCandidateGroup("mttqTinh").count())
        .as("the silent body's sheets stay open")
        .isEqualTo(5);
    BpmnAwareTests.assertThat(pi).isActive();
  }

  @Test
  void aLateSheetIsScoredInItsOwnYearAsLateAndTheRankingStaysAsApproved() throws Exception {
    DirectiveRun.at("2025-01-10T09:00");
    ProcessInstance pi = plan();
    Job opens = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    ProcessInstance year = yearOf(pi);
    selfAssess(taskOf("Task_SelfAssess", "soNoiVu"), 9, r -> {});
    selfAssess(taskOf("Task_SelfAssess", "soTaiChinh"), 8, r -> {});
    review(taskOf("Task_ReviewScores", "soNoiVu"), 9.2);
    review(taskOf("Task_ReviewScores", "soTaiChinh"), 7.5);
    runAsync();
    assertThat(taskQuery().taskDefinitionKey("Task_ApproveRanking").count())
        .as("not before the compile day")
        .isZero();

    // the compile day: the ranking of the two scored bodies, mttqTinh named as missing
    DirectiveRun.at("2025-11-15T00:00");
    Job compile =
        managementService().createJobQuery().activityId("Event_CompileDay").singleResult();
    assertThat(compile.getDuedate()).isEqualTo(Date.from(Instant.parse("2025-11-14T17:00:00Z")));
    managementService().executeJob(compile.getId());
    assertThat(ranking(year).findValuesAsText("body")).containsExactly("soNoiVu", "soTaiChinh");
    assertThat(runtimeService().getVariable(year.getId(), MISSING_BODIES))
        .isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    Task approval = taskQuery().taskDefinitionKey("Task_ApproveRanking").singleResult();
    assertThatThrownBy(
            () ->
                taskService()
                    .complete(
                        approval.getId(),
                        withVariables(
                            RANKING_APPROVED,
                            false,
                            APPROVAL_NOTE,
                            "Xem lại",
                            RETURNED_BODIES,
                            "mttqTinh")))
        .hasRootCauseMessage(
            "Đơn vị \"mttqTinh\" chưa có kết quả để thẩm định lại (returnedBodies)");
    taskService().complete(approval.getId(), withVariables(RANKING_APPROVED, true));

    // mttqTinh assesses itself late: scored in 2025, marked late, the ranking stays as approved
    selfAssess(taskOf("Task_SelfAssess", "mttqTinh"), 6, r -> {});
    Task lateReview = taskOf("Task_ReviewScores", "mttqTinh");
    review(lateReview, 6);
    runAsync(); // the body's sheet, then the year, end asynchronously
    runAsync();
    HistoricVariableInstance late =
        historyService()
            .createHistoricVariableInstanceQuery()
            .variableName(EVALUATED_LATE)
            .processInstanceId(lateReview.getProcessInstanceId())
            .singleResult();
    assertThat(late.getValue()).isEqualTo(true);
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(YEAR)
                .processInstanceId(lateReview.getProcessInstanceId())
                .singleResult()
                .getValue())
        .isEqualTo(2025);
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(SELF_ASSESSED_LATE)
                .processInstanceId(lateReview.getProcessInstanceId())
                .singleResult()
                .getValue())
        .isEqualTo(true);
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(year.getId())
                .activityId("EndEvent_LateBodiesEvaluated")
                .count())
        .isOne();
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("Task_CompileRanking")
                .count())
        .as("compiled once")
        .isOne();
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  // ---- helpers

  /** The year's own instance, started by the cycle when the year opens. */
  static ProcessInstance yearOf(ProcessInstance cycle) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(cycle.getId())
        .singleResult();
  }

  /** An assignment of 2025 done late, after one chase: the track record the reviewer sees. */
  static void lateAssignmentOf(String body) {
    ProcessInstance work =
        runtimeService()
            .startProcessInstanceByKey(
                "assignment",
                withVariables(
                    LEAD_BODY,
                    body,
                    MONITOR_BODY,
                    "bdvTU",
                    TASK_CONTENT,
                    "Báo cáo quý I",
                    DEADLINE,
                    "2025-03-31",
                    LEADER_REVIEW,
                    false,
                    CONFIRMATION,
                    false));
    DirectiveRun.at("2025-04-02T09:00");
    Job chase =
        managementService()
            .createJobQuery()
            .processInstanceId(work.getId())
            .timers()
            .activityId("StartEvent_ChaseDue")
            .singleResult();
    managementService().executeJob(chase.getId());
    Task perform =
        taskQuery()
            .processInstanceId(work.getId())
            .taskDefinitionKey("Task_Perform")
            .singleResult();
    taskService()
        .complete(
            perform.getId(), withVariables(REQUEST_EXTENSION, false, RESULT_REPORT, "Đã báo cáo"));
    runtimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey("chaseNotice")
        .list()
        .forEach(p -> runtimeService().deleteProcessInstance(p.getId(), "test"));
  }

  static Task taskOf(String key, String body) {
    return taskQuery()
        .taskDefinitionKey(key)
        .processVariableValueEquals(LEAD_BODY, body)
        .singleResult();
  }

  static ArrayNode sheet(Task task) throws Exception {
    return (ArrayNode)
        JSON.readTree(taskService().getVariable(task.getId(), ASSESSMENT).toString());
  }

  static JsonNode row(ArrayNode sheet, String code) {
    for (JsonNode row : sheet) {
      if (row.get("code").asText().equals(code)) {
        return row;
      }
    }
    throw new AssertionError(code);
  }

  /** Every criterion at {@code perTen} tenths of its maximum, bonus and penalty 0. */
  static void selfAssess(Task task, double perTen, Consumer<ObjectNode> firstRow) throws Exception {
    ArrayNode rows = sheet(task);
    for (JsonNode r : rows) {
      ObjectNode row = (ObjectNode) r;
      boolean criterion = row.get("kind").asText().equals("CRITERION");
      row.put("score", criterion ? row.get("maxPoints").asDouble() * perTen / 10 : 0);
      row.put("figures", "Số liệu năm");
      row.put("evidence", "Văn bản số 12/BC ngày 01/10");
    }
    firstRow.accept((ObjectNode) rows.get(0));
    taskService()
        .complete(
            task.getId(),
            Variables.putValue(ASSESSMENT, SpinValues.jsonValue(rows.toString()).create()));
  }

  static void review(Task task, double perTen) throws Exception {
    ArrayNode rows = sheet(task);
    for (JsonNode r : rows) {
      ObjectNode row = (ObjectNode) r;
      boolean criterion = row.get("kind").asText().equals("CRITERION");
      row.put("reviewedScore", criterion ? row.get("maxPoints").asDouble() * perTen / 10 : 0);
      row.put("score", 100); // a client cannot change the body's own figures
    }
    taskService()
        .complete(
            task.getId(),
            Variables.putValue(ASSESSMENT, SpinValues.jsonValue(rows.toString()).create())
                .putValue(RETURN_FOR_CORRECTION, false));
  }

  static JsonNode ranking(ProcessInstance year) throws Exception {
    return JSON.readTree(runtimeService().getVariable(year.getId(), RANKING).toString());
  }

  /** The multi-instance completes each body asynchronously. */
  static void runAsync() {
    for (Job job : managementService().createJobQuery().messages().list()) {
      managementService().executeJob(job.getId());
    }
  }
}
