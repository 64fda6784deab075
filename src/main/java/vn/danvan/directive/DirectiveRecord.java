package vn.danvan.directive;

import static vn.danvan.directive.DirectiveVariables.DOCUMENT_TYPE;
import static vn.danvan.directive.DirectiveVariables.ISSUING_BODY;
import static vn.danvan.directive.DirectiveVariables.SECRECY;
import static vn.danvan.directive.DirectiveVariables.SIGNER;
import static vn.danvan.directive.DirectiveVariables.URGENCY;
import static vn.danvan.variable.SharedVariables.SUMMARY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.danvan.input.InvalidInputException;

/**
 * A directive's record besides its number and date: loại văn bản, cơ quan ban hành, người ký, trích
 * yếu, độ khẩn, độ mật. The model's start event names what the text gives (properties {@code
 * loaiVanBan}, {@code coQuanBanHanh}, {@code nguoiKy}, {@code trichYeu}, {@code doKhan}, {@code
 * doMat}); the start form shows them for a person to correct, and a start that leaves one out gets
 * the model's.
 */
public record DirectiveRecord(
    String documentType,
    String issuingBody,
    String signer,
    String summary,
    String urgency,
    String secrecy) {

  /** The start event's property for each variable, with its Vietnamese label and longest length. */
  enum Field {
    TYPE(DOCUMENT_TYPE, "loaiVanBan", "Loại văn bản", 100),
    ISSUER(ISSUING_BODY, "coQuanBanHanh", "Cơ quan ban hành", 300),
    SIGNED_BY(SIGNER, "nguoiKy", "Người ký", 200),
    ABOUT(SUMMARY, "trichYeu", "Trích yếu", 1000),
    URGENT(URGENCY, "doKhan", "Độ khẩn", 20),
    SECRET(SECRECY, "doMat", "Độ mật", 20);

    final String variable;
    final String property;
    final String label;
    final int maxLength;

    Field(String variable, String property, String label, int maxLength) {
      this.variable = variable;
      this.property = property;
      this.label = label;
      this.maxLength = maxLength;
    }
  }

  public static final List<String> URGENCIES = List.of("Thường", "Khẩn", "Thượng khẩn", "Hỏa tốc");
  public static final List<String> SECRECIES = List.of("Thường", "Mật", "Tối mật", "Tuyệt mật");

  static final DirectiveRecord NONE = new DirectiveRecord(null, null, null, null, null, null);

  /** What a start event's properties name (absent ones null). */
  static DirectiveRecord of(Map<String, String> properties) {
    Map<Field, String> values = new LinkedHashMap<>();
    for (Field field : Field.values()) {
      String value = properties.get(field.property);
      values.put(field, value == null || value.isBlank() ? null : value.trim());
    }
    return from(values);
  }

  private static DirectiveRecord from(Map<Field, String> values) {
    return new DirectiveRecord(
        values.get(Field.TYPE),
        values.get(Field.ISSUER),
        values.get(Field.SIGNED_BY),
        values.get(Field.ABOUT),
        values.get(Field.URGENT),
        values.get(Field.SECRET));
  }

  private String value(Field field) {
    return switch (field) {
      case TYPE -> documentType;
      case ISSUER -> issuingBody;
      case SIGNED_BY -> signer;
      case ABOUT -> summary;
      case URGENT -> urgency;
      case SECRET -> secrecy;
    };
  }

  /**
   * The record a start gives, checked: each value as given (trimmed), else the model's ({@code
   * this}); độ khẩn and độ mật default to "Thường". Written back to the instance, so that every
   * started directive carries the whole record. Refused: a value that is not text, too long, or not
   * one of the listed degrees.
   */
  DirectiveRecord started(VariableScope vars) {
    Map<Field, String> values = new LinkedHashMap<>();
    for (Field field : Field.values()) {
      Object given = vars.getVariable(field.variable);
      String value;
      if (given == null || given instanceof String s && s.isBlank()) {
        value = value(field);
      } else if (given instanceof String s) {
        value = s.trim();
      } else {
        throw new InvalidInputException(
            field.label + " (" + field.variable + ") phải là chữ, không phải " + given);
      }
      if (value != null && value.length() > field.maxLength) {
        throw new InvalidInputException(
            field.label
                + " ("
                + field.variable
                + ") dài "
                + value.length()
                + " ký tự, tối đa "
                + field.maxLength);
      }
      values.put(field, value);
    }
    values.merge(Field.URGENT, URGENCIES.get(0), (given, normal) -> given);
    values.merge(Field.SECRET, SECRECIES.get(0), (given, normal) -> given);
    oneOf(Field.URGENT, values.get(Field.URGENT), URGENCIES);
    oneOf(Field.SECRET, values.get(Field.SECRET), SECRECIES);
    values.forEach(
        (field, value) -> {
          if (value != null && !value.equals(vars.getVariable(field.variable))) {
            vars.setVariable(field.variable, value);
          }
        });
    return from(values);
  }

  private static void oneOf(Field field, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new InvalidInputException(
          field.label
              + " ("
              + field.variable
              + ") \""
              + value
              + "\" không có trong các mức: "
              + String.join(", ", allowed));
    }
  }
}
