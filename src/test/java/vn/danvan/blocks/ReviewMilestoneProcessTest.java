package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.review.ReviewVariables.DRAFTING_BODY;
import static vn.danvan.review.ReviewVariables.LEADERSHIP_BODY;
import static vn.danvan.review.ReviewVariables.REVIEW_CONCLUSION;
import static vn.danvan.review.ReviewVariables.REVIEW_KIND;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.InvalidInputException;
import vn.danvan.support.ProcessTestEngine;

/** "Tổng kết vào quý III/2020": drafting opens 1/7/2020, due 30/9/2020, then the conclusion. */
@Deployment(
    resources = {"processes/blocks/reviewMilestone.bpmn", "processes/blocks/assignment.bpmn"})
class ReviewMilestoneProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage("assignment");

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static ProcessInstance plan(Object... extra) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2016-05-20T09:00").atZone(Deadlines.ZONE).toInstant()));
    Map<String, Object> vars =
        withVariables(
            MILESTONE_PHRASE,
            "quý III/2020",
            ISSUED_DATE,
            "2016-05-20",
            REVIEW_KIND,
            "Tổng kết",
            TASK_CONTENT,
            "5 năm thực hiện Nghị quyết",
            DRAFTING_BODY,
            "bdvTU",
            "contributingBodies",
            "soNoiVu,mttqTinh",
            LEADERSHIP_BODY,
            "btvTU");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("reviewMilestone", "24-NQ/TU", vars);
  }

  @Test
  void draftedWithContributionsInTheQuarterThenConcluded() {
    ProcessInstance pi = plan();
    Job opens = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(opens.getDuedate()).isEqualTo(Date.from(Instant.parse("2020-06-30T17:00:00Z")));
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());

    Task draft =
        taskQuery()
            .processInstanceBusinessKey("24-NQ/TU")
            .taskDefinitionKey("Task_Perform")
            .singleResult();
    BpmnAwareTests.assertThat(draft)
        .hasCandidateGroup("bdvTU")
        .hasDueDate(Date.from(Instant.parse("2020-09-30T16:59:59Z")));
    assertThat(
            taskQuery()
                .processInstanceBusinessKey("24-NQ/TU")
                .taskDefinitionKey("Task_Contribute")
                .count())
        .isEqualTo(2);
    taskQuery()
        .taskDefinitionKey("Task_Contribute")
        .list()
        .forEach(t -> complete(t, withVariables(CONTRIBUTION, "Ý kiến đóng góp")));
    complete(draft, withVariables(RESULT_REPORT, "Dự thảo báo cáo tổng kết"));
    complete(
        taskQuery().taskDefinitionKey("Task_ApproveResult").singleResult(),
        withVariables(APPROVED, true));

    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConcludeReview");
    BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasCandidateGroup("btvTULanhDao");
    assertThat(runtimeService().getVariable(pi.getId(), "draftReport"))
        .isEqualTo("Dự thảo báo cáo tổng kết");
    assertThatThrownBy(() -> complete(BpmnAwareTests.task(), withVariables(REVIEW_CONCLUSION, "")))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    complete(BpmnAwareTests.task(), withVariables(REVIEW_CONCLUSION, "Kết luận tổng kết"));
    BpmnAwareTests.assertThat(pi).isEnded();
  }

  /** The template's "Không": the drafting body's staff send the draft without their leader. */
  @Test
  void withoutLeaderReviewTheDraftGoesStraightToTheLeadership() {
    ProcessInstance pi = plan(LEADER_REVIEW, "false");
    Job opens = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    taskQuery()
        .taskDefinitionKey("Task_Contribute")
        .list()
        .forEach(t -> complete(t, withVariables(CONTRIBUTION, "Ý kiến đóng góp")));
    complete(
        taskQuery().taskDefinitionKey("Task_Perform").singleResult(),
        withVariables(RESULT_REPORT, "Dự thảo báo cáo tổng kết"));
    BpmnAwareTests.assertThat(pi).isWaitingAt("Task_ConcludeReview");
    assertThat(taskQuery().taskDefinitionKey("Task_ApproveResult").count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a cycle           | milestonePhrase | hằng quý    | phải là một mốc
          unknown phrase    | milestonePhrase | cuối nhiệm kỳ | Không hiểu thời hạn "cuối nhiệm kỳ"
          unknown drafter   | draftingBody    | banKhongCo  | Đơn vị chủ trì xây dựng báo cáo "banKhongCo"
          no kind           | reviewKind      |             | Loại (Sơ kết hoặc Tổng kết) là bắt buộc
          review not yes/no | leaderReview    | có          | Cần lãnh đạo duyệt phải là true hoặc false
          """)
  void badPlanIsRefused(String kind, String name, String value, String message) {
    assertThatThrownBy(() -> plan(name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }
}
