package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import vn.danvan.input.InvalidInputException;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.DirectiveRun.Received;
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
      ProcessTestEngine.withFullCoverage(ProcessTestEngine.BLOCKS);

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
    DirectiveRun run = new DirectiveRun(BpmnAwareTests.processEngine());
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
    // item 4: no body registers a "Dân vận khéo" model in this run; the quota is for 2016–2020,
    // so every body is reminded at the end of each year from 2017, the first full year (none
    // 16 days after the issue)
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
        .hasSize(4 * STATE.size());
    assertThat(quota)
        .extracting(Received::given)
        .containsOnly(
            LocalDate.parse("2018-01-01"),
            LocalDate.parse("2019-01-01"),
            LocalDate.parse("2020-01-01"),
            LocalDate.parse("2021-01-01"));
    // item 5: Sở Nội vụ trains the state bodies' staff, with Trường Chính trị and Ban Dân vận
    assertThat(work(all, "Xây dựng và tổ chức kế hoạch bồi dưỡng, tập huấn"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("soNoiVu"))
        .satisfies(r -> assertThat(r.due()).as("the text gives no deadline").isNull());
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Contribute"))
        .extracting(Received::body)
        .contains("truongChinhTri", "bdvTU");
    // item 6: the yearly dân vận ranking, the criterion of the bodies' yearly ranking: the state
    // bodies self-assess by 15/10 2016–2020, Sở Nội vụ reviews, UBND tỉnh approves
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_SelfAssess"))
        .extracting(Received::body, r -> r.due().getYear())
        .hasSize(5 * 8)
        .contains(
            org.assertj.core.groups.Tuple.tuple("soTaiChinh", 2016),
            org.assertj.core.groups.Tuple.tuple("ubndLaGi", 2020));
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_ApproveRanking"))
        .extracting(Received::body)
        .containsOnly("ubndTinhLanhDao")
        .hasSize(5);
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
    // the state bodies, bcsdUBND, the press, and the boards of the Tỉnh ủy that help Ban Dân vận
    // follow the directive
    assertThat(yearly)
        .filteredOn(r -> r.due().getYear() == 2018)
        .hasSize(STATE.size() + 5)
        .extracting(Received::body)
        .contains("btcTU", "btgTU");
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
    // item 8: the 2022–2025 coordination programme is work, reported when it ends
    assertThat(work(all, "Triển khai thực hiện Chương trình phối hợp"))
        .singleElement()
        .satisfies(r -> assertThat(r.body()).isEqualTo("bcsdUBND"))
        .satisfies(r -> assertThat(r.due()).isEqualTo(LocalDate.parse("2025-12-31")));
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
    // the 2025 round opens after the district tier ended (30/6/2025): its committees' heirs
    // report, not the dissolved committees
    assertThat(yearly)
        .filteredOn(r -> r.due().getYear() == 2025)
        .extracting(Received::body)
        .containsExactlyInAnyOrder(
            "btcTU",
            "bdvTU",
            "bcsdUBND",
            "tinhDoan",
            "dangUyXaXuanLoc",
            "dangUyPhuongPhanThiet",
            "dangUyPhuongLaGi");
    assertThat(all)
        .filteredOn(r -> r.task().equals("Task_Consolidate"))
        .extracting(Received::body)
        .containsOnly("bdvTU")
        .hasSize(3);
    // item 8: departments and the district and commune governments ("chính quyền các cấp")
    // self-assess by 15/10 in 2023–2025, Sở Nội vụ reviews, UBND tỉnh approves; in 2025 the
    // bodies ended since (departments merged 1/3, districts and communes 1/7) are their heirs
    List<Received> sheets = all.stream().filter(r -> r.task().equals("Task_SelfAssess")).toList();
    assertThat(sheets)
        .filteredOn(r -> r.due().getYear() == 2024)
        .extracting(Received::body)
        .containsExactlyInAnyOrder(
            "soTaiChinh",
            "soTNMT",
            "soTTTT",
            "soLDTBXH",
            "thanhTraTinh",
            "ubndXuanLoc",
            "ubndPhanThiet",
            "ubndLaGi",
            "ubndTTGiaRay",
            "ubndXaXuanHiep",
            "ubndXaXuanTruong",
            "ubndPhuongPhuTai");
    assertThat(sheets)
        .filteredOn(r -> r.due().getYear() == 2025)
        .extracting(Received::body)
        .containsExactlyInAnyOrder(
            "soTaiChinh",
            "soNNMT",
            "soKHCN",
            "soNoiVu",
            "thanhTraTinh",
            "ubndXaXuanLoc",
            "ubndPhuongPhanThiet",
            "ubndPhuongLaGi");
    assertThat(sheets).hasSize(12 + 12 + 8);
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

  @Test
  void aStartWithoutNumberOrDateNamesTheModelsAssumedOnesOrTheTextsOwn() {
    DirectiveRun.at("2016-06-15T09:00");
    Map<String, Object> dated = Map.of(ISSUED_DATE, "2016-06-15");
    assertThatThrownBy(
            () ->
                runtimeService()
                    .startProcessInstanceByKey("chiThiDanVanCoQuanNhaNuocBinhThuan2016", dated))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Số, ký hiệu văn bản là bắt buộc")
        .hasMessageContaining("văn bản này không ghi số: số giả định của mô hình là CT-DV-BT-2016");
    assertThatThrownBy(
            () ->
                runtimeService()
                    .startProcessInstanceByKey(
                        "tiepTucThucHienChiThi24Nam2023", "CV-24-CT/TU-2023"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Ngày ban hành là bắt buộc")
        .hasMessageContaining(
            "văn bản này không ghi ngày: ngày giả định của mô hình là 01/06/2023");
    assertThatThrownBy(
            () -> runtimeService().startProcessInstanceByKey("chiThi15QuangNgai2016", "15/CT-UBND"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ngày ban hành của văn bản này là 25/07/2016");
  }

  @Test
  void theStartFormsDateIsKeptAsAnIsoDay() {
    DirectiveRun.at("2016-07-25T09:00");
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(
                "chiThi15QuangNgai2016", "15/CT-UBND", Map.of(ISSUED_DATE, "25/07/2016"));
    assertThat(runtimeService().getVariable(pi.getId(), ISSUED_DATE)).isEqualTo("2016-07-25");
    runtimeService().deleteProcessInstance(pi.getId(), "kiểm thử", false, true);
  }

  @Test
  void everyDirectiveModelNamesItsNumberAndDateAndOpensTheStartForm() throws Exception {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes/directives"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(file.toFile());
        String key = file.getFileName().toString().replace(".bpmn", "");
        DirectiveIdentity identity = Directives.identity(model, key);
        assertThat(identity.number()).as(key).isNotBlank();
        assertThat(identity.issued()).as(key).isNotNull();
        var start =
            model
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class)
                .stream()
                .filter(e -> e.getParentElement().getElementType().getTypeName().equals("process"))
                .findFirst()
                .orElseThrow();
        assertThat(start.getCamundaFormKey())
            .as(key)
            .isEqualTo("embedded:deployment:forms/khoiTaoVanBan.html");
      }
    }
    assertThat(java.nio.file.Path.of("forms/khoiTaoVanBan.html")).isRegularFile();
    assertThat(
            List.of(
                "chiThiDanVanCoQuanNhaNuocBinhThuan2016",
                "nghiQuyetDanVanBacGiang2016",
                "tiepTucThucHienChiThi24Nam2023"))
        .allSatisfy(
            key ->
                assertThat(
                        Directives.identity(
                            org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(
                                new java.io.File("processes/directives/" + key + ".bpmn")),
                            key))
                    .as(key)
                    .satisfies(i -> assertThat(i.numberAssumed()).isTrue())
                    .satisfies(i -> assertThat(i.issuedAssumed()).isTrue()));
  }
}
