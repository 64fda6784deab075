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
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import vn.danvan.org.TemplateBodies;

/**
 * Checks that call activities which call a block were made with its element template and fill the
 * template's required fields, as Camunda Modeler would insist; and that user tasks made with a task
 * template ({@code appliesTo} bpmn:UserTask) still hold its fixed values.
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
        problems.add(
            where
                + "gọi khối "
                + call.getCalledElement()
                + " nhưng không dùng mẫu "
                + block.get("id").asText());
        continue;
      }
      Map<String, String> ins = new HashMap<>();
      for (CamundaIn in :
          call.getExtensionElements() == null
              ? List.<CamundaIn>of()
              : call.getExtensionElements()
                  .getElementsQuery()
                  .filterByType(CamundaIn.class)
                  .list()) {
        if (in.getCamundaTarget() != null) {
          ins.put(
              in.getCamundaTarget(),
              in.getCamundaSourceExpression() != null
                  ? in.getCamundaSourceExpression()
                  : in.getCamundaSource());
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
          problems.add(
              where + "thiếu \"" + property.path("label").asText(target) + "\" (" + target + ")");
        } else if (value != null
            && constraints.has("pattern")
            && !value.matches(constraints.get("pattern").get("value").asText())) {
          problems.add(
              where
                  + "\""
                  + value
                  + "\" không đúng dạng: "
                  + constraints.get("pattern").get("message").asText());
        } else if (value != null && !value.contains("${") && !isChoice(property, value)) {
          problems.add(
              where
                  + "\""
                  + value
                  + "\" không có trong danh sách chọn của \""
                  + property.path("label").asText(target)
                  + "\" ("
                  + target
                  + ")");
        }
      }
    }
    return problems;
  }

  /**
   * Whether a value is one of a dropdown's choices; any value fits a field without choices, and a
   * body field (its choices are the bodies in force today) may name a body that has ended since the
   * model was made: the registry hands its work to its successor when the model runs.
   */
  private static boolean isChoice(JsonNode property, String value) {
    if (!"Dropdown".equals(property.path("type").asText())
        || TemplateBodies.namesOneBody(property.path("binding").path("target").asText())) {
      return true;
    }
    for (JsonNode choice : property.path("choices")) {
      if (choice.path("value").asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Problems of one model's user tasks, each naming the task: a task that calls one of a task
   * template's listeners ({@code listeners}: template id → delegate expression) must use that
   * template, and every task made with a task template must hold its hidden values.
   */
  public List<String> checkTasks(Path bpmn, Map<String, String> listeners) {
    BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = bpmn.getFileName() + " " + task.getId() + ": ";
      String used = task.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
      List<String> delegates =
          task.getExtensionElements() == null
              ? List.of()
              : task
                  .getExtensionElements()
                  .getElementsQuery()
                  .filterByType(CamundaTaskListener.class)
                  .list()
                  .stream()
                  .map(CamundaTaskListener::getCamundaDelegateExpression)
                  .toList();
      listeners.forEach(
          (template, delegate) -> {
            if (delegates.contains(delegate) && !template.equals(used)) {
              problems.add(where + "gọi " + delegate + " nhưng không dùng mẫu " + template);
            }
          });
      JsonNode template = used == null ? null : templatesById.get(used);
      if (template == null) {
        continue;
      }
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.get("binding");
        if (!"Hidden".equals(property.path("type").asText())
            || !"property".equals(binding.path("type").asText())) {
          continue;
        }
        String name = binding.get("name").asText();
        String value =
            name.startsWith("camunda:")
                ? task.getAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()))
                : task.getAttributeValue(name);
        if (!property.get("value").asText().equals(value)) {
          problems.add(
              where
                  + name
                  + " là \""
                  + value
                  + "\", mẫu "
                  + used
                  + " cần \""
                  + property.get("value").asText()
                  + "\"");
        }
      }
    }
    return problems;
  }
}
