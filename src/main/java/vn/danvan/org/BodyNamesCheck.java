package vn.danvan.org;

import static vn.danvan.variable.SharedVariables.BODY_TYPE;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.DeadlinePhraseCheck;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.DeployedModelCheck;
import vn.danvan.input.Inputs;
import vn.danvan.input.ModelFindings;
import vn.danvan.input.ModelUnderCheck;
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
 * <p>A body that takes the work but not on the dates concerned is a warning: ended, its work going
 * to its heir ("đã chuyển thành …"); in force today but ending before the item's last date (its
 * deadline, its end date); or in the registry only from a day after it, or after today. The item's
 * dates are read against the directive's issue date ({@link DeadlinePhraseCheck#lastDay}).
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

  /** Each fixed body that cannot receive work, or not on the item's dates. */
  @Override
  public void check(ModelUnderCheck model, ModelFindings findings) {
    LocalDate today = deadlines.today();
    LocalDate from = model.issued() != null ? model.issued() : today;
    for (CamundaIn in : model.model().getModelElementsByType(CamundaIn.class)) {
      if (in.getCamundaTarget() != null && in.getCamundaSourceExpression() != null) {
        check(in, in.getCamundaTarget(), in.getCamundaSourceExpression(), today, from, findings);
      }
    }
    for (CamundaInputParameter parameter :
        model.model().getModelElementsByType(CamundaInputParameter.class)) {
      if (parameter.getCamundaName() != null && parameter.getTextContent() != null) {
        check(
            parameter,
            parameter.getCamundaName(),
            parameter.getTextContent(),
            today,
            from,
            findings);
      }
    }
  }

  private void check(
      ModelElementInstance where,
      String field,
      String value,
      LocalDate today,
      LocalDate from,
      ModelFindings findings) {
    if (BODY_TYPE.equals(field) && !value.contains("{")) {
      String type = value.trim();
      if (registry.bodyTypes().stream().noneMatch(t -> t.id().equals(type))) {
        findings.error(
            where,
            field,
            "loại đơn vị \"" + type + "\" không có trong sổ đăng ký tổ chức (bodyTypes)");
      }
      return;
    }
    if (!BodyMoves.BODY_VARIABLE.matcher(field).matches() || value.contains("{")) {
      return; // not a body, or an expression read when the model runs
    }
    LocalDate last = lastDay(where, from);
    for (String id :
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      Body body = registry.body(id).orElse(null);
      if (body == null) {
        findings.error(where, field, "đơn vị \"" + id + "\" không có trong sổ đăng ký tổ chức");
      } else if (body.hasEndedBy(today)) {
        Body heir = registry.heirOn(id, today).orElse(null);
        String ended =
            "đơn vị \"" + id + "\" đã kết thúc hoạt động ngày " + Inputs.day(body.validTo());
        if (heir == null) {
          findings.error(where, field, ended + ", không có đơn vị kế thừa còn hoạt động");
        } else if (registry.endedBodyPolicy() == OrgRegistry.EndedBodyPolicy.REFUSE) {
          findings.error(where, field, ended + ", đơn vị kế thừa: " + named(heir));
        } else {
          findings.warning(
              where,
              field,
              ended + ", đã chuyển thành " + named(heir) + ": việc giao cho " + heir.id());
        }
      } else {
        inForceOnTheDates(where, field, body, today, last, findings);
      }
    }
  }

  /** A body in the registry today, or later: whether it is in force on the item's dates. */
  private void inForceOnTheDates(
      ModelElementInstance where,
      String field,
      Body body,
      LocalDate today,
      LocalDate last,
      ModelFindings findings) {
    String id = "đơn vị \"" + body.id() + "\" ";
    if (body.validFrom() != null && last != null && body.validFrom().isAfter(last)) {
      findings.warning(
          where,
          field,
          id
              + "có trong sổ đăng ký từ ngày "
              + Inputs.day(body.validFrom())
              + ", sau hạn cuối của việc ("
              + Inputs.day(last)
              + ")");
    } else if (body.validFrom() != null && body.validFrom().isAfter(today)) {
      findings.warning(
          where,
          field,
          id + "chưa hoạt động: có trong sổ đăng ký từ ngày " + Inputs.day(body.validFrom()));
    }
    if (body.validTo() != null && last != null && body.validTo().isBefore(last)) {
      Body heir = registry.body(body.successor()).orElse(null);
      findings.warning(
          where,
          field,
          id
              + "kết thúc hoạt động ngày "
              + Inputs.day(body.validTo())
              + ", trước hạn cuối của việc ("
              + Inputs.day(last)
              + ")"
              + (heir == null
                  ? ", chưa có đơn vị kế thừa"
                  : ": sau đó việc chuyển cho " + named(heir)));
    }
  }

  /** The last day the item that names the body gives (its call activity's dates), or null. */
  private static LocalDate lastDay(ModelElementInstance where, LocalDate from) {
    ModelElementInstance current = where;
    while (current != null && !(current instanceof CallActivity)) {
      current = current.getParentElement();
    }
    if (current == null) {
      return null;
    }
    Map<String, String> inputs = ModelUnderCheck.fixedInputs((CallActivity) current);
    return DeadlinePhraseCheck.lastDay(inputs, from).orElse(null);
  }

  private static String named(Body body) {
    return body.name() + " (" + body.id() + ")";
  }
}
