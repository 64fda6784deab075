package vn.danvan.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.core.io.ClassPathResource;

/**
 * The element templates Camunda Modeler applies ({@code .camunda/element-templates}, shipped on the
 * class path under {@code element-templates/}), applied to a model element as the Modeler does: the
 * template's id and version, then every binding with the value given for it (by its target or name)
 * or else the template's own value; a binding with neither is left out.
 */
final class ElementTemplates {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String FOLDER = "element-templates/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElementTemplates() {}

  /** The template of that file ({@code giao-nhiem-vu.json}): the first of the file's list. */
  static JsonNode read(String file) {
    try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
      JsonNode root = JSON.readTree(in);
      return root.isArray() ? root.get(0) : root;
    } catch (IOException e) {
      throw new UncheckedIOException("Không đọc được mẫu phần tử " + file, e);
    }
  }

  /** The key a binding's value is given by: its target (camunda:in/out) or its name. */
  static String key(JsonNode binding) {
    return binding.hasNonNull("target")
        ? binding.get("target").asText()
        : binding.path("name").asText(binding.path("type").asText());
  }

  /**
   * Applies {@code template} to {@code element}: {@code values} by binding key (a null or empty
   * value: the template's own, if any).
   */
  static void apply(BaseElement element, JsonNode template, Map<String, String> values) {
    element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", template.get("id").asText());
    element.setAttributeValueNs(
        CAMUNDA_NS, "modelerTemplateVersion", template.get("version").asText());
    BpmnModelInstance model = (BpmnModelInstance) element.getModelInstance();
    CamundaProperties properties = null;
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      String given = values.get(key(binding));
      String value =
          given != null && !given.isBlank() ? given : property.path("value").asText(null);
      if (value == null || value.isEmpty()) {
        continue;
      }
      switch (binding.get("type").asText()) {
        case "property" -> {
          String name = binding.get("name").asText();
          if (name.startsWith("camunda:")) {
            element.setAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()), value);
          } else {
            element.setAttributeValue(name, value);
          }
        }
        case "camunda:in:businessKey" -> {
          CamundaIn in = model.newInstance(CamundaIn.class);
          in.setCamundaBusinessKey(value);
          extensions(element).addChildElement(in);
        }
        case "camunda:in" -> {
          CamundaIn in = model.newInstance(CamundaIn.class);
          if (binding.path("expression").asBoolean()) {
            in.setCamundaSourceExpression(value);
          } else {
            in.setCamundaSource(value);
          }
          in.setCamundaTarget(binding.get("target").asText());
          extensions(element).addChildElement(in);
        }
        case "camunda:out" -> {
          CamundaOut out = model.newInstance(CamundaOut.class);
          out.setCamundaSource(binding.get("source").asText());
          out.setCamundaTarget(value);
          extensions(element).addChildElement(out);
        }
        case "camunda:property" -> {
          if (properties == null) {
            properties = model.newInstance(CamundaProperties.class);
            extensions(element).addChildElement(properties);
          }
          CamundaProperty entry = model.newInstance(CamundaProperty.class);
          entry.setCamundaName(binding.get("name").asText());
          entry.setCamundaValue(value);
          properties.addChildElement(entry);
        }
        case "camunda:executionListener" -> {
          CamundaExecutionListener listener = model.newInstance(CamundaExecutionListener.class);
          listener.setCamundaEvent(binding.get("event").asText());
          switch (binding.path("implementationType").asText("class")) {
            case "delegateExpression" -> listener.setCamundaDelegateExpression(value);
            case "expression" -> listener.setCamundaExpression(value);
            default -> listener.setCamundaClass(value);
          }
          extensions(element).addChildElement(listener);
        }
        default ->
            throw new IllegalStateException(
                "Mẫu " + template.get("id").asText() + ": không áp dụng được " + binding);
      }
    }
  }

  private static ExtensionElements extensions(BaseElement element) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      extensions = element.getModelInstance().newInstance(ExtensionElements.class);
      element.setExtensionElements(extensions);
    }
    return extensions;
  }
}
