package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.periodic.PeriodicVariables.CONSOLIDATING_BODY;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_CONCLUSION;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_SUMMARY;
import static vn.danvan.periodic.PeriodicVariables.REPORTING_BODIES;
import static vn.danvan.periodic.PeriodicVariables.RETURN_BODY;
import static vn.danvan.periodic.PeriodicVariables.RETURN_ONE;
import static vn.danvan.variable.SharedVariables.ANSWERED_BODIES;
import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.FIGURE_COLUMNS;
import static vn.danvan.variable.SharedVariables.FIGURE_ROWS;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.MISSING_BODIES;
import static vn.danvan.variable.SharedVariables.MISSING_COUNT;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.RECIPIENT_BODY;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;
import static vn.danvan.variable.SharedVariables.WINDOW_DAYS;

import java.time.Instant;
import java.time.LocalDate;
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
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.OrgRegistryLoader;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.DirectiveRun.Received;
import vn.danvan.support.ProcessTestEngine;
import vn.danvan.tracking.Board;
import vn.danvan.tracking.BoardStore;
import vn.danvan.tracking.ReportPeriod;
import vn.danvan.tracking.WorkStatus;

/** Periodic reports through a directive's life, driven by the engine clock. */
@Deployment(
    resources = {
      "processes/blocks/periodicReport.bpmn",
      "processes/blocks/reportPeriod.bpmn",
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutMember.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/assignment.bpmn"
    })
class PeriodicReportProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage(
          "fanout", "fanoutChunk", "fanoutMember", "chaseNotice", "assignment");

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static void at(String vietnamTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant()));
  }

  static ProcessInstance start(Object... extra) {
    Map<String, Object> vars =
        withVariables(
            CYCLE_PHRASE,
            "hằng quý",
            ISSUED_DATE,
            "2016-05-20",
            END_DATE,
            "2016-12-31",
            REPORTING_BODIES,
            "soNoiVu, soTaiChinh",
            CONSOLIDATING_BODY,
            "bdvTU",
            RECIPIENT_BODY,
            "ttTU",
            MONITOR_BODY,
            "bdvTU",
            TASK_CONTENT,
            "tình hình thực hiện Nghị quyết về công tác dân vận");
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

  /** The timers that open the cycle's periods, by date. */
  static List<Job> periodOpenings(ProcessInstance pi) {
    return managementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .activityId("Event_PeriodOpens")
        .orderByJobDuedate()
        .asc()
        .list();
  }

  static Date vietnam(String day) {
    return Date.from(LocalDateTime.parse(day + "T00:00").atZone(Deadlines.ZONE).toInstant());
  }

  static Task consolidation() {
    return taskQuery()
        .processInstanceBusinessKey("24-NQ/TU")
        .taskDefinitionKey("Task_Consolidate")
        .singleResult();
  }

  @Test
  void everyQuarterTheBodiesReportTheConsolidatorCompilesTheRecipientConcludes() {
    at("2016-05-20T09:00");
    ProcessInstance pi = start();
    String[][] quarters = {
      {"Quý II/2016", "2016-06-15", "2016-06-30T16:59:59Z"},
      {"Quý III/2016", "2016-09-15", "2016-09-30T16:59:59Z"},
      {"Quý IV/2016", "2016-12-16", "2016-12-31T16:59:59Z"}
    };
    // every period is on the calendar from the start, each opening on its own date
    assertThat(periodOpenings(pi))
        .extracting(Job::getDuedate)
        .containsExactly(vietnam("2016-06-15"), vietnam("2016-09-15"), vietnam("2016-12-16"));
    for (String[] q : quarters) {
      String period = "quý " + q[0].substring("Quý ".length());
      Job opens = periodOpenings(pi).get(0);
      assertThat(opens.getDuedate()).as(q[0]).isEqualTo(vietnam(q[1]));
      ClockUtil.setCurrentTime(opens.getDuedate());
      managementService().executeJob(opens.getId());
      runAsyncJobs();

      List<Task> reports =
          taskQuery()
              .processInstanceBusinessKey("24-NQ/TU")
              .taskDefinitionKey("Task_Perform")
              .list();
      assertThat(reports)
          .hasSize(2)
          .allSatisfy(
              t -> {
                assertThat(t.getDueDate()).isEqualTo(Date.from(Instant.parse(q[2])));
                assertThat(
                        (String)
                            runtimeService().getVariable(t.getProcessInstanceId(), TASK_CONTENT))
                    .startsWith("Báo cáo " + q[0]);
                // the card: the period's report and the directive
                assertThat(t.getName()).isEqualTo("Báo cáo " + period + " — 24-NQ/TU");
              });
      reports.forEach(t -> complete(t, withVariables(RESULT_REPORT, "Số liệu " + q[0])));
      taskQuery()
          .processInstanceBusinessKey("24-NQ/TU")
          .taskDefinitionKey("Task_ApproveResult")
          .list()
          .forEach(
              t -> {
                assertThat(t.getName())
                    .isEqualTo("Duyệt và gửi kết quả: báo cáo " + period + " — 24-NQ/TU");
                complete(t, withVariables(APPROVED, true));
              });

      // every body answered before the compile day: the consolidator compiles at once
      Task compile = consolidation();
      assertThat(compile.getName()).isEqualTo("Tổng hợp báo cáo kỳ " + period + " — 24-NQ/TU");
      assertThat(
              historyService()
                  .createHistoricTaskInstanceQuery()
                  .taskId(compile.getId())
                  .singleResult()
                  .getName())
          .isEqualTo(compile.getName());
      BpmnAwareTests.assertThat(compile).hasCandidateGroup("bdvTU");
      assertThat(taskService().getVariable(compile.getId(), MISSING_COUNT)).isEqualTo(0);
      assertThatThrownBy(() -> complete(compile, withVariables(PERIOD_SUMMARY, "")))
          .hasRootCauseInstanceOf(InvalidInputException.class);
      complete(compile, withVariables(PERIOD_SUMMARY, "Tổng hợp " + q[0]));
      Task conclude =
          taskQuery()
              .processInstanceBusinessKey("24-NQ/TU")
              .taskDefinitionKey("Task_Conclude")
              .singleResult();
      BpmnAwareTests.assertThat(conclude).hasCandidateGroup("ttTULanhDao");
      assertThat(conclude.getName()).isEqualTo("Kết luận kỳ báo cáo " + period + " — 24-NQ/TU");
      complete(conclude, withVariables(PERIOD_CONCLUSION, "Kết luận " + q[0]));
      runAsyncJobs();
    }
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CycleOver");
  }

  /**
   * What the element template writes: plain text "20" for the days a period opens early and "false"
   * for the leader's review. The quarter opens 20 days before its due day and the bodies' reports
   * go to the consolidator without their leader's approval.
   */
  @Test
  void theTemplatesPlainDaysAndNoLeaderReviewAreFollowedInEveryPeriod() {
    at("2016-05-20T09:00");
    ProcessInstance pi = start(WINDOW_DAYS, "20", LEADER_REVIEW, "false");
    assertThat(periodOpenings(pi))
        .extracting(Job::getDuedate)
        .containsExactly(vietnam("2016-06-10"), vietnam("2016-09-10"), vietnam("2016-12-11"));
    Job opens = periodOpenings(pi).get(0);
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    runAsyncJobs();
    taskQuery()
        .processInstanceBusinessKey("24-NQ/TU")
        .taskDefinitionKey("Task_Perform")
        .list()
        .forEach(t -> complete(t, withVariables(RESULT_REPORT, "Số liệu quý II")));
    runAsyncJobs();
    assertThat(taskQuery().taskDefinitionKey("Task_ApproveResult").count()).isZero();
    assertThat(taskService().getVariable(consolidation().getId(), MISSING_COUNT)).isEqualTo(0);
  }

  /**
   * A five-year quarterly cycle (20 quarters) in which one body never answers: every quarter opens
   * on its date, and the consolidator compiles every quarter on its compile day (the day after the
   * due day) with the others' reports and the silent body named as missing.
   */
  @Test
  void fiveYearsOfQuartersGoOnWhenOneBodyNeverAnswers() {
    at("2016-01-05T09:00");
    ProcessInstance pi =
        start(
            ISSUED_DATE,
            "2016-01-05",
            END_DATE,
            "2020-12-31",
            REPORTING_BODIES,
            "soNoiVu, soTaiChinh, mttqTinh",
            CHASE_INTERVAL,
            "P3M");
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine()).silent("mttqTinh");
    run.until("2021-01-31T00:00", 5000);

    List<Received> opened =
        run.received().stream()
            .filter(r -> r.task().equals("Task_Perform") && r.body().equals("soNoiVu"))
            .toList();
    List<Received> compiled =
        run.received().stream().filter(r -> r.task().equals("Task_Consolidate")).toList();
    List<LocalDate> dues = new java.util.ArrayList<>();
    for (int year = 2016; year <= 2020; year++) {
      for (int month : new int[] {3, 6, 9, 12}) {
        dues.add(
            LocalDate.of(year, month, 1)
                .withDayOfMonth(LocalDate.of(year, month, 1).lengthOfMonth()));
      }
    }
    assertThat(opened)
        .as("20 quarters open on their dates, 15 days before each due day")
        .extracting(Received::given, Received::due)
        .containsExactlyElementsOf(dues.stream().map(d -> tuple(d.minusDays(15), d)).toList());
    assertThat(compiled)
        .as("every quarter compiled on the day after its due day")
        .extracting(Received::content, Received::given)
        .containsExactlyElementsOf(
            dues.stream()
                .map(
                    d ->
                        tuple(
                            "Quý "
                                + new String[] {"I", "II", "III", "IV"}[(d.getMonthValue() - 1) / 3]
                                + "/"
                                + d.getYear(),
                            d.plusDays(1)))
                .toList());
    assertThat(
            historyService()
                .createHistoricVariableInstanceQuery()
                .variableName(MISSING_BODIES)
                .list())
        .hasSize(20)
        .allSatisfy(
            v -> assertThat(v.getValue()).isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"));
    assertThat(
            historyService()
                .createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_Conclude")
                .finished()
                .count())
        .as("20 conclusions")
        .isEqualTo(20);
    // the silent body's 20 reports are still open and still chased
    assertThat(taskQuery().taskDefinitionKey("Task_Perform").taskCandidateGroup("mttqTinh").count())
        .isEqualTo(20);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("fanout").count())
        .isEqualTo(20);
  }

  static final String FIGURES =
      "soCuocDoiThoai: Số cuộc đối thoại với Nhân dân (cuộc);"
          + " soKienNghi: Số kiến nghị đã giải quyết (kiến nghị)";

  /** The body reports its figures (its task, then its leader's approval). */
  static void answerFigures(String body, String figures) {
    complete(
        taskQuery().taskDefinitionKey("Task_ReportFigures").taskCandidateGroup(body).singleResult(),
        withVariables(REPORTED_FIGURES, figures, RESULT_REPORT, "Kết quả của " + body));
    complete(
        taskQuery()
            .taskDefinitionKey("Task_ApproveResult")
            .taskCandidateGroup(body + "LanhDao")
            .singleResult(),
        withVariables(APPROVED, true));
  }

  /**
   * A report with figures: every body reports them; the compile task shows them per body and their
   * totals, with the bodies missing; a body returned for lacking figures gets its figures back to
   * correct, and the totals follow its new answer.
   */
  @Test
  void theCompilingBodySeesEachBodysFiguresAndTheirTotalsAndCanReturnOne() {
    at("2016-05-20T09:00");
    ProcessInstance pi =
        start(REPORTING_BODIES, "soNoiVu, soTaiChinh, mttqTinh", REPORT_FIGURES, FIGURES);
    Job opens = periodOpenings(pi).get(0);
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    runAsyncJobs();
    answerFigures("soNoiVu", "{\"soCuocDoiThoai\":3,\"soKienNghi\":12}");
    answerFigures("soTaiChinh", "{\"soCuocDoiThoai\":0,\"soKienNghi\":0}");

    timersUntil("2016-07-01T00:00");
    Task compile = consolidation();
    assertThat(taskService().getVariable(compile.getId(), MISSING_BODIES))
        .isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    assertThat(taskService().getVariable(compile.getId(), FIGURE_COLUMNS).toString())
        .isEqualTo(
            "[{\"key\":\"donVi\",\"label\":\"Đơn vị\"},"
                + "{\"key\":\"soCuocDoiThoai\",\"label\":\"Số cuộc đối thoại với Nhân dân"
                + " (cuộc)\"},{\"key\":\"soKienNghi\",\"label\":\"Số kiến nghị đã giải quyết"
                + " (kiến nghị)\"}]");
    assertThat(taskService().getVariable(compile.getId(), FIGURE_ROWS).toString())
        .isEqualTo(
            "[{\"donVi\":\"Sở Nội vụ\",\"soCuocDoiThoai\":3,\"soKienNghi\":12},"
                + "{\"donVi\":\"Sở Tài chính\",\"soCuocDoiThoai\":0,\"soKienNghi\":0},"
                + "{\"donVi\":\"Cộng (2 đơn vị)\",\"soCuocDoiThoai\":3,\"soKienNghi\":12}]");

    complete(
        compile,
        withVariables(
            RETURN_ONE,
            true,
            RETURN_BODY,
            "soTaiChinh",
            RETURN_REASON,
            "Thiếu số liệu: chưa báo cáo số kiến nghị đã giải quyết"));
    Task redo =
        taskQuery()
            .taskDefinitionKey("Task_ReportFigures")
            .taskCandidateGroup("soTaiChinh")
            .singleResult();
    assertThat(redo).as("the figures form again").isNotNull();
    assertThat(taskService().getVariable(redo.getId(), REPORTED_FIGURES).toString())
        .as("its figures come back to be corrected")
        .isEqualTo("{\"soCuocDoiThoai\":0,\"soKienNghi\":0}");
    assertThat((String) taskService().getVariable(redo.getId(), TASK_CONTENT))
        .endsWith(
            "Báo cáo bị trả lại để làm lại: Thiếu số liệu: chưa báo cáo số kiến nghị đã giải"
                + " quyết");
    answerFigures("soTaiChinh", "{\"soCuocDoiThoai\":1,\"soKienNghi\":4}");
    answerFigures("mttqTinh", "{\"soCuocDoiThoai\":5,\"soKienNghi\":0}");

    // the compile task, open since the return, follows the corrected and the late answer
    compile = consolidation();
    assertThat(taskService().getVariable(compile.getId(), MISSING_COUNT)).isEqualTo(0);
    assertThat(taskService().getVariable(compile.getId(), MISSING_BODIES)).isEqualTo("");
    assertThat(taskService().getVariable(compile.getId(), FIGURE_ROWS).toString())
        .contains("{\"donVi\":\"Sở Tài chính\",\"soCuocDoiThoai\":1,\"soKienNghi\":4}")
        .endsWith("{\"donVi\":\"Cộng (3 đơn vị)\",\"soCuocDoiThoai\":9,\"soKienNghi\":16}]");
    complete(compile, withVariables(PERIOD_SUMMARY, "Tổng hợp quý II: 9 cuộc đối thoại"));
  }

  @Test
  void aModelDeclaringFiguresThatCannotBeReadIsNotDeployedNamingTheElement() {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://danvan.vn">
          <bpmn:process id="figuresBadlyDeclared" isExecutable="true"
              camunda:historyTimeToLive="1">
            <bpmn:startEvent id="StartEvent_Issued">
              <bpmn:extensionElements>
                <camunda:executionListener delegateExpression="${directiveStarted}"
                    event="start" />
              </bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:callActivity id="CallActivity_AnnualReport" name="Báo cáo hằng năm"
                calledElement="periodicReport">
              <bpmn:extensionElements>
                <camunda:in sourceExpression="soCuoc: Số cuộc; so kien nghi: Số kiến nghị"
                    target="reportFigures" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Issued"
                targetRef="CallActivity_AnnualReport" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    assertThatThrownBy(
            () ->
                BpmnAwareTests.repositoryService()
                    .createDeployment()
                    .addString("figuresBadlyDeclared.bpmn", model.strip())
                    .deploy())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "figuresBadlyDeclared.bpmn, phần tử CallActivity_AnnualReport \"Báo cáo hằng năm\","
                + " trường reportFigures: Số liệu báo cáo, mục 2"
                + " \"so kien nghi: Số kiến nghị\": mã \"so kien nghi\" phải viết liền")
        .hasMessageEndingWith("(reportFigures)");
  }

  @Test
  void aDeclarationOfFiguresThatCannotBeReadIsRefusedAtStartNamingTheItem() {
    at("2016-05-20T09:00");
    assertThatThrownBy(
            () -> start(REPORT_FIGURES, "soCuocDoiThoai: Số cuộc đối thoại; Số kiến nghị"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("trường reportFigures")
        .hasMessageContaining(
            "Số liệu báo cáo, mục 2 \"Số kiến nghị\": thiếu mã số liệu và dấu hai chấm");
    assertThatThrownBy(() -> start(REPORT_FIGURES, "a: A; a: B"))
        .hasMessageContaining("mã \"a\" đã dùng cho một số liệu khác");
  }

  /** Opens the first quarter and has soNoiVu and soTaiChinh report; mttqTinh not yet. */
  static ProcessInstance firstQuarterWithALateBody() {
    at("2016-05-20T09:00");
    ProcessInstance pi = start(REPORTING_BODIES, "soNoiVu, soTaiChinh, mttqTinh");
    Job opens = periodOpenings(pi).get(0);
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    runAsyncJobs();
    answer("soNoiVu", "Số liệu của Sở Nội vụ");
    answer("soTaiChinh", "Số liệu của Sở Tài chính");
    return pi;
  }

  /** The body reports (its task, then its leader's approval). */
  static void answer(String body, String report) {
    complete(
        taskQuery().taskDefinitionKey("Task_Perform").taskCandidateGroup(body).singleResult(),
        withVariables(RESULT_REPORT, report));
    complete(
        taskQuery()
            .taskDefinitionKey("Task_ApproveResult")
            .taskCandidateGroup(body + "LanhDao")
            .singleResult(),
        withVariables(APPROVED, true));
  }

  /** Runs the timers due by {@code vietnamTime}, the clock moved there. */
  static void timersUntil(String vietnamTime) {
    at(vietnamTime);
    List<Job> due;
    while (!(due = managementService().createJobQuery().timers().executable().list()).isEmpty()) {
      due.forEach(j -> managementService().executeJob(j.getId()));
      runAsyncJobs();
    }
  }

  @Test
  void aLateReportCountsInItsOwnQuarterAsLateAndTheNextQuarterDoesNotWait() {
    ProcessInstance pi = firstQuarterWithALateBody();
    assertThat(consolidation()).as("not before the compile day").isNull();

    timersUntil("2016-07-01T00:00");
    Task compile = consolidation();
    assertThat(taskService().getVariable(compile.getId(), MISSING_BODIES))
        .isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    complete(compile, withVariables(PERIOD_SUMMARY, "Tổng hợp quý II, thiếu Mặt trận"));

    // the next quarter opens on its date while mttqTinh is still chased for quý II
    timersUntil("2016-09-15T00:00");
    assertThat(taskQuery().taskDefinitionKey("Task_Perform").list())
        .extracting(t -> runtimeService().getVariable(t.getProcessInstanceId(), DEADLINE))
        .containsExactlyInAnyOrder("2016-06-30", "2016-09-30", "2016-09-30", "2016-09-30");
    assertThat(
            taskQuery()
                .taskDefinitionKey("Task_AcknowledgeChase")
                .taskCandidateGroup("mttqTinhLanhDao")
                .count())
        .as("chased after the compile")
        .isPositive();
    complete(
        taskQuery().taskDefinitionKey("Task_Conclude").singleResult(),
        withVariables(PERIOD_CONCLUSION, "Kết luận quý II"));

    // mttqTinh reports quý II late: in quý II, done late; the quarter's work then ends
    Task late =
        taskQuery().taskDefinitionKey("Task_Perform").taskCandidateGroup("mttqTinh").list().stream()
            .filter(
                t ->
                    "2016-06-30"
                        .equals(runtimeService().getVariable(t.getProcessInstanceId(), DEADLINE)))
            .findFirst()
            .orElseThrow();
    complete(late, withVariables(RESULT_REPORT, "Báo cáo muộn quý II"));
    complete(
        taskQuery().taskDefinitionKey("Task_ApproveResult").singleResult(),
        withVariables(APPROVED, true));
    Board.View q2 = board().of("24-NQ/TU", ReportPeriod.parse("2016-Q2"), body -> true);
    assertThat(q2.items())
        .extracting(Board.Item::body, Board.Item::status)
        .containsExactlyInAnyOrder(
            tuple("soNoiVu", WorkStatus.DONE_ON_TIME),
            tuple("soTaiChinh", WorkStatus.DONE_ON_TIME),
            tuple("mttqTinh", WorkStatus.DONE_LATE));
    assertThat(taskQuery().taskDefinitionKey("Task_Consolidate").count())
        .as("no second compile task for a late report")
        .isZero();
    assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .activityId("EndEvent_LateReportsIn")
                .count())
        .isEqualTo(1);
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("reportPeriod")
                .count())
        .as("only quý III's work goes on")
        .isEqualTo(1);
    BpmnAwareTests.assertThat(pi).isActive();
  }

  /**
   * A cycle entered after its period's compile day: the compile task comes at once, before the
   * bodies' work is even created, and names every body as missing.
   */
  @Test
  void aPeriodPastItsCompileDayIsCompiledAtOnceNamingEveryBody() {
    at("2016-08-01T09:00");
    ProcessInstance pi = start(END_DATE, "2016-06-30");
    Job opens = periodOpenings(pi).get(0);
    managementService().executeJob(opens.getId());
    Job compileDay =
        managementService().createJobQuery().timers().activityId("Event_CompileDay").singleResult();
    managementService().executeJob(compileDay.getId()); // before the fan-out's chunk has run
    Task compile = consolidation();
    assertThat(taskService().getVariable(compile.getId(), MISSING_BODIES))
        .isEqualTo("Sở Nội vụ; Sở Tài chính");
    runAsyncJobs();
    assertThat(taskQuery().taskDefinitionKey("Task_Perform").count()).isEqualTo(2);
  }

  @Test
  void theConsolidatorReturnsOneBodysReportAndOnlyThatBodyWorksAgain() {
    firstQuarterWithALateBody();
    answer("mttqTinh", "Số liệu của Mặt trận");
    Task compile = consolidation();
    // the form offers the bodies that have answered
    assertThat(taskService().getVariable(compile.getId(), ANSWERED_BODIES).toString())
        .contains("{\"label\":\"Sở Tài chính\",\"value\":\"soTaiChinh\"}")
        .contains("\"value\":\"mttqTinh\"");
    assertThatThrownBy(() -> complete(compile, withVariables(RETURN_ONE, true)))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Chọn đơn vị cần làm lại báo cáo (returnBody)");
    // a body that has not answered cannot be returned; a reason is required
    assertThatThrownBy(() -> complete(compile, withVariables(RETURN_BODY, "soTaiChinh")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Lý do trả lại");

    complete(
        compile,
        withVariables(
            RETURN_BODY,
            "soTaiChinh",
            RETURN_REASON,
            "Thiếu số liệu chi ngân sách cho công tác dân vận"));

    Task redo = taskQuery().taskDefinitionKey("Task_Perform").singleResult();
    BpmnAwareTests.assertThat(redo).hasCandidateGroup("soTaiChinh");
    assertThat((String) runtimeService().getVariable(redo.getProcessInstanceId(), TASK_CONTENT))
        .startsWith("Báo cáo Quý II/2016")
        .contains("Thiếu số liệu chi ngân sách");
    assertThat(taskQuery().taskDefinitionKey("Task_Perform").taskCandidateGroup("soNoiVu").count())
        .as("the others are untouched")
        .isZero();
    Task again = consolidation();
    assertThat(taskService().getVariable(again.getId(), RETURN_BODY)).isNull();
    assertThatThrownBy(
            () ->
                complete(again, withVariables(RETURN_BODY, "soTaiChinh", RETURN_REASON, "Lần nữa")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("chưa gửi báo cáo");

    answer("soTaiChinh", "Số liệu bổ sung chi ngân sách");
    complete(again, withVariables(PERIOD_SUMMARY, "Tổng hợp quý II đủ số liệu"));
    assertThat(taskQuery().taskDefinitionKey("Task_Conclude").count()).isEqualTo(1);
  }

  @Test
  void withdrawingTheCycleEndsTheWorkAReturnGaveBack() {
    ProcessInstance pi = firstQuarterWithALateBody();
    answer("mttqTinh", "Số liệu của Mặt trận");
    complete(consolidation(), withVariables(RETURN_BODY, "soNoiVu", RETURN_REASON, "Sai mẫu"));
    assertThat(taskQuery().taskDefinitionKey("Task_Perform").count()).isEqualTo(1);

    runtimeService().deleteProcessInstance(pi.getId(), "Văn bản bị thu hồi");

    assertThat(taskQuery().processInstanceBusinessKey("24-NQ/TU").count()).isZero();
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("24-NQ/TU")
                .count())
        .isZero();
  }

  static Board board() {
    return new Board(
        new Deadlines(),
        OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml")),
        new BoardStore(
            ((ProcessEngineConfigurationImpl)
                    BpmnAwareTests.processEngine().getProcessEngineConfiguration())
                .getDataSource()));
  }

  @Test
  void withdrawingThePeriodicReportEndsTheBodiesWorkOfTheOpenPeriod() {
    at("2016-05-20T09:00");
    ProcessInstance pi = start();
    Job opens = periodOpenings(pi).get(0);
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    runAsyncJobs();
    assertThat(
            taskQuery()
                .processInstanceBusinessKey("24-NQ/TU")
                .taskDefinitionKey("Task_Perform")
                .count())
        .isEqualTo(2);

    // its directive withdrawn: an administrator deletes the instance (Cockpit, REST)
    runtimeService().deleteProcessInstance(pi.getId(), "Văn bản bị thu hồi");

    assertThat(taskQuery().processInstanceBusinessKey("24-NQ/TU").count())
        .as("no body keeps a report of a withdrawn directive")
        .isZero();
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("24-NQ/TU")
                .count())
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not a cycle        | cyclePhrase       | trong tháng 8/2016 | không phải định kỳ
          unknown cycle      | cyclePhrase       | hằng tuần          | Không hiểu thời hạn "hằng tuần"
          no end             | endDate           |                    | Thời điểm kết thúc là bắt buộc
          end is a cycle     | endDate           | hằng năm           | phải là một ngày
          no period          | endDate           | 2016-05-31         | Không có kỳ báo cáo nào
          unknown recipient  | recipientBody     | ubndKhongCo        | Nơi nhận báo cáo "ubndKhongCo"
          bad issue date     | issuedDate        | 2016/5/20          | Ngày ban hành "2016/5/20" không hợp lệ
          days as expression | windowDays        | ${15}              | phải là số nguyên từ 0 đến 999
          review not yes/no  | leaderReview      | có                 | phải là true hoặc false
          """)
  void badStartIsRefused(String kind, String name, String value, String message) {
    at("2016-05-20T09:00");
    assertThatThrownBy(() -> start(name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }
}
