package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.platform.InvalidInputException;
import vn.danvan.support.ProcessTestEngine;

/** The fan-out block: one assignment per body, started in chunks, done when the last is done. */
@Deployment(resources = {"processes/blocks/fanout.bpmn", "processes/blocks/assignment.bpmn"})
class FanoutProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage("assignment");

  static final String FIVE = "soNoiVu, soTaiChinh, soTNMT, soTTTT, soLDTBXH";

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(
        LocalDateTime.parse("2026-11-23T09:00").atZone(Deadlines.ZONE).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static ProcessInstance fanOut(Object... extra) {
    Map<String, Object> vars = withVariables("bodies", FIVE, "chunkSize", 2,
        "monitorBody", "bdvTU", "taskContent", "Báo cáo kết quả 5 năm thực hiện Chỉ thị",
        "deadline", "2026-12-15", "leaderReview", false, "confirmation", false);
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("fanout", "24-CT/TU", vars);
  }

  /** Runs the async continuations (chunk jobs and their bookkeeping), not timers. */
  static int runJobs(ProcessInstance parent) {
    int ran = 0;
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().processInstanceId(parent.getId())
        .messages().list()).isEmpty()) {
      for (Job job : jobs) {
        managementService().executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }

  static List<Task> reports() {
    return taskQuery().processInstanceBusinessKey("24-CT/TU").taskDefinitionKey("Task_Perform")
        .list();
  }

  @Test
  void oneAssignmentPerBodyAndTheLastOneWakesTheParent() {
    ProcessInstance parent = fanOut();
    assertThat(managementService().createJobQuery().processInstanceId(parent.getId())
        .messages().count()).as("three chunks of 2, 2 and 1 bodies, one job each").isEqualTo(3);

    runJobs(parent);
    List<Task> tasks = reports();
    assertThat(tasks).extracting(t -> t.getTaskDefinitionKey()).hasSize(5);
    assertThat(runtimeService().createProcessInstanceQuery().variableValueEquals("fanoutId",
        parent.getId()).count()).isEqualTo(5);
    BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast");

    for (int i = 0; i < tasks.size(); i++) {
      complete(tasks.get(i), withVariables("resultReport", "Số liệu của đơn vị " + i));
      if (i < tasks.size() - 1) {
        BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast");
      }
    }
    BpmnAwareTests.assertThat(parent).isEnded().hasPassed("Event_LastBodyDone", "EndEvent_AllDone");
  }

  @Test
  void theParentRechecksHourlyInCaseAWakeUpWasLost() {
    ProcessInstance parent = fanOut("bodies", "soNoiVu, soTaiChinh");
    runJobs(parent);
    Job recheck = managementService().createJobQuery().processInstanceId(parent.getId())
        .timers().singleResult();
    assertThat(recheck.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant()
        .plusSeconds(3600)));

    managementService().executeJob(recheck.getId());
    BpmnAwareTests.assertThat(parent).isWaitingAt("Gateway_WaitForLast")
        .hasPassed("Event_RecheckDue");
    reports().forEach(t -> complete(t, withVariables("resultReport", "Đã báo cáo đầy đủ")));
    BpmnAwareTests.assertThat(parent).isEnded();
  }

  @Test
  void bodiesThatFinishBeforeTheParentLooksAreCountedToo() {
    ProcessInstance parent = fanOut("bodies", "soNoiVu, soTaiChinh", "chunkSize", 5);
    Job chunk = managementService().createJobQuery().processInstanceId(parent.getId())
        .messages().singleResult();
    managementService().executeJob(chunk.getId());
    reports().forEach(t -> complete(t, withVariables("resultReport", "Đã báo cáo đầy đủ")));

    runJobs(parent);
    BpmnAwareTests.assertThat(parent).isEnded().hasPassed("Gateway_JoinDone")
        .hasNotPassed("Event_LastBodyDone");
  }

  @Test
  void bodiesCanBeChosenByTypeOnlyThoseThatStillExist() {
    ProcessInstance parent = fanOut("bodies", null, "bodyType", "chinhQuyen");
    // UBND tỉnh and the three communes created on 1/7/2025; district-level bodies ended 30/6/2025
    assertThat(runtimeService().getVariable(parent.getId(), "bodyList").toString())
        .isEqualTo("[\"ubndTinh\",\"ubndXaXuanLoc\",\"ubndPhuongPhanThiet\",\"ubndPhuongLaGi\"]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no bodies        | bodies   |                      | Danh sách đơn vị thực hiện là bắt buộc
      unknown body     | bodies   | soNoiVu, soKhongCo   | "soKhongCo" không có trong sổ đăng ký
      duplicate body   | bodies   | soNoiVu, soNoiVu     | mã trùng
      unknown type     | bodyType | huyen                | loại "huyen"
      no content       | taskContent |                   | Nội dung nhiệm vụ là bắt buộc
      """)
  void badStartIsRefused(String kind, String name, String value, String message) {
    long before = runtimeService().createProcessInstanceQuery().count();
    assertThatThrownBy(() -> fanOut(name, value))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
