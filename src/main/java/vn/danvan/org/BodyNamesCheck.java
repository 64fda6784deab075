package vn.danvan.org;

import static vn.danvan.variable.SharedVariables.BODY_TYPE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.DeployedModelCheck;
import vn.danvan.input.Inputs;
import vn.danvan.org.OrgRegistry.Body;

/**
 * A model an administrator deploys (Camunda Modeler, {@code POST /engine-rest/deployment/create})
 * may name bodies as fixed values: a call activity's {@code camunda:in sourceExpression="soNoiVu"
 * target="leadBody"}, an input parameter {@code monitorBody}. Every such body must be in the
 * registry, and in force, or, where the registry routes work of ended bodies to their heirs ({@code
 * endedBodyPolicy: successor}), have one; a type of body ({@code bodyType}) must be one of the
 * registry's. Otherwise the deployment is refused (REST 400) with every place named: file, element,
 * field, body.
 *
 * <p>The product's own models ({@code danvan-models}, deployed at start-up) are the samples of the
 * demo province: they are checked when they are started, not deployed, so that a province with its
 * own registry still starts.
 */
@Component
class BodyNamesCheck extends DeployedModelCheck {

  private final OrgRegistry registry;
  private final Deadlines deadlines;

  BodyNamesCheck(OrgRegistry registry, Deadlines deadlines) {
    this.registry = registry;
    this.deadlines = deadlines;
  }

  @Override
  protected String refusal(List<String> problems) {
    return "Mô hình nêu đơn vị hoặc loại đơn vị không nhận được việc mới: "
        + String.join("; ", problems);
  }

  /** Each fixed body that cannot receive work, with the file, element and field. */
  @Override
  protected List<String> problems(String file, BpmnModelInstance model) {
    List<String> found = new ArrayList<>();
    for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
      if (in.getCamundaTarget() != null && in.getCamundaSourceExpression() != null) {
        check(file, in, in.getCamundaTarget(), in.getCamundaSourceExpression(), found);
      }
    }
    for (CamundaInputParameter parameter :
        model.getModelElementsByType(CamundaInputParameter.class)) {
      if (parameter.getCamundaName() != null && parameter.getTextContent() != null) {
        check(file, parameter, parameter.getCamundaName(), parameter.getTextContent(), found);
      }
    }
    return found;
  }

  private void check(
      String file, ModelElementInstance where, String field, String value, List<String> found) {
    if (BODY_TYPE.equals(field) && !value.contains("{")) {
      String type = value.trim();
      if (registry.bodyTypes().stream().noneMatch(t -> t.id().equals(type))) {
        found.add(
            file
                + ", phần tử "
                + element(where)
                + ", trường "
                + field
                + ": loại đơn vị \""
                + type
                + "\" không có trong sổ đăng ký tổ chức (bodyTypes)");
      }
      return;
    }
    if (!BodyMoves.BODY_VARIABLE.matcher(field).matches() || value.contains("{")) {
      return; // not a body, or an expression read when the model runs
    }
    LocalDate today = deadlines.today();
    for (String id :
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      Body body = registry.body(id).orElse(null);
      String reason = null;
      if (body == null) {
        reason = "không có trong sổ đăng ký tổ chức";
      } else if (body.hasEndedBy(today)) {
        Body heir = registry.heirOn(id, today).orElse(null);
        if (heir == null || registry.endedBodyPolicy() == OrgRegistry.EndedBodyPolicy.REFUSE) {
          reason =
              "đã kết thúc hoạt động ngày "
                  + Inputs.day(body.validTo())
                  + (heir == null
                      ? ", không có đơn vị kế thừa còn hoạt động"
                      : ", đơn vị kế thừa: " + heir.name() + " (" + heir.id() + ")");
        }
      }
      if (reason != null) {
        found.add(
            file
                + ", phần tử "
                + element(where)
                + ", trường "
                + field
                + ": đơn vị \""
                + id
                + "\" "
                + reason);
      }
    }
  }

  /** The nearest element with an id (the call activity of a {@code camunda:in}). */
  private static String element(ModelElementInstance where) {
    ModelElementInstance current = where;
    while (current != null && !(current instanceof BaseElement base && base.getId() != null)) {
      current = current.getParentElement();
    }
    if (current == null) {
      return "?";
    }
    BaseElement base = (BaseElement) current;
    String name = base.getAttributeValue("name");
    return base.getId() + (name == null ? "" : " \"" + name + "\"");
  }
}
