package vn.danvan.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The checks a Camunda Form ({@code .form}) makes in Tasklist, read from the form itself, so that
 * the server makes exactly the same ones: a field hidden by its condition is not checked (the
 * browser does not send it); a field shown is refused when it is required and empty (a checkbox
 * left unticked, an empty list), shorter or longer than its lengths (counted without the spaces
 * around it), not matching its pattern, below or above its bounds, not a number, or not one of its
 * options. These are the rules of the form library Tasklist runs (form-js); each refusal names the
 * field by its label, as people read it, and by its variable, as API clients send it.
 */
public final class FormRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest text a form may take: what a text variable holds ({@link RequestInputGuard}). */
  public static final int MAX_TEXT = RequestInputGuard.MAX_TEXT;

  /** FEEL, as the forms' conditions are written; the engine's own evaluator. */
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  /** Names in a condition that are FEEL's own words, not variables. */
  private static final Set<String> FEEL_WORDS =
      Set.of(
          "and",
          "or",
          "not",
          "null",
          "true",
          "false",
          "if",
          "then",
          "else",
          "in",
          "some",
          "every",
          "satisfies",
          "for",
          "return",
          "between",
          "instance",
          "of",
          "function");

  private static final Pattern NAME =
      Pattern.compile("\"[^\"]*\"|([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?");

  /** Fields that hold no answer. */
  private static final Set<String> DISPLAY_ONLY =
      Set.of("text", "html", "image", "spacer", "separator", "table", "iframe", "button");

  /** One field that takes an answer, with what the form checks of it. */
  public record Field(
      String key,
      String label,
      String type,
      boolean required,
      Integer minLength,
      Integer maxLength,
      String pattern,
      String hint,
      BigDecimal min,
      BigDecimal max,
      List<String> options,
      String optionsKey,
      String hide) {

    /** The variables its condition reads (none when it has no condition). */
    Set<String> conditionNames() {
      Set<String> names = new LinkedHashSet<>();
      if (hide != null) {
        Matcher m = NAME.matcher(hide);
        while (m.find()) {
          if (m.group(1) != null && m.group(2) == null && !FEEL_WORDS.contains(m.group(1))) {
            names.add(m.group(1));
          }
        }
      }
      return names;
    }
  }

  private final String id;
  private final List<Field> fields;
  private final Set<String> checkboxes = new java.util.HashSet<>();

  private FormRules(String id, List<Field> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
    fields.stream().filter(f -> f.type().equals("checkbox")).forEach(f -> checkboxes.add(f.key()));
  }

  /** The rules of a form, from its JSON. */
  public static FormRules read(InputStream json) throws IOException {
    return of(JSON.readTree(json));
  }

  public static FormRules of(JsonNode form) {
    List<Field> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new FormRules(form.path("id").asText(""), fields);
  }

  public String id() {
    return id;
  }

  public List<Field> fields() {
    return fields;
  }

  /** Every variable the checks read: the fields and what their conditions name. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Field field : fields) {
      names.add(field.key());
      names.addAll(field.conditionNames());
      if (field.optionsKey() != null) {
        names.add(field.optionsKey());
      }
    }
    return names;
  }

  /**
   * What the form would refuse in these values (the task's variables after the answer), one
   * Vietnamese sentence per field; empty when the form would accept them. A checkbox of the form
   * with no value counts as unticked, as the form starts it.
   */
  public List<String> problems(Function<String, Object> given) {
    Function<String, Object> variables = name -> valueOf(name, given);
    List<String> problems = new ArrayList<>();
    for (Field field : fields) {
      if (hidden(field, variables)) {
        continue;
      }
      String problem = problem(field, variables.apply(field.key()), variables);
      if (problem != null) {
        problems.add(problem + " (" + field.key() + ")");
      }
    }
    return problems;
  }

  /** A value as the form holds it: a checkbox nobody ticked is false, as the form shows it. */
  private Object valueOf(String name, Function<String, Object> given) {
    Object value = given.apply(name);
    return value == null && checkboxes.contains(name) ? Boolean.FALSE : value;
  }

  /** Refuses values the form would refuse, naming every field at fault. */
  public void check(Function<String, Object> variables) {
    List<String> problems = problems(variables);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join("; ", problems));
    }
  }

  private static boolean hidden(Field field, Function<String, Object> variables) {
    if (field.hide() == null) {
      return false;
    }
    Map<String, Object> context = new java.util.HashMap<>();
    for (String name : field.conditionNames()) {
      context.put(name, variables.apply(name));
    }
    try {
      Object result =
          FEEL.evaluateSimpleExpression(
              field.hide(), Variables.fromMap(context).asVariableContext());
      return Boolean.TRUE.equals(result);
    } catch (RuntimeException e) {
      return false; // as the form library does: a condition it cannot evaluate hides nothing
    }
  }

  private static String problem(Field field, Object value, Function<String, Object> variables) {
    String label = field.label();
    boolean empty =
        value == null
            || value instanceof String s && s.isEmpty()
            || value instanceof Collection<?> c && c.isEmpty()
            || isEmptyJsonList(value);
    if (field.required()
        && (empty || field.type().equals("checkbox") && Boolean.FALSE.equals(value))) {
      return field.type().equals("checkbox") ? label + ": cần đánh dấu" : label + " là bắt buộc";
    }
    if (empty) {
      return null;
    }
    if (field.type().equals("number")) {
      BigDecimal number = number(value);
      if (number == null) {
        return label + " phải là một số";
      }
      if (field.min() != null && number.compareTo(field.min()) < 0) {
        return label + " phải từ " + plain(field.min()) + " trở lên";
      }
      if (field.max() != null && number.compareTo(field.max()) > 0) {
        return label + " không được lớn hơn " + plain(field.max());
      }
      return null;
    }
    if (value instanceof String text) {
      int length = text.strip().length();
      if (field.minLength() != null && length < field.minLength()) {
        return label + " phải có ít nhất " + field.minLength() + " ký tự (hiện có " + length + ")";
      }
      if (field.maxLength() != null && length > field.maxLength()) {
        return label + " chỉ được tối đa " + field.maxLength() + " ký tự (hiện có " + length + ")";
      }
      if (field.pattern() != null && !matches(field.pattern(), text)) {
        return label + " không đúng định dạng" + (field.hint() == null ? "" : ": " + field.hint());
      }
    }
    List<String> options = options(field, variables);
    if (options != null) {
      for (String chosen : chosen(value)) {
        if (!options.contains(chosen)) {
          return label + ": \"" + chosen + "\" không có trong các lựa chọn";
        }
      }
    }
    return null;
  }

  /** The choices a field offers: its own list, or the list its {@code valuesKey} names. */
  private static List<String> options(Field field, Function<String, Object> variables) {
    if (field.options() != null) {
      return field.options();
    }
    if (field.optionsKey() == null) {
      return null;
    }
    JsonNode list = json(variables.apply(field.optionsKey()));
    if (list == null || !list.isArray()) {
      return null; // nothing to compare with: the form shows no choice either
    }
    List<String> values = new ArrayList<>();
    list.forEach(o -> values.add(o.isObject() ? o.path("value").asText() : o.asText()));
    return values;
  }

  /** What was chosen: one value, or each value of a list (a Java list or a JSON array). */
  private static List<String> chosen(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    boolean plain = value instanceof Number || value instanceof Boolean;
    JsonNode json = plain || value instanceof String s && !s.startsWith("[") ? null : json(value);
    if (json != null && json.isArray()) {
      List<String> values = new ArrayList<>();
      json.forEach(v -> values.add(v.asText()));
      return values;
    }
    return value instanceof String || plain ? List.of(String.valueOf(value)) : List.of();
  }

  private static boolean isEmptyJsonList(Object value) {
    JsonNode json = value instanceof String ? null : json(value);
    return json != null && json.isArray() && json.isEmpty();
  }

  private static JsonNode json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.readTree(value instanceof String s ? s : value.toString());
    } catch (IOException e) {
      return null;
    }
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  /** As the browser tests a pattern: found anywhere in the text unless anchored. */
  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true; // a pattern the server cannot read is refused when the form is deployed
    }
  }

  private static void collect(JsonNode components, List<Field> into) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.get("components"), into);
      }
      String type = c.path("type").asText("");
      if (!c.hasNonNull("key")
          || DISPLAY_ONLY.contains(type)
          || c.path("readonly").asBoolean(false)
          || c.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> options = null;
      if (c.has("values") && c.get("values").isArray()) {
        options = new ArrayList<>();
        for (JsonNode o : c.get("values")) {
          options.add(o.path("value").asText());
        }
      }
      String hide = c.path("conditional").path("hide").asText("").trim();
      into.add(
          new Field(
              c.get("key").asText(),
              c.path("label").asText(c.get("key").asText()),
              type,
              validate.path("required").asBoolean(false),
              validate.has("minLength") ? validate.get("minLength").asInt() : null,
              validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
              validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
              c.hasNonNull("description") ? c.get("description").asText() : null,
              validate.has("min") ? validate.get("min").decimalValue() : null,
              validate.has("max") ? validate.get("max").decimalValue() : null,
              options,
              c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null,
              hide.startsWith("=") ? hide.substring(1).trim() : null));
    }
  }
}
