package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static vn.danvan.variable.SharedVariables.FIGURE_ROWS;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.DirectiveRun.Received;
import vn.danvan.support.ProcessTestEngine;

/**
 * Chỉ thị 03/CT-UBND of Xuân Lộc district (seed 004), issued 12/7/2023: each year the district's
 * departments and communes report with figures to the district People's Committee through its Phòng
 * Nội vụ before 15/10, until the district level ended on 30/6/2025.
 */
@Deployment(
    resources = {
      "processes/directives/chiThi03XuanLoc2023.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/blocks/inspection.bpmn",
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/fanoutMember.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/periodicReport.bpmn",
      "processes/blocks/reportPeriod.bpmn"
    })
class XuanLocDirectiveTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage(ProcessTestEngine.BLOCKS);

  static final String CORRECTION = "Khắc phục theo kết luận kiểm tra";

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void withItsRealIssueDateTheAnnualReportsFallBefore15OctoberUntilTheDistrictEnds() {
    DirectiveRun.at("2023-07-12T14:00");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "chiThi03XuanLoc2023", "03/CT-UBND", Map.of(ISSUED_DATE, "2023-07-12"));
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine());
    run.untilEnded(pi, 100);

    List<Received> work =
        run.received().stream().filter(r -> r.task().equals("Task_Perform")).toList();
    List<Received> reports =
        run.received().stream().filter(r -> r.task().equals("Task_ReportFigures")).toList();
    assertThat(run.received())
        .as("item 5: the district inspects the bodies under it once a year, before 30/9")
        .filteredOn(r -> r.task().equals("Task_PlanInspection"))
        .extracting(Received::body, Received::given)
        .containsExactly(
            tuple("ubndXuanLoc", LocalDate.parse("2023-08-01")),
            tuple("ubndXuanLoc", LocalDate.parse("2024-08-01")));
    assertThat(work)
        .as("every correction the conclusions require is the inspected body's work")
        .filteredOn(r -> r.content().startsWith(CORRECTION))
        .extracting(Received::body)
        .containsOnly("phongNoiVuXuanLoc", "ubndTTGiaRay", "ubndXaXuanHiep", "ubndXaXuanTruong")
        .hasSize(8);
    assertThat(reports)
        .extracting(Received::body)
        .as(
            "the district's public service units and its communes and town; not Phòng Nội vụ,"
                + " which compiles")
        .containsOnly(
            "ttVhttXuanLoc",
            "bqlDuAnXuanLoc",
            "ubndTTGiaRay",
            "ubndXaXuanHiep",
            "ubndXaXuanTruong");
    assertThat(reports)
        .extracting(Received::due)
        .as("two years, 2023 and 2024")
        .containsOnly(LocalDate.parse("2023-10-15"), LocalDate.parse("2024-10-15"))
        .hasSize(10);
    assertThat(reports)
        .allSatisfy(
            r ->
                assertThat(r.content())
                    .contains("số liệu cụ thể")
                    .contains("kiểm tra")
                    .contains("đối thoại"));
    assertThat(run.received())
        .filteredOn(r -> r.task().equals("Task_Consolidate"))
        .extracting(Received::body)
        .containsOnly("phongNoiVuXuanLoc")
        .hasSize(2);
    assertThat(run.received())
        .filteredOn(r -> r.task().equals("Task_Conclude"))
        .extracting(Received::body)
        .containsOnly("ubndXuanLocLanhDao")
        .hasSize(2);
    // the figures items 1–6 ask for, twelve of them, reported by every body each year and added
    // up for Phòng Nội vụ: each body answered 1, 2, 3… (DirectiveRun), five bodies
    List<HistoricVariableInstance> tables =
        historyService().createHistoricVariableInstanceQuery().variableName(FIGURE_ROWS).list();
    assertThat(tables).hasSize(2);
    assertThat(tables)
        .allSatisfy(
            t ->
                assertThat(t.getValue().toString())
                    .contains("\"donVi\":\"Ban Quản lý dự án đầu tư xây dựng huyện Xuân Lộc\"")
                    .endsWith(
                        "{\"donVi\":\"Cộng (5 đơn vị)\",\"soCuocQuanTriet\":5,"
                            + "\"soBuoiTuyenTruyen\":10,\"soBuoiTuyenTruyenDanTocTonGiao\":15,"
                            + "\"soMoHinhDanVanKheo\":20,\"soHoSoThuTucTiepNhan\":25,"
                            + "\"soHoSoThuTucDungHan\":30,\"soCuocKiemTraGiamSat\":35,"
                            + "\"soKhenThuong\":40,\"soXuLy\":45,\"soCuocDoiThoai\":50,"
                            + "\"soKienNghiDaGiaiQuyet\":55,\"soDonThuDaGiaiQuyet\":60}]"));
    BpmnAwareTests.assertThat(pi).isEnded();
  }
}
