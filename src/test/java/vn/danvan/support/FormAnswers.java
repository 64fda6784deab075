package vn.danvan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a Camunda Form accepts and refuses, read from the form's JSON as the form library in
 * Tasklist (form-js) reads it, written for the tests on their own (it shares no code with the
 * server's check, which it is there to test): for each field a valid answer, the variables that
 * make it shown, and one value per rule the form refuses.
 */
public final class FormAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();
  private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|([A-Za-z_]\\w*)\\s*(\\()?");
  private static final Set<String> FEEL_WORDS =
      Set.of("and", "or", "not", "null", "true", "false", "if", "then", "else");
  private static final Set<String> NO_ANSWER =
      Set.of("text", "html", "image", "spacer", "separator", "table", "iframe", "button");

  /** The option every list of choices given by a variable ({@code valuesKey}) offers. */
  public static final String OPTION = "luaChonMot";

  /** Texts tried, in order, for a field with a pattern. */
  private static final List<String> PATTERN_TRIES =
      List.of("31/12/2026", "soNoiVu", "2026-12-31", "abc123", "Nội dung trả lời");

  private static final List<String> PATTERN_MISSES = List.of("sai định dạng!", "??", "x");

  /** A value the form refuses, and which of its rules refuses it. */
  public record Violation(String rule, Object value) {}

  private FormAnswers() {}

  /** The forms of a folder, by file name. */
  public static Map<String, JsonNode> forms(Path folder) throws IOException {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    }
    return forms;
  }

  /** The fields that take an answer. */
  public static List<JsonNode> inputs(JsonNode form) {
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return fields;
  }

  public static String key(JsonNode field) {
    return field.get("key").asText();
  }

  public static String label(JsonNode field) {
    return field.path("label").asText(key(field));
  }

  /** The variables (other than the fields themselves) that give choices by {@code valuesKey}. */
  public static Map<String, Object> optionLists(JsonNode form) {
    Map<String, Object> lists = new HashMap<>();
    for (JsonNode field : inputs(form)) {
      if (field.hasNonNull("valuesKey")) {
        lists.put(
            field.get("valuesKey").asText(),
            "[{\"label\":\"Lựa chọn một\",\"value\":\"" + OPTION + "\"}]");
      }
    }
    return lists;
  }

  /**
   * Values of the variables a field's condition reads that show it (its {@code hide} false), tried
   * among yes, no, empty and a day; null when none shows it.
   */
  public static Map<String, Object> showing(JsonNode field) {
    String hide = field.path("conditional").path("hide").asText("").trim();
    if (!hide.startsWith("=")) {
      return Map.of();
    }
    String expression = hide.substring(1);
    List<String> names = new ArrayList<>(names(expression));
    Object[] tries = {true, false, null, "2026-12-31", ""};
    int combinations = (int) Math.pow(tries.length, names.size());
    for (int c = 0; c < combinations; c++) {
      Map<String, Object> values = new HashMap<>();
      int rest = c;
      for (String name : names) {
        values.put(name, tries[rest % tries.length]);
        rest /= tries.length;
      }
      Object hidden =
          FEEL.evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext());
      if (!Boolean.TRUE.equals(hidden)) {
        return values;
      }
    }
    return null;
  }

  /** Whether a field is shown with these values (its {@code hide} not true). */
  public static boolean shown(JsonNode field, Map<String, Object> values) {
    String hide = field.path("conditional").path("hide").asText("").trim();
    if (!hide.startsWith("=")) {
      return true;
    }
    Map<String, Object> context = new HashMap<>();
    names(hide.substring(1)).forEach(n -> context.put(n, values.get(n)));
    Object hidden =
        FEEL.evaluateSimpleExpression(
            hide.substring(1), Variables.fromMap(context).asVariableContext());
    return !Boolean.TRUE.equals(hidden);
  }

  /**
   * A whole answer the form accepts, with {@code field} shown: the variables that show it, the
   * choices given by variables, and a valid value for every field then shown.
   */
  public static Map<String, Object> answerShowing(JsonNode form, JsonNode field) {
    Map<String, Object> showing = showing(field);
    if (showing == null) {
      return null;
    }
    Map<String, Object> answer = new HashMap<>(optionLists(form));
    answer.putAll(showing);
    for (JsonNode other : inputs(form)) {
      if (!answer.containsKey(key(other)) && shown(other, answer)) {
        answer.put(key(other), valid(other));
      }
    }
    return answer;
  }

  /** A value the form accepts for a field. */
  public static Object valid(JsonNode field) {
    JsonNode v = field.path("validate");
    switch (field.path("type").asText()) {
      case "checkbox":
        return true;
      case "number":
        if (v.has("min") && v.has("max")) {
          return v.get("min").decimalValue().add(v.get("max").decimalValue()).intValue() / 2;
        }
        return v.has("min") ? v.get("min").intValue() : 1;
      case "radio":
      case "select":
        return firstOption(field);
      case "taglist":
      case "checklist":
        return List.of(firstOption(field));
      default:
        break;
    }
    int min = v.path("minLength").asInt(0);
    int max = v.path("maxLength").asInt(4000);
    if (v.hasNonNull("pattern")) {
      Pattern pattern = Pattern.compile(v.get("pattern").asText());
      for (String text : PATTERN_TRIES) {
        int length = text.strip().length();
        if (pattern.matcher(text).find() && length >= min && length <= max) {
          return text;
        }
      }
      throw new IllegalStateException(
          "no text to try matches the pattern of " + key(field) + ": add one to PATTERN_TRIES");
    }
    StringBuilder text = new StringBuilder("Nội dung trả lời của đơn vị");
    while (text.length() < min) {
      text.append(" và số liệu cụ thể");
    }
    return text.length() > max ? text.substring(0, max) : text.toString();
  }

  /** One value per rule of the field that the form refuses. */
  public static List<Violation> violations(JsonNode field) {
    JsonNode v = field.path("validate");
    String type = field.path("type").asText();
    List<Violation> refused = new ArrayList<>();
    if (v.path("required").asBoolean(false)) {
      refused.add(
          new Violation(
              "required",
              switch (type) {
                case "checkbox" -> false;
                case "number" -> null;
                case "taglist", "checklist" -> List.of();
                default -> "";
              }));
    }
    if (type.equals("number")) {
      refused.add(new Violation("number", "không phải số"));
      if (v.has("min")) {
        refused.add(new Violation("min", v.get("min").decimalValue().subtract(BigDecimal.ONE)));
      }
      if (v.has("max")) {
        refused.add(new Violation("max", v.get("max").decimalValue().add(BigDecimal.ONE)));
      }
    }
    if (type.equals("textfield") || type.equals("textarea")) {
      int min = v.path("minLength").asInt(0);
      if (min > 1) {
        refused.add(new Violation("minLength", min > 2 ? "ok" : "o"));
      }
      if (v.has("maxLength")) {
        refused.add(new Violation("maxLength", "x".repeat(v.get("maxLength").asInt() + 1)));
      }
      if (v.hasNonNull("pattern")) {
        Pattern pattern = Pattern.compile(v.get("pattern").asText());
        PATTERN_MISSES.stream()
            .filter(t -> !pattern.matcher(t).find())
            .filter(t -> t.strip().length() >= min)
            .findFirst()
            .ifPresent(t -> refused.add(new Violation("pattern", t)));
      }
    }
    if (Set.of("radio", "select").contains(type)) {
      refused.add(new Violation("options", "khongCoTrongDanhSach"));
    }
    if (Set.of("taglist", "checklist").contains(type)) {
      refused.add(new Violation("options", List.of("khongCoTrongDanhSach")));
    }
    return refused;
  }

  private static String firstOption(JsonNode field) {
    JsonNode values = field.path("values");
    return values.isArray() && values.size() > 0 ? values.get(0).path("value").asText() : OPTION;
  }

  private static Set<String> names(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = WORD.matcher(expression);
    while (m.find()) {
      if (m.group(1) != null && m.group(2) == null && !FEEL_WORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.get("components"), into);
      }
      if (c.hasNonNull("key")
          && !NO_ANSWER.contains(c.path("type").asText())
          && !c.path("readonly").asBoolean(false)
          && !c.path("disabled").asBoolean(false)) {
        into.add(c);
      }
    }
  }
}
