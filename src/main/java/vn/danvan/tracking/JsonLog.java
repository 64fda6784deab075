package vn.danvan.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * An append-only list of events kept in one variable as a JSON array (readable in Cockpit and in
 * the history): chases, returns, deadline changes. A String while it fits one (4,000 characters),
 * then a JSON value, stored as bytes: a body chased every week for years outgrows a String.
 */
public final class JsonLog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

  /** The longest String variable the engine stores. */
  private static final int STRING_LIMIT = 4000;

  private JsonLog() {}

  static List<Map<String, Object>> read(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof SpinJsonNode json) {
      value = json.toString();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return new ArrayList<>();
    }
    try {
      return JSON.readValue(text, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Biến " + name + " không phải danh sách JSON", e);
    }
  }

  /** Appends an entry (key, value, key, value…) and returns the new size. */
  public static int append(VariableScope scope, String name, Object... keyValues) {
    List<Map<String, Object>> entries = read(scope, name);
    Map<String, Object> entry = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      entry.put((String) keyValues[i], keyValues[i + 1]);
    }
    entries.add(entry);
    try {
      String text = JSON.writeValueAsString(entries);
      scope.setVariable(
          name, text.length() <= STRING_LIMIT ? text : SpinValues.jsonValue(text).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return entries.size();
  }
}
