package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.danvan.periodic.PeriodicVariables.PERIODS;
import static vn.danvan.skilful.SkilfulVariables.COMMENDING_BODY;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_DUES;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREAS;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.REPLAY_YEARS;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.danvan.input.InvalidInputException;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.DirectiveRun.Received;
import vn.danvan.support.ProcessTestEngine;

/**
 * The Bắc Giang resolution (seed 001) lived from its issue to the end of 2020: every plan, every
 * quarterly and December report, Tháng Dân vận, the "Dân vận khéo" movement, the final review, each
 * to the right body on the right day. The seed's text carries no issue date; the test takes
 * 20/7/2016 (its first deadline is "trong tháng 8/2016").
 */
@Deployment(
    resources = {
      "processes/directives/nghiQuyetDanVanBacGiang2016.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/blocks/inspection.bpmn",
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/fanoutMember.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/periodicReport.bpmn",
      "processes/blocks/reportPeriod.bpmn",
      "processes/blocks/reviewMilestone.bpmn",
      "processes/blocks/thangDanVan.bpmn",
      "processes/blocks/annualEvaluation.bpmn",
      "processes/blocks/evaluationYear.bpmn",
      "processes/blocks/bodyEvaluation.bpmn",
      "processes/blocks/skilfulQuota.bpmn",
      "processes/blocks/skilfulFocus.bpmn",
      "processes/blocks/skilfulContest.bpmn",
      "processes/decisions/xepLoaiTotKhaTrungBinhYeu.dmn",
      "processes/decisions/xepLoaiNghiDinh335.dmn",
      "processes/decisions/chiTieuDanVanKheo.dmn"
    })
class BacGiangResolutionTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage(ProcessTestEngine.BLOCKS);

  static final String KEY = "nghiQuyetDanVanBacGiang2016";
  static final List<String> DISTRICTS = List.of("huyenUyXuanLoc", "thanhUyPhanThiet", "thiUyLaGi");
  static final List<String> FRONT =
      List.of("mttqTinh", "ldldTinh", "hoiNongDanTinh", "hoiPhuNuTinh", "tinhDoan", "hoiCCBTinh");

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static List<Received> work(List<Received> all, String contentStart) {
    return all.stream()
        .filter(
            r ->
                r.task().equals("Task_Perform")
                    && r.content() != null
                    && r.content().startsWith(contentStart))
        .toList();
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void fromIssueToTheQ3Of2020ReviewEveryBodyGetsItsWorkOnTime() {
    DirectiveRun.at("2016-07-20T09:00");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(KEY, "NQ-DV-BG-2016", Map.of(ISSUED_DATE, "2016-07-20"));
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine());
    run.untilEnded(pi, 500);
    List<Received> all = run.received();

    // III.1: districts, the Front and the unions plan by the end of August 2016
    assertThat(work(all, "Phổ biến, quán triệt"))
        .extracting(Received::body)
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(DISTRICTS.stream(), FRONT.stream()).toList());
    assertThat(work(all, "Phổ biến, quán triệt"))
        .allSatisfy(
            r -> {
              assertThat(r.given()).isEqualTo(d("2016-07-20"));
              assertThat(r.due()).isEqualTo(d("2016-08-31"));
            });
    // III.2: the province's plan and the departments' rules before 30/9/2016; land rules from 2017
    assertThat(work(all, "Xây dựng Kế hoạch thực hiện Nghị quyết của UBND tỉnh"))
        .extracting(Received::body, Received::due)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ubndTinh", d("2016-09-30")));
    assertThat(work(all, "Rà soát, ban hành Quy chế"))
        .hasSize(6)
        .allSatisfy(r -> assertThat(r.due()).isEqualTo(d("2016-09-30")));
    assertThat(work(all, "Ban hành Quy định thực hiện dân chủ"))
        .singleElement()
        .satisfies(r -> assertThat(r.due()).isEqualTo(d("2017-01-01")));
    // III.3, III.4, III.5 guidance
    assertThat(work(all, "Tham mưu đưa kết quả"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("btcTU"))
        .satisfies(r -> assertThat(r.due()).isEqualTo(d("2017-01-01")));
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Contribute") && d("2017-01-01").equals(r.due()))
        .extracting(Received::body)
        .contains("bdvTU", "huyenUyXuanLoc", "thanhUyPhanThiet", "thiUyLaGi");
    assertThat(work(all, "Tham mưu, hướng dẫn đưa nội dung"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("btgTU"))
        .satisfies(r -> assertThat(r.due()).as("không thời hạn").isNull());
    assertThat(work(all, "Hướng dẫn cơ chế nắm bắt"))
        .singleElement()
        .satisfies(r -> assertThat(r.due()).isEqualTo(d("2017-01-01")));

    // III.3: the advice on the dân vận system's staffing, Ban Tổ chức with Ban Dân vận and
    // districts
    assertThat(work(all, "Tham mưu với Ban Thường vụ Tỉnh ủy về công tác tổ chức, cán bộ"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("btcTU"))
        .satisfies(r -> assertThat(r.due()).as("assumed, flagged").isEqualTo(d("2017-01-01")));
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ConfirmResult") && "btvTU".equals(r.body()))
        .as("Ban Thường vụ receives the advice")
        .isNotEmpty();

    // II.1: every quarter once III.5's guidance applies (from 2017): Q1/2017 to Q3/2020 (15)
    List<LocalDate> quarterEnds =
        Stream.iterate(d("2017-03-31"), q -> q.plusDays(1).plusMonths(3).minusDays(1))
            .limit(15)
            .toList();
    for (String body : List.of("huyenUyXuanLoc", "thanhUyPhanThiet", "thiUyLaGi", "bdvTU")) {
      List<Received> quarterly =
          work(all, "Báo cáo Quý").stream().filter(r -> r.body().equals(body)).toList();
      assertThat(quarterly)
          .extracting(Received::due)
          .as(body)
          .containsExactlyElementsOf(quarterEnds);
      assertThat(quarterly).allSatisfy(r -> assertThat(r.given()).isEqualTo(r.due().minusDays(15)));
    }
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Conclude") && "ttTULanhDao".equals(r.body()))
        .hasSize(15);

    // III.5: the December meeting each year 2016–2019 (reports due 30/11), to Ban Thường vụ
    List<Received> december =
        work(all, "Báo cáo Năm").stream()
            .filter(r -> r.content().contains("kết quả thực hiện Nghị quyết"))
            .toList();
    assertThat(december)
        .extracting(Received::due)
        .containsOnly(d("2016-11-30"), d("2017-11-30"), d("2018-11-30"), d("2019-11-30"));
    assertThat(december)
        .filteredOn(r -> r.due().equals(d("2018-11-30")))
        .extracting(Received::body)
        .containsExactlyInAnyOrder(
            Stream.of(DISTRICTS, FRONT, List.of("ubndTinh", "btcTU", "btgTU"))
                .flatMap(List::stream)
                .toArray(String[]::new));
    // Ban Thường vụ concludes 4 December reports, 5 rounds of Tháng Dân vận plans, 5 of results
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Conclude") && "btvTULanhDao".equals(r.body()))
        .hasSize(14);

    // III.5 Tháng Dân vận: plans by 30/9 (assumed) and results for the December meeting (the
    // text's), each year 2016–2020
    List<Received> month =
        work(all, "Báo cáo Năm").stream()
            .filter(r -> r.content().contains("Tháng Dân vận"))
            .toList();
    assertThat(month)
        .filteredOn(r -> r.content().contains("kế hoạch"))
        .extracting(Received::due)
        .containsOnly(
            d("2016-09-30"), d("2017-09-30"), d("2018-09-30"), d("2019-09-30"), d("2020-09-30"))
        .hasSize(5 * 12);
    assertThat(month)
        .filteredOn(r -> r.content().contains("kết quả"))
        .extracting(Received::due)
        .containsOnly(
            d("2016-11-30"), d("2017-11-30"), d("2018-11-30"), d("2019-11-30"), d("2020-11-30"))
        .hasSize(5 * 12);
    // III.5 yearly evaluation 2016–2020: 15 bodies self-assess by 15/11, Ban Dân vận reviews,
    // Ban Thường vụ approves; 2016–2020 use the province's 2016 criteria
    List<Received> sheets = all.stream().filter(r -> r.task().equals("Task_SelfAssess")).toList();
    assertThat(sheets)
        .hasSize(5 * 15)
        .extracting(Received::due)
        .containsOnly(
            d("2016-11-15"), d("2017-11-15"), d("2018-11-15"), d("2019-11-15"), d("2020-11-15"));
    assertThat(sheets).allSatisfy(r -> assertThat(r.given()).isEqualTo(r.due().minusDays(30)));
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ReviewScores"))
        .extracting(Received::body)
        .containsOnly("bdvTU")
        .hasSize(5 * 15);
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ApproveRanking"))
        .extracting(Received::body)
        .containsOnly("btvTULanhDao")
        .hasSize(5);

    // III.5: the final review in Q3/2020, drafted by Ban Dân vận, concluded by Ban Thường vụ
    assertThat(work(all, "Tổng kết"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.body()).isEqualTo("bdvTU");
              assertThat(r.given()).isEqualTo(d("2020-07-01"));
              assertThat(r.due()).isEqualTo(d("2020-09-30"));
            });
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ConcludeReview"))
        .extracting(Received::body)
        .containsExactly("btvTULanhDao");
    // II.4: the focus areas of 2016–2020 and a contest each 15/8 from 2017 (none held here: no
    // model was recognised), to the end of the period
    assertThat(focusVariable(FOCUS_AREAS))
        .isEqualTo(
            "[\"Bảo vệ môi trường\",\"Vệ sinh an toàn thực phẩm\","
                + "\"Phát triển bảo hiểm y tế toàn dân\"]");
    assertThat(focusVariable(CONTEST_DUES))
        .isEqualTo("[\"2017-08-15\",\"2018-08-15\",\"2019-08-15\",\"2020-08-15\"]");
    assertThat(focusVariable(COMMENDING_BODY)).isEqualTo("ubndTinh");
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_DirectiveClosed");
  }

  static String focusVariable(String name) {
    return String.valueOf(
        historyService()
            .createHistoricVariableInstanceQuery()
            .processDefinitionKey("skilfulFocus")
            .variableName(name)
            .singleResult()
            .getValue());
  }

  @Test
  void aReplayRunsThe2016TextAsIfIssuedTenYearsLater() {
    DirectiveRun.at("2026-07-20T09:00");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                KEY, "NQ-DV-BG-2016", Map.of(ISSUED_DATE, "2026-07-20", REPLAY_YEARS, 10));
    managementService()
        .createJobQuery()
        .messages()
        .list()
        .forEach(job -> managementService().executeJob(job.getId()));

    Map<String, LocalDate> dueByContent = new java.util.TreeMap<>();
    taskService()
        .createTaskQuery()
        .taskDefinitionKey("Task_Perform")
        .list()
        .forEach(
            t ->
                dueByContent.put(
                    ((String) runtimeService().getVariable(t.getProcessInstanceId(), TASK_CONTENT))
                        .substring(0, 20),
                    t.getDueDate() == null
                        ? null
                        : t.getDueDate()
                            .toInstant()
                            .atZone(vn.danvan.deadline.Deadlines.ZONE)
                            .toLocalDate()));
    assertThat(dueByContent)
        .containsEntry("Phổ biến, quán triệt", d("2026-08-31"))
        .containsEntry("Xây dựng Kế hoạch th", d("2026-09-30"))
        .containsEntry("Rà soát, ban hành Qu", d("2026-09-30"))
        .containsEntry("Ban hành Quy định th", d("2027-01-01"));
    assertThat(
            managementService()
                .createJobQuery()
                .timers()
                .activityId("Event_ReviewOpens")
                .singleResult()
                .getDuedate()
                .toInstant()
                .atZone(vn.danvan.deadline.Deadlines.ZONE)
                .toLocalDate())
        .as("the review of quý III/2020, ten years on")
        .isEqualTo(d("2030-07-01"));
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("periodicReport")
                .list())
        .allSatisfy(
            p ->
                assertThat(runtimeService().getVariable(p.getId(), PERIODS).toString())
                    .doesNotContain("2016")
                    .contains("2029"));
    BpmnAwareTests.assertThat(pi).isActive();
  }

  @Test
  void aDirectiveNeedsItsIssueDate() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, "NQ-DV-BG-2016"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ngày ban hành");
    assertThatThrownBy(
            () ->
                runtimeService()
                    .startProcessInstanceByKey(
                        KEY, "NQ-DV-BG-2016", Map.of(ISSUED_DATE, "20-7-2016")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("20-7-2016");
    assertThatThrownBy(
            () ->
                runtimeService()
                    .startProcessInstanceByKey(
                        KEY,
                        "NQ-DV-BG-2016",
                        Map.of(ISSUED_DATE, "2026-07-20", REPLAY_YEARS, "mười")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(REPLAY_YEARS);
    assertThatThrownBy(
            () ->
                runtimeService().startProcessInstanceByKey(KEY, Map.of(ISSUED_DATE, "2016-07-20")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("businessKey");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }
}
