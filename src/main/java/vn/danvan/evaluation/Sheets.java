package vn.danvan.evaluation;

import static vn.danvan.variable.SharedVariables.KIND;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import vn.danvan.evaluation.CriteriaSet.Kind;
import vn.danvan.evaluation.CriteriaSet.Line;
import vn.danvan.input.InvalidInputException;

/**
 * The evaluation sheet of one body: one row per criterion, bonus and penalty item of its criteria
 * set, with the body's own score, figures and evidence, then the reviewer's score and note. Rows
 * are rebuilt from the set on every check: a client can change scores and texts, never the items,
 * their maximum or their order. No engine types beyond the JSON value that stores it.
 */
final class Sheets {

  static final ObjectMapper JSON = new ObjectMapper();

  private Sheets() {}

  /** A blank sheet for a set. */
  static ArrayNode blank(CriteriaSet set) {
    ArrayNode rows = JSON.createArrayNode();
    for (Line line : set.lines()) {
      ObjectNode row = rows.addObject();
      row.put(KIND, line.kind().name());
      row.put("kindLabel", line.kind().label());
      row.put("code", line.item().code());
      row.put("name", line.item().name());
      row.put("maxPoints", line.item().maxPoints());
      row.put("evidenceRequired", line.item().evidenceRequired());
      if (line.item().metric() != null) {
        row.put("metric", line.item().metric());
      }
    }
    return rows;
  }

  /** The sheet as sent (a JSON value or JSON text). */
  static ArrayNode read(Object value, String name) {
    String text =
        value instanceof SpinJsonNode node ? node.toString() : value instanceof String s ? s : null;
    if (text == null) {
      throw new InvalidInputException("Bảng điểm là bắt buộc (" + name + ")");
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ArrayNode rows) {
        return rows;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new InvalidInputException(
        "Bảng điểm phải là một danh sách JSON các dòng tiêu chí (" + name + ")");
  }

  static JsonValue value(ArrayNode rows) {
    return SpinValues.jsonValue(rows.toString()).create();
  }

  /**
   * The body's self-assessment, checked row by row against the set: a score within 0 and the item's
   * maximum for every row, evidence where the item requires it (for bonus and penalty items only
   * when they score).
   *
   * @return the sheet rebuilt from the set with the body's answers
   */
  static ArrayNode selfAssessed(CriteriaSet set, ArrayNode sent) {
    ArrayNode rows = matched(set, sent);
    for (int i = 0; i < rows.size(); i++) {
      ObjectNode row = (ObjectNode) rows.get(i);
      JsonNode answer = sent.get(i);
      BigDecimal score = score(answer, "score", row, "Điểm tự chấm");
      row.put("score", score);
      row.put("figures", text(answer, "figures"));
      String evidence = text(answer, "evidence");
      boolean counts = Kind.valueOf(row.get(KIND).asText()) == Kind.CRITERION || score.signum() > 0;
      if (row.get("evidenceRequired").asBoolean() && counts && evidence.isEmpty()) {
        throw new InvalidInputException(
            row.get("code").asText()
                + " \""
                + row.get("name").asText()
                + "\": cần nêu minh chứng (văn bản, số liệu) cho tiêu chí này (evidence)");
      }
      row.put("evidence", evidence);
    }
    return rows;
  }

  /**
   * The reviewer's scores on a self-assessed sheet: a score for every row within its range; the
   * body's answers are kept as they were, the track record is the one the engine computed.
   */
  static ArrayNode reviewed(
      CriteriaSet set, ArrayNode assessed, ArrayNode sent, String trackRecord) {
    ArrayNode rows = matched(set, sent);
    for (int i = 0; i < rows.size(); i++) {
      ObjectNode row = (ObjectNode) rows.get(i);
      JsonNode before = assessed.get(i);
      JsonNode answer = sent.get(i);
      for (String kept : List.of("score", "figures", "evidence")) {
        if (before != null && before.has(kept)) {
          row.set(kept, before.get(kept));
        }
      }
      if (row.has("metric") && trackRecord != null) {
        row.put("trackingEvidence", trackRecord);
      }
      row.put("reviewedScore", score(answer, "reviewedScore", row, "Điểm thẩm định"));
      row.put("reviewNote", text(answer, "reviewNote"));
    }
    return rows;
  }

  /** Criteria plus bonus minus penalty, kept within 0–100, to two decimals. */
  static BigDecimal total(ArrayNode rows, String field) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode row : rows) {
      BigDecimal points = row.path(field).decimalValue();
      sum =
          Kind.valueOf(row.get(KIND).asText()) == Kind.PENALTY
              ? sum.subtract(points)
              : sum.add(points);
    }
    BigDecimal max = BigDecimal.valueOf(CriteriaSet.TOTAL_POINTS);
    return sum.max(BigDecimal.ZERO).min(max).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static ArrayNode matched(CriteriaSet set, ArrayNode sent) {
    ArrayNode rows = blank(set);
    if (sent.size() != rows.size()) {
      throw new InvalidInputException(
          "Bảng điểm có "
              + sent.size()
              + " dòng, bộ tiêu chí "
              + set.id()
              + " có "
              + rows.size()
              + " dòng (assessment)");
    }
    for (int i = 0; i < rows.size(); i++) {
      String code = rows.get(i).get("code").asText();
      if (!code.equals(sent.get(i).path("code").asText())) {
        throw new InvalidInputException(
            "Dòng "
                + (i + 1)
                + " của bảng điểm phải là tiêu chí "
                + code
                + ", nhận được \""
                + sent.get(i).path("code").asText()
                + "\" (assessment)");
      }
    }
    return rows;
  }

  private static BigDecimal score(JsonNode answer, String field, JsonNode row, String label) {
    JsonNode value = answer.get(field);
    String where = row.get("code").asText() + " \"" + row.get("name").asText() + "\"";
    BigDecimal score;
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new InvalidInputException(label + " của " + where + " là bắt buộc (" + field + ")");
    } else if (value.isNumber()) {
      score = value.decimalValue();
    } else {
      try {
        score = new BigDecimal(value.asText().trim().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            label
                + " của "
                + where
                + " phải là một số, nhận được \""
                + value.asText()
                + "\" ("
                + field
                + ")");
      }
    }
    int max = row.get("maxPoints").asInt();
    if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new InvalidInputException(
          label
              + " của "
              + where
              + " là "
              + score.toPlainString()
              + ", ngoài khoảng 0–"
              + max
              + " điểm ("
              + field
              + ")");
    }
    return score;
  }

  private static String text(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    return value == null || value.isNull() ? "" : value.asText().trim();
  }
}
