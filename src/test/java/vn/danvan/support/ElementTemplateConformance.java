package vn.danvan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

/**
 * Checks that call activities which call a block were made with its element template and fill
 * the template's required fields, as Camunda Modeler would insist.
 */
public final class ElementTemplateConformance {

  /** Camunda's modeler namespace for camunda:modelerTemplate. */
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final Map<String, JsonNode> templatesById = new HashMap<>();
  private final Map<String, JsonNode> templatesByCalledElement = new HashMap<>();

  public ElementTemplateConformance(Path templateDir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(templateDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode root = json.readTree(file.toFile());
        for (JsonNode template : root.isArray() ? root : json.createArrayNode().add(root)) {
          templatesById.put(template.get("id").asText(), template);
          for (JsonNode property : template.get("properties")) {
            JsonNode binding = property.get("binding");
            if ("property".equals(binding.path("type").asText())
                && "calledElement".equals(binding.path("name").asText())) {
              templatesByCalledElement.put(property.get("value").asText(), template);
            }
          }
        }
      }
    }
  }

  public Map<String, JsonNode> templates() {
    return templatesById;
  }

  /** Problems of one model, each naming the call activity; empty when it conforms. */
  public List<String> check(Path bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
    List<String> problems = new ArrayList<>();
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      JsonNode block = templatesByCalledElement.get(call.getCalledElement());
      if (block == null) {
        continue;
      }
      String where = bpmn.getFileName() + " " + call.getId() + ": ";
      String used = call.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
      if (!block.get("id").asText().equals(used)) {
        problems.add(where + "gọi khối " + call.getCalledElement()
            + " nhưng không dùng mẫu " + block.get("id").asText());
        continue;
      }
      Map<String, String> ins = new HashMap<>();
      for (CamundaIn in : call.getExtensionElements() == null ? List.<CamundaIn>of()
          : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
        if (in.getCamundaTarget() != null) {
          ins.put(in.getCamundaTarget(), in.getCamundaSourceExpression() != null
              ? in.getCamundaSourceExpression() : in.getCamundaSource());
        }
      }
      for (JsonNode property : block.get("properties")) {
        JsonNode binding = property.get("binding");
        if (!"camunda:in".equals(binding.path("type").asText())) {
          continue;
        }
        String target = binding.get("target").asText();
        String value = ins.get(target);
        JsonNode constraints = property.path("constraints");
        if (constraints.path("notEmpty").asBoolean() && (value == null || value.isBlank())) {
          problems.add(where + "thiếu \"" + property.path("label").asText(target) + "\" (" + target
              + ")");
        } else if (value != null && constraints.has("pattern")
            && !value.matches(constraints.get("pattern").get("value").asText())) {
          problems.add(where + "\"" + value + "\" không đúng dạng: "
              + constraints.get("pattern").get("message").asText());
        }
      }
    }
    return problems;
  }
}
