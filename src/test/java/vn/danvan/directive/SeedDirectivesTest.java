package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.danvan.support.DirectiveRun;
import vn.danvan.support.DirectiveRun.Received;
import vn.danvan.support.ProcessTestEngine;

/**
 * Seeds 000 (Bình Thuận, 2016), 002 (the 2023 follow-up on Chỉ thị 24-CT/TU) and 003 (Quảng Ngãi
 * 15/CT-UBND, 25/7/2016, cut off after item 1), each lived through to its end. Seeds 000 and 002
 * carry no date: the tests take 15/6/2016 and 1/6/2023 ("more than 5 years" after 27/2/2018).
 */
@Deployment(
    resources = {
      "processes/directives/chiThiDanVanCoQuanNhaNuocBinhThuan2016.bpmn",
      "processes/directives/tiepTucThucHienChiThi24Nam2023.bpmn",
      "processes/directives/chiThi15QuangNgai2016.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/blocks/inspection.bpmn",
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/fanoutMember.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/periodicReport.bpmn",
      "processes/blocks/reportPeriod.bpmn",
      "processes/blocks/thangDanVan.bpmn",
      "processes/blocks/annualEvaluation.bpmn",
      "processes/blocks/evaluationYear.bpmn",
      "processes/blocks/bodyEvaluation.bpmn",
      "processes/blocks/skilfulQuota.bpmn",
      "processes/decisions/xepLoaiTotKhaTrungBinhYeu.dmn",
      "processes/decisions/xepLoaiNghiDinh335.dmn",
      "processes/decisions/chiTieuDanVanKheo.dmn"
    })
class SeedDirectivesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage(DirectiveRun.BLOCKS);

  static final List<String> STATE =
      List.of(
          "soNoiVu",
          "soTaiChinh",
          "soTNMT",
          "soTTTT",
          "soLDTBXH",
          "thanhTraTinh",
          "ubndTinh",
          "ubndXuanLoc",
          "ubndPhanThiet",
          "ubndLaGi");

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  static List<Received> live(String key, String number, String issued) {
    DirectiveRun.at(issued + "T09:00");
    ProcessInstance pi =
        runtimeService().startProcessInstanceByKey(key, number, Map.of(ISSUED_DATE, issued));
    DirectiveRun run = new DirectiveRun();
    run.untilEnded(pi, 200);
    BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_DirectiveClosed");
    return run.received();
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

  @Test
  void binhThuanStateBodiesBuildSkilfulModelsBy2020AndReportYearly() {
    List<Received> all =
        live("chiThiDanVanCoQuanNhaNuocBinhThuan2016", "CT-DV-BT-2016", "2016-06-15");

    assertThat(work(all, "Rà soát, hoàn thiện Quy chế phối hợp"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("ubndTinh"))
        .satisfies(r -> assertThat(r.due()).isNull());
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Contribute"))
        .extracting(Received::body)
        .contains(
            "mttqTinh", "ldldTinh", "hoiNongDanTinh", "hoiPhuNuTinh", "tinhDoan", "hoiCCBTinh");
    // item 4: no body registers a "Dân vận khéo" model in this run, so after each 30 June
    // 2016–2020 every body is chased for the period's quota
    List<Received> quota =
        all.stream()
            .filter(
                r ->
                    r.task().equals("Task_AcknowledgeChase")
                        && r.content().startsWith("Đăng ký mô hình"))
            .toList();
    assertThat(quota)
        .extracting(Received::body)
        .containsOnlyElementsOf(STATE.stream().map(b -> b + "LanhDao").toList())
        .hasSize(5 * STATE.size());
    assertThat(quota)
        .extracting(Received::given)
        .containsOnly(
            LocalDate.parse("2016-07-01"),
            LocalDate.parse("2017-07-01"),
            LocalDate.parse("2018-07-01"),
            LocalDate.parse("2019-07-01"),
            LocalDate.parse("2020-07-01"));
    assertThat(work(all, "Rà soát, xây dựng quy định về đạo đức công vụ")).hasSize(STATE.size());
    assertThat(work(all, "Lãnh đạo UBND tỉnh"))
        .extracting(Received::body)
        .containsExactly("bcsdUBND");
    List<Received> yearly = work(all, "Báo cáo Năm");
    assertThat(yearly)
        .extracting(Received::due)
        .containsOnly(
            LocalDate.parse("2016-12-31"),
            LocalDate.parse("2017-12-31"),
            LocalDate.parse("2018-12-31"),
            LocalDate.parse("2019-12-31"),
            LocalDate.parse("2020-12-31"));
    assertThat(yearly).filteredOn(r -> r.due().getYear() == 2018).hasSize(STATE.size() + 3);
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Conclude"))
        .extracting(Received::body)
        .containsOnly("btvTULanhDao")
        .hasSize(5);
  }

  @Test
  void theFollowUpOnDirective24AsksForYearlyReportsThroughBanDanVanUntil2025() {
    List<Received> all = live("tiepTucThucHienChiThi24Nam2023", "CV-24-CT/TU-2023", "2023-06-01");

    assertThat(work(all, "Chỉ đạo xây dựng mô hình \"Chính quyền thân thiện"))
        .extracting(Received::body)
        .containsExactly("bcsdUBND");
    assertThat(work(all, "Nghiên cứu sửa đổi"))
        .extracting(Received::body)
        .containsExactly("bcsdUBND");
    List<Received> yearly = work(all, "Báo cáo Năm");
    assertThat(yearly)
        .extracting(Received::due)
        .containsOnly(
            LocalDate.parse("2023-12-31"),
            LocalDate.parse("2024-12-31"),
            LocalDate.parse("2025-12-31"));
    assertThat(yearly)
        .filteredOn(r -> r.due().getYear() == 2024)
        .extracting(Received::body)
        .containsExactlyInAnyOrder(
            "btcTU",
            "btgTU",
            "bcsdUBND",
            "tinhDoan",
            "huyenUyXuanLoc",
            "thanhUyPhanThiet",
            "thiUyLaGi");
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Consolidate"))
        .extracting(Received::body)
        .containsOnly("bdvTU")
        .hasSize(3);
    // item 8: state bodies self-assess by 15/10 in 2023–2025, Sở Nội vụ reviews, UBND tỉnh approves
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_SelfAssess"))
        .extracting(Received::body, r -> r.due().getYear())
        .hasSize(3 * 5)
        .contains(
            org.assertj.core.groups.Tuple.tuple("soTaiChinh", 2023),
            org.assertj.core.groups.Tuple.tuple("thanhTraTinh", 2025));
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ReviewScores"))
        .extracting(Received::body)
        .containsOnly("soNoiVu");
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ApproveRanking"))
        .extracting(Received::body)
        .containsExactly("ubndTinhLanhDao", "ubndTinhLanhDao", "ubndTinhLanhDao");
  }

  @Test
  void quangNgaiItemOneGoesToEveryStateBodyWithItsRealIssueDate() {
    List<Received> all = live("chiThi15QuangNgai2016", "15/CT-UBND", "2016-07-25");

    List<Received> plans = work(all, "Quán triệt chủ trương");
    assertThat(plans)
        .hasSize(13)
        .allSatisfy(
            r -> {
              assertThat(r.given()).isEqualTo(LocalDate.parse("2016-07-25"));
              assertThat(r.due()).as("the text gives no deadline").isNull();
            });
    assertThat(plans).extracting(Received::body).contains("soNoiVu", "ubndXaXuanHiep");
  }
}
