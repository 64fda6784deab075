package vn.danvan.input;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A model file being checked, before it is deployed or on request: its name, the model and the
 * issue date its deadlines are read against (the start event's {@code ngayBanHanh}, else the one
 * the administrator gives, else null: the checks then read them against today).
 */
public record ModelUnderCheck(String file, BpmnModelInstance model, LocalDate issued) {

  /** The start event's property that holds the directive's issue date (yyyy-MM-dd). */
  public static final String ISSUED_PROPERTY = "ngayBanHanh";

  /** A start event's properties ({@code camunda:property}), name → value. */
  public static Map<String, String> properties(StartEvent start) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = start.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties list : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty p : list.getCamundaProperties()) {
          properties.put(p.getCamundaName(), p.getCamundaValue());
        }
      }
    }
    return properties;
  }

  /**
   * Whether an input is an expression, read only when the model runs ({@code ${…}}, {@code #{…}}).
   */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * The inputs a call activity gives its block as fixed text ({@code <camunda:in
   * sourceExpression="…" target="…"/>} without an expression), target → text, in order.
   */
  public static Map<String, String> fixedInputs(CallActivity call) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (CamundaIn in : ins(call)) {
      String text = in.getCamundaSourceExpression();
      if (in.getCamundaTarget() != null && text != null && !isExpression(text)) {
        inputs.put(in.getCamundaTarget(), text);
      }
    }
    return inputs;
  }

  /**
   * Whether a call activity gives its block the input {@code target} in any way: a text, an
   * expression, a variable, or all its variables ({@code variables="all"}); a blank text is none.
   */
  public static boolean gives(CallActivity call, String target) {
    for (CamundaIn in : ins(call)) {
      if ("all".equals(in.getCamundaVariables())) {
        return true;
      }
      if (target.equals(in.getCamundaTarget())) {
        String text = in.getCamundaSourceExpression();
        return in.getCamundaSource() != null || text != null && !text.isBlank();
      }
    }
    return false;
  }

  /** The {@code camunda:in} elements of a call activity. */
  public static java.util.List<CamundaIn> ins(CallActivity call) {
    ExtensionElements extensions = call.getExtensionElements();
    return extensions == null
        ? java.util.List.of()
        : extensions.getElementsQuery().filterByType(CamundaIn.class).list();
  }
}
