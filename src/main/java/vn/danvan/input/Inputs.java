package vn.danvan.input;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reading what users and API clients sent (process variables) with one rule for every block: a
 * missing or malformed value is an {@link InvalidInputException} whose Vietnamese message names the
 * field as users see it and, in brackets, the variable as API clients send it.
 */
public final class Inputs {

  private Inputs() {}

  /** A non-blank text, trimmed. */
  public static String text(VariableScope vars, String name, String label) {
    Object value = vars.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new InvalidInputException(label + " là bắt buộc (" + name + ")");
    }
    return s.trim();
  }

  /** Vietnamese users read and type days as 31/12/2026. */
  public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private static final DateTimeFormatter TYPED =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /**
   * A day written dd/MM/yyyy (as users type it) or yyyy-MM-dd (API clients), or null when absent or
   * empty.
   */
  public static LocalDate date(VariableScope vars, String name, String label) {
    return date(vars.getVariable(name), name, label);
  }

  /** The same, for a value sent to one of the product's own APIs. */
  public static LocalDate date(Object value, String name, String label) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof String s) {
      String text = s.trim();
      try {
        return text.contains("/") ? LocalDate.parse(text, TYPED) : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new InvalidInputException(
        label
            + " \""
            + value
            + "\" không hợp lệ: dùng định dạng ngày/tháng/năm (31/12/2026) hoặc yyyy-MM-dd ("
            + name
            + ")");
  }

  /** A day as users read it: 31/12/2026. */
  public static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** A yes/no setting: true, false, "true", "false"; {@code absent} when not given. */
  public static boolean flag(VariableScope vars, String name, String label, boolean absent) {
    return flag(vars.getVariable(name), name, label, absent);
  }

  /** The same, for variables read from another instance. */
  public static boolean flag(
      java.util.Map<String, ?> vars, String name, String label, boolean absent) {
    return flag(vars.get(name), name, label, absent);
  }

  private static boolean flag(Object value, String name, String label, boolean absent) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return absent;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.trim().equals("true") || s.trim().equals("false"))) {
      return Boolean.parseBoolean(s.trim());
    }
    throw new InvalidInputException(label + " phải là true hoặc false (" + name + ")");
  }

  /**
   * A whole number of days from 0 to 999: a number, or its digits as text (an element template
   * writes a plain {@code 15}, which the engine passes as text); {@code absent} when not given.
   */
  public static int days(VariableScope vars, String name, String label, int absent) {
    Object value = vars.getVariable(name);
    if (value == null || value instanceof String s && s.isBlank()) {
      return absent;
    }
    String text =
        value instanceof Number n && n.doubleValue() == n.longValue()
            ? String.valueOf(n.longValue())
            : String.valueOf(value).trim();
    if (!text.matches("\\d{1,3}")) {
      throw new InvalidInputException(
          label + " \"" + value + "\" phải là số nguyên từ 0 đến 999 (" + name + ")");
    }
    return Integer.parseInt(text);
  }

  /** An explicit yes or no (a checkbox the user must decide on). */
  public static boolean decision(VariableScope vars, String name, String missing) {
    if (!(vars.getVariable(name) instanceof Boolean value)) {
      throw new InvalidInputException(missing + " (" + name + ")");
    }
    return value;
  }
}
