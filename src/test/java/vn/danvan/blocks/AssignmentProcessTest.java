package vn.danvan.blocks;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.platform.InvalidInputException;
import vn.danvan.support.ProcessTestEngine;

@Deployment(resources = {
    "processes/blocks/assignment.bpmn",
    "forms/thucHienNhiemVu.form",
    "forms/duyetKetQua.form"})
class AssignmentProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage();

  private ProcessInstance assign(String deadline) {
    return runtimeService().startProcessInstanceByKey("assignment", "24-CT/TU-1",
        withVariables("leadBody", "soNoiVu", "taskContent", "Xây dựng kế hoạch thực hiện",
            "deadline", deadline));
  }

  @Test
  void leadBodyDoesTheWorkAndItsLeaderApproves() {
    ProcessInstance pi = assign("2016-08-31");

    assertThat(pi).isWaitingAt("Task_Perform");
    assertThat(task()).hasCandidateGroup("soNoiVu")
        .hasDueDate(Date.from(Instant.parse("2016-08-31T16:59:59Z")));
    complete(task(), withVariables("resultReport", "Đã ban hành kế hoạch số 12/KH-SNV"));

    assertThat(pi).isWaitingAt("Task_ApproveResult");
    assertThat(task()).hasCandidateGroup("soNoiVuLanhDao");
    complete(task(), withVariables("approved", true));

    assertThat(pi).isEnded().hasPassedInOrder(
        "StartEvent_TaskAssigned", "Task_Perform", "Task_ApproveResult", "EndEvent_TaskDone");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no lead body      |             | Việc A | 2016-08-31 | Đơn vị chủ trì là bắt buộc (leadBody)
      unknown lead body | soKhongCo   | Việc A | 2016-08-31 | "soKhongCo" không có trong sổ đăng ký
      no content        | soNoiVu     |        | 2016-08-31 | Nội dung nhiệm vụ là bắt buộc
      bad deadline      | soNoiVu     | Việc A | 31/8/2016  | Hạn hoàn thành "31/8/2016" không hợp lệ
      """)
  void badStartIsRefusedAndLeavesNothing(String kind, String body, String content,
      String deadline, String message) {
    long before = runtimeService().createProcessInstanceQuery().count();

    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("assignment",
            withVariables("leadBody", body, "taskContent", content, "deadline", deadline)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void reportAndDecisionAreCheckedOnTheServer() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("assignment",
        withVariables("leadBody", "soNoiVu", "taskContent", "Việc A")); // no deadline at all
    assertThat(pi).isWaitingAt("Task_Perform");

    // task listeners wrap what they throw; the REST API unwraps it (see BadInputIT)
    Assertions.assertThatThrownBy(() -> complete(task(), withVariables("resultReport", " ")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Báo cáo kết quả");
    assertThat(pi).isWaitingAt("Task_Perform");
    complete(task(), withVariables("resultReport", "Đã làm"));

    Assertions.assertThatThrownBy(() -> complete(task(), withVariables("approved", "yes")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("approved");
    Assertions.assertThatThrownBy(() -> complete(task(), withVariables("approved", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Lý do trả lại");
    assertThat(pi).isWaitingAt("Task_ApproveResult");
  }

  @Test
  void returnedResultGoesBackToTheLeadBody() {
    ProcessInstance pi = assign("");

    assertThat(pi).isWaitingAt("Task_Perform");
    assertThat(task()).hasCandidateGroup("soNoiVu");
    Assertions.assertThat(task().getDueDate()).as("no deadline").isNull();
    complete(task(), withVariables("resultReport", "Báo cáo chưa có số liệu"));
    complete(task(), withVariables("approved", false, "returnReason", "Bổ sung số liệu"));

    assertThat(pi).isWaitingAt("Task_Perform").variables()
        .containsEntry("returnReason", "Bổ sung số liệu");
    assertThat(task()).hasCandidateGroup("soNoiVu");
  }
}
