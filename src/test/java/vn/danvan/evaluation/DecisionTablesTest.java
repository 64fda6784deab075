package vn.danvan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.evaluation.EvaluationVariables.BAND;
import static vn.danvan.evaluation.EvaluationVariables.BAND_LABEL;
import static vn.danvan.evaluation.EvaluationVariables.TOTAL_SCORE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_SCORE;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME;
import static vn.danvan.skilful.SkilfulVariables.YEARS_RECOGNISED;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every band edge of the decision tables an administrator edits in processes/decisions/. */
class DecisionTablesTest {

  static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  static DmnDecisionTableResult evaluate(String key, Map<String, Object> inputs) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("processes/decisions", key + ".dmn"))) {
      DmnDecision decision = DMN.parseDecision(key, in);
      return DMN.evaluateDecisionTable(decision, Variables.fromMap(inputs));
    }
  }

  @ParameterizedTest(name = "{0} điểm → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          100    | Tốt
          85     | Tốt
          84.99  | Khá
          70     | Khá
          69.99  | Trung bình
          50     | Trung bình
          49.99  | Yếu
          0      | Yếu
          100.01 | -
          -0.01  | -
          """)
  void fourBandsGoodFairAverageWeak(double score, String band) throws Exception {
    DmnDecisionTableResult result =
        evaluate("xepLoaiTotKhaTrungBinhYeu", Map.of(TOTAL_SCORE, score));
    assertThat((Object) (result.isEmpty() ? null : result.getSingleResult().getEntry(BAND_LABEL)))
        .isEqualTo(band);
  }

  @ParameterizedTest(name = "{0} điểm → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          100    | XUAT_SAC
          90     | XUAT_SAC
          89.99  | TOT
          70     | TOT
          69.99  | HOAN_THANH
          50     | HOAN_THANH
          49.99  | KHONG_HOAN_THANH
          0      | KHONG_HOAN_THANH
          101    | -
          -1     | -
          """)
  void decree335Levels(double score, String band) throws Exception {
    DmnDecisionTableResult result = evaluate("xepLoaiNghiDinh335", Map.of(TOTAL_SCORE, score));
    assertThat((Object) (result.isEmpty() ? null : result.getSingleResult().getEntry(BAND)))
        .isEqualTo(band);
  }

  @ParameterizedTest(name = "{0}: {1}–{2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          xa              | 1 | 3
          phuong          | 1 | 3
          dacKhu          | 1 | 3
          tinh            | 1 | 3
          so              | 1 | -
          doanThe         | 1 | -
          """)
  void skilfulModelQuota(String bodyType, Integer min, Integer max) throws Exception {
    DmnDecisionTableResult result = evaluate("chiTieuDanVanKheo", Map.of(BODY_TYPE, bodyType));
    assertThat((Object) result.getSingleResult().getEntry("minModels")).isEqualTo(min);
    assertThat(result.getSingleResult().getEntryMap().get("maxModels"))
        .isEqualTo(max); // empty: no cap
  }

  @ParameterizedTest(name = "{0} điểm, {1} năm → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          74.99 | 0 | KHONG_CONG_NHAN
          75    | 0 | CONG_NHAN
          95    | 0 | CONG_NHAN
          89.99 | 1 | CONG_NHAN
          90    | 1 | DIEN_HINH
          100   | 4 | DIEN_HINH
          74.99 | 3 | KHONG_CONG_NHAN
          """)
  void skilfulModelRecognition(double score, int years, String outcome) throws Exception {
    DmnDecisionTableResult result =
        evaluate("congNhanDanVanKheo", Map.of(APPRAISAL_SCORE, score, YEARS_RECOGNISED, years));
    assertThat((Object) result.getSingleResult().getEntry(OUTCOME)).isEqualTo(outcome);
  }
}
