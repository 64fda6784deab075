package vn.danvan.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.support.FormAnswers;
import vn.danvan.support.FormAnswers.Violation;

/**
 * The server's reading of every form in {@code forms/} against the tests' own reading of what the
 * form accepts and refuses ({@link FormAnswers}): every field, every rule.
 */
class FormRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theServerRefusesWhatEachFormRefusesAndAcceptsWhatItAccepts() throws Exception {
    List<String> misses = new ArrayList<>();
    int probes = 0;
    for (Map.Entry<String, JsonNode> form : FormAnswers.forms(Path.of("forms")).entrySet()) {
      FormRules rules = FormRules.of(form.getValue());
      for (JsonNode field : FormAnswers.inputs(form.getValue())) {
        String where = form.getKey() + " " + FormAnswers.key(field);
        Map<String, Object> answer = FormAnswers.answerShowing(form.getValue(), field);
        if (answer == null) {
          misses.add(where + ": no values show it");
          continue;
        }
        List<String> accepted = rules.problems(answer::get);
        if (!accepted.isEmpty()) {
          misses.add(where + ": a valid answer refused: " + accepted + " " + answer);
        }
        for (Violation violation : FormAnswers.violations(field)) {
          probes++;
          Map<String, Object> wrong = new HashMap<>(answer);
          wrong.put(FormAnswers.key(field), violation.value());
          List<String> refused = rules.problems(wrong::get);
          String expected = FormAnswers.label(field);
          if (refused.size() != 1
              || !refused.get(0).startsWith(expected)
              || !refused.get(0).endsWith("(" + FormAnswers.key(field) + ")")) {
            misses.add(where + " " + violation.rule() + ": " + refused);
          }
        }
      }
    }
    assertThat(misses).isEmpty();
    assertThat(probes).as("rules probed").isGreaterThan(50);
  }

  @Test
  void aTwoLetterReportIsRefusedWithTheFieldsLabelAndAHiddenFieldIsNotChecked() throws Exception {
    FormRules work;
    try (var json = java.nio.file.Files.newInputStream(Path.of("forms/thucHienNhiemVu.form"))) {
      work = FormRules.read(json);
    }
    Map<String, Object> answer = new HashMap<>(Map.of("resultReport", "ok"));
    assertThatThrownBy(() -> work.check(answer::get))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Báo cáo kết quả thực hiện phải có ít nhất 10 ký tự (hiện có 2) (resultReport)");
    answer.put("requestExtension", true);
    answer.put("requestedDeadline", "31/12/2026");
    answer.put("extensionReason", "Chờ ý kiến của tỉnh");
    assertThat(work.problems(answer::get)).isEmpty();
    answer.put("requestedDeadline", "cuối năm");
    assertThat(work.problems(answer::get))
        .containsExactly(
            "Hạn đề nghị (ngày/tháng/năm) không đúng định dạng: Ví dụ: 31/12/2026"
                + " (requestedDeadline)");
  }

  @Test
  void aChoiceGivenByAVariableMustBeOneOfItsValues() throws Exception {
    JsonNode form =
        JSON.readTree(
            """
            {"id": "f", "components": [{"key": "returnBody", "type": "select",
              "label": "Đơn vị", "valuesKey": "answeredBodies", "validate": {"required": true}}]}
            """);
    FormRules rules = FormRules.of(form);
    Map<String, Object> values =
        new HashMap<>(
            Map.of(
                "answeredBodies", "[{\"label\":\"Sở Nội vụ\",\"value\":\"soNoiVu\"}]",
                "returnBody", "soTaiChinh"));
    assertThat(rules.problems(values::get))
        .containsExactly("Đơn vị: \"soTaiChinh\" không có trong các lựa chọn (returnBody)");
    values.put("returnBody", "soNoiVu");
    assertThat(rules.problems(values::get)).isEmpty();
  }
}
