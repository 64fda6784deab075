package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import vn.danvan.input.InvalidInputException;
import vn.danvan.input.ModelPlace;

/**
 * The figures a periodic report asks every body for ("số liệu cụ thể"): declared on the call
 * activity as text an administrator writes in Modeler, one figure per line or separated by
 * semicolons, each a stable key, its Vietnamese label and perhaps its unit in brackets:
 *
 * <pre>soCuocDoiThoai: Số cuộc đối thoại với Nhân dân (cuộc); soKienNghi: Số kiến nghị đã giải
 * quyết (kiến nghị)</pre>
 *
 * Every figure is an integer ≥ 0. A body answers with one JSON object, key → value ({@code
 * reportedFigures}); the compile task and the board add them up per figure.
 */
public final class ReportFigures {

  /** One declared figure. */
  public record Figure(String key, String label, String unit) {

    /** The label with its unit, e.g. "Số cuộc đối thoại (cuộc)". */
    public String heading() {
      return unit == null ? label : label + " (" + unit + ")";
    }
  }

  /** A body's figures (figure key → value, in the declaration's order). */
  public record Row(String body, String bodyName, Map<String, Long> values) {}

  /** Figures of several bodies and their totals per figure. */
  public record Table(List<Figure> figures, List<Row> rows, Map<String, Long> totals) {}

  static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
  static final Pattern ITEM = Pattern.compile("([^:]*):(.*)", Pattern.DOTALL);
  static final Pattern UNIT = Pattern.compile("(.*\\S)\\s*\\(([^()]{1,40})\\)\\s*", Pattern.DOTALL);
  static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
  static final int MAX_FIGURES = 30;
  static final String BODY_COLUMN = "donVi";
  static final long MAX_VALUE = 1_000_000_000_000L;
  static final String EXAMPLE = "soCuocDoiThoai: Số cuộc đối thoại với Nhân dân (cuộc)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportFigures() {}

  /**
   * The declaration in a text; empty for none (null or blank).
   *
   * @throws InvalidInputException naming the item that cannot be read (without the place)
   */
  public static List<Figure> parse(String text) {
    List<Figure> figures = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return figures;
    }
    Set<String> keys = new LinkedHashSet<>();
    int n = 0;
    for (String raw : text.split("[;\\n]")) {
      String item = raw.strip();
      if (item.isEmpty()) {
        continue;
      }
      n++;
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) {
        throw refused(n, item, "thiếu mã số liệu và dấu hai chấm");
      }
      String key = m.group(1).strip();
      String rest = m.group(2).strip();
      if (!KEY.matcher(key).matches()) {
        throw refused(
            n,
            item,
            "mã \""
                + key
                + "\" phải viết liền bằng chữ không dấu và chữ số, bắt đầu bằng chữ thường"
                + " (tối đa 40 ký tự, ví dụ soCuocDoiThoai)");
      }
      if (key.equals(BODY_COLUMN)) {
        throw refused(n, item, "mã \"" + BODY_COLUMN + "\" dành cho cột đơn vị");
      }
      if (!keys.add(key)) {
        throw refused(n, item, "mã \"" + key + "\" đã dùng cho một số liệu khác");
      }
      String unit = null;
      Matcher u = UNIT.matcher(rest);
      if (u.matches()) {
        rest = u.group(1).strip();
        unit = u.group(2).strip();
      }
      if (rest.isEmpty()) {
        throw refused(n, item, "thiếu tên số liệu sau dấu hai chấm");
      }
      if (rest.length() > 200) {
        throw refused(n, item, "tên số liệu dài quá 200 ký tự");
      }
      figures.add(new Figure(key, rest, unit == null || unit.isEmpty() ? null : unit));
    }
    if (figures.size() > MAX_FIGURES) {
      throw new InvalidInputException(
          "Số liệu báo cáo: tối đa "
              + MAX_FIGURES
              + " số liệu, khai báo "
              + figures.size()
              + " ("
              + REPORT_FIGURES
              + ")");
    }
    return figures;
  }

  private static InvalidInputException refused(int n, String item, String why) {
    return new InvalidInputException(
        "Số liệu báo cáo, mục "
            + n
            + " \""
            + item
            + "\": "
            + why
            + "; viết dạng \""
            + EXAMPLE
            + "\", các mục cách nhau bằng dấu chấm phẩy ("
            + REPORT_FIGURES
            + ")");
  }

  /** The figures declared in the scope ({@code reportFigures}); empty when none. */
  public static List<Figure> declared(VariableScope vars) {
    Object text = vars.getVariable(REPORT_FIGURES);
    try {
      return parse(text == null ? null : text.toString());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(ModelPlace.of(vars, REPORT_FIGURES) + ": " + e.getMessage());
    }
  }

  /** Whether the scope's report asks for figures. */
  public static boolean asked(VariableScope vars) {
    return vars.getVariable(REPORT_FIGURES) instanceof String text && !text.isBlank();
  }

  /**
   * A body's answer checked against the declaration: every figure present, an integer from 0, no
   * other key. {@code raw} is the variable as sent: JSON (a Spin node or its text) or a map.
   *
   * @throws InvalidInputException naming the figure (its label, and its key for API clients)
   */
  public static Map<String, Long> values(List<Figure> figures, Object raw) {
    JsonNode node = node(raw);
    if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
      if (figures.isEmpty()) {
        return new LinkedHashMap<>();
      }
      throw new InvalidInputException(
          "Số liệu báo cáo là bắt buộc: "
              + String.join(", ", figures.stream().map(Figure::heading).toList())
              + " ("
              + REPORTED_FIGURES
              + ")");
    }
    if (!node.isObject()) {
      throw new InvalidInputException(
          "Số liệu báo cáo phải là một đối tượng JSON {mã: số nguyên} (" + REPORTED_FIGURES + ")");
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (Figure figure : figures) {
      String field = REPORTED_FIGURES + "." + figure.key();
      JsonNode value = node.get(figure.key());
      if (value == null || value.isNull() || value.asText().isBlank()) {
        throw new InvalidInputException(figure.heading() + " là bắt buộc (" + field + ")");
      }
      values.put(figure.key(), integer(figure, value, field));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (figures.stream().noneMatch(f -> f.key().equals(key))) {
        throw new InvalidInputException(
            "Báo cáo này không có số liệu \""
                + key
                + "\"; các số liệu: "
                + String.join(", ", figures.stream().map(Figure::key).toList())
                + " ("
                + REPORTED_FIGURES
                + "."
                + key
                + ")");
      }
    }
    return values;
  }

  private static long integer(Figure figure, JsonNode value, String field) {
    long n;
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      n = value.longValue();
    } else if (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
      n = (long) value.doubleValue();
    } else if (value.isTextual() && DIGITS.matcher(value.textValue().strip()).matches()) {
      n = Long.parseLong(value.textValue().strip());
    } else {
      throw notANumber(figure, value, field);
    }
    if (n < 0) {
      throw notANumber(figure, value, field);
    }
    if (n > MAX_VALUE) {
      throw new InvalidInputException(
          figure.heading() + ": " + n + " lớn quá mức cho phép (" + field + ")");
    }
    return n;
  }

  private static InvalidInputException notANumber(Figure figure, JsonNode value, String field) {
    return new InvalidInputException(
        figure.heading()
            + " phải là số nguyên không âm (0, 1, 2…), không phải \""
            + (value.isTextual() ? value.textValue() : value.toString())
            + "\" ("
            + field
            + ")");
  }

  private static JsonNode node(Object raw) {
    try {
      if (raw == null) {
        return null;
      }
      if (raw instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (raw instanceof String text) {
        return text.isBlank() ? null : JSON.readTree(text);
      }
      return JSON.valueToTree(raw);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException(
          "Số liệu báo cáo phải là một đối tượng JSON {mã: số nguyên} (" + REPORTED_FIGURES + ")");
    }
  }

  /** Values as the typed variable stores them (JSON). */
  public static JsonValue json(Map<String, Long> values) {
    ObjectNode node = JSON.createObjectNode();
    values.forEach(node::put);
    return SpinValues.jsonValue(node.toString()).create();
  }

  /** Values read back from the variable, without checks (what was stored was checked). */
  public static Map<String, Long> stored(Object raw) {
    Map<String, Long> values = new LinkedHashMap<>();
    JsonNode node;
    try {
      node = node(raw);
    } catch (InvalidInputException e) {
      return values;
    }
    if (node != null && node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().canConvertToLong()) {
                  values.put(e.getKey(), e.getValue().longValue());
                }
              });
    }
    return values;
  }

  /** The bodies' figures and the totals per figure. */
  public static Table table(List<Figure> figures, List<Row> rows) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Figure figure : figures) {
      totals.put(
          figure.key(),
          rows.stream().mapToLong(r -> r.values().getOrDefault(figure.key(), 0L)).sum());
    }
    return new Table(figures, rows, totals);
  }

  /** The table's columns for a Camunda Form table ({key, label}), the body's name first. */
  public static JsonValue columns(List<Figure> figures) {
    ArrayNode columns = JSON.createArrayNode();
    columns.addObject().put("key", BODY_COLUMN).put("label", "Đơn vị");
    figures.forEach(f -> columns.addObject().put("key", f.key()).put("label", f.heading()));
    return SpinValues.jsonValue(columns.toString()).create();
  }

  /** The table's rows for a Camunda Form table: one per body, then the totals ("Cộng"). */
  public static JsonValue rows(Table table) {
    ArrayNode rows = JSON.createArrayNode();
    for (Row row : table.rows()) {
      ObjectNode line = rows.addObject().put(BODY_COLUMN, row.bodyName());
      table.figures().forEach(f -> line.put(f.key(), row.values().get(f.key())));
    }
    ObjectNode total =
        rows.addObject().put(BODY_COLUMN, "Cộng (" + table.rows().size() + " đơn vị)");
    table.totals().forEach(total::put);
    return SpinValues.jsonValue(rows.toString()).create();
  }
}
