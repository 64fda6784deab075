package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.platform.InvalidInputException;
import vn.danvan.support.ProcessTestEngine;

/** Periodic reports through a directive's life, driven by the engine clock. */
@Deployment(resources = {"processes/blocks/periodicReport.bpmn", "processes/blocks/fanout.bpmn",
    "processes/blocks/fanoutMember.bpmn", "processes/blocks/fanoutChunk.bpmn", "processes/blocks/chaseNotice.bpmn",
    "processes/blocks/assignment.bpmn"})
class PeriodicReportProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage("fanout", "fanoutChunk", "fanoutMember", "chaseNotice", "assignment");

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static void at(String vietnamTime) {
    ClockUtil.setCurrentTime(Date.from(
        LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant()));
  }

  static ProcessInstance start(Object... extra) {
    Map<String, Object> vars = withVariables("cyclePhrase", "hằng quý", "issuedDate", "2016-05-20",
        "endDate", "2016-12-31", "reportingBodies", "soNoiVu, soTaiChinh",
        "consolidatingBody", "bdvTU", "recipientBody", "ttTU", "monitorBody", "bdvTU",
        "taskContent", "tình hình thực hiện Nghị quyết về công tác dân vận");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("periodicReport", "24-NQ/TU", vars);
  }

  static void runAsyncJobs() {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().messages().list()).isEmpty()) {
      jobs.forEach(j -> managementService().executeJob(j.getId()));
    }
  }

  @Test
  void everyQuarterTheBodiesReportTheConsolidatorCompilesTheRecipientConcludes() {
    at("2016-05-20T09:00");
    ProcessInstance pi = start();
    String[][] quarters = {
        {"Quý II/2016", "2016-06-15", "2016-06-30T16:59:59Z"},
        {"Quý III/2016", "2016-09-15", "2016-09-30T16:59:59Z"},
        {"Quý IV/2016", "2016-12-16", "2016-12-31T16:59:59Z"}};
    for (String[] q : quarters) {
      BpmnAwareTests.assertThat(pi).isWaitingAt("Event_PeriodOpens");
      Job opens = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
          .singleResult();
      assertThat(opens.getDuedate()).as(q[0]).isEqualTo(Date.from(
          LocalDateTime.parse(q[1] + "T00:00").atZone(Deadlines.ZONE).toInstant()));
      ClockUtil.setCurrentTime(opens.getDuedate());
      managementService().executeJob(opens.getId());
      runAsyncJobs();

      List<Task> reports = taskQuery().processInstanceBusinessKey("24-NQ/TU")
          .taskDefinitionKey("Task_Perform").list();
      assertThat(reports).hasSize(2).allSatisfy(t -> {
        assertThat(t.getDueDate()).isEqualTo(Date.from(Instant.parse(q[2])));
        assertThat((String) runtimeService().getVariable(t.getProcessInstanceId(), "taskContent"))
            .startsWith("Báo cáo " + q[0]);
      });
      reports.forEach(t -> complete(t, withVariables("resultReport", "Số liệu " + q[0])));
      taskQuery().processInstanceBusinessKey("24-NQ/TU").taskDefinitionKey("Task_ApproveResult")
          .list().forEach(t -> complete(t, withVariables("approved", true)));

      BpmnAwareTests.assertThat(pi).isWaitingAt("Task_Consolidate");
      BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasCandidateGroup("bdvTU");
      assertThatThrownBy(() -> complete(BpmnAwareTests.task(), withVariables("periodSummary", "")))
          .hasRootCauseInstanceOf(InvalidInputException.class);
      complete(BpmnAwareTests.task(), withVariables("periodSummary", "Tổng hợp " + q[0]));
      BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasCandidateGroup("ttTULanhDao");
      complete(BpmnAwareTests.task(), withVariables("periodConclusion", "Kết luận " + q[0]));
    }
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CycleOver");
  }

  @Test
  void withdrawingThePeriodicReportEndsTheBodiesWorkOfTheOpenPeriod() {
    at("2016-05-20T09:00");
    ProcessInstance pi = start();
    Job opens = managementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult();
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    runAsyncJobs();
    assertThat(taskQuery().processInstanceBusinessKey("24-NQ/TU").taskDefinitionKey("Task_Perform")
        .count()).isEqualTo(2);

    // its directive withdrawn: an administrator deletes the instance (Cockpit, REST)
    runtimeService().deleteProcessInstance(pi.getId(), "Văn bản bị thu hồi");

    assertThat(taskQuery().processInstanceBusinessKey("24-NQ/TU").count())
        .as("no body keeps a report of a withdrawn directive").isZero();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("24-NQ/TU")
        .count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not a cycle        | cyclePhrase       | trong tháng 8/2016 | không phải định kỳ
      unknown cycle      | cyclePhrase       | hằng tuần          | Không hiểu thời hạn "hằng tuần"
      no end             | endDate           |                    | Thời điểm kết thúc là bắt buộc
      end is a cycle     | endDate           | hằng năm           | phải là một ngày
      no period          | endDate           | 2016-05-31         | Không có kỳ báo cáo nào
      unknown recipient  | recipientBody     | ubndKhongCo        | Nơi nhận báo cáo "ubndKhongCo"
      bad issue date     | issuedDate        | 2016/5/20          | Ngày ban hành "2016/5/20" không hợp lệ
      """)
  void badStartIsRefused(String kind, String name, String value, String message) {
    at("2016-05-20T09:00");
    assertThatThrownBy(() -> start(name, value))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }
}
