package vn.danvan.org;

import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.input.ModelPlace;

/**
 * The bodies a block is given new work for, checked whatever the client: each of the registry and
 * in force today or, where the registry routes work of ended bodies to their heirs ({@code
 * endedBodyPolicy: successor}), replaced by its heir. A refusal is an {@link InvalidInputException}
 * naming the body, the model element and the field (REST 400).
 */
@Component
public class BodiesInForce {

  private final OrgRegistry registry;
  private final Deadlines deadlines;

  public BodiesInForce(OrgRegistry registry, Deadlines deadlines) {
    this.registry = registry;
    this.deadlines = deadlines;
  }

  /**
   * The body the signed-in person acts for (recorded in {@code personVar}): a person of the
   * registry only for their own body, written to {@code bodyVar} when not given; a start without
   * such a person (the system, an API client of the engine) names a body of the registry.
   *
   * @param refusal the message when the person names another body
   */
  public String ownBody(
      VariableScope vars, String personVar, String bodyVar, String label, String refusal) {
    // the signed-in person as the engine knows them, never a variable a client could send
    CommandContext command = Context.getCommandContext();
    String personId = command == null ? null : command.getAuthenticatedUserId();
    OrgRegistry.Person person =
        personId == null
            ? null
            : registry.people().stream()
                .filter(p -> p.id().equals(personId))
                .findFirst()
                .orElse(null);
    if (person == null) {
      body(vars, bodyVar, label);
      return (String) vars.getVariable(bodyVar);
    }
    vars.setVariable(personVar, person.id());
    Object given = vars.getVariable(bodyVar);
    if (given != null && !person.body().equals(given)) {
      throw new InvalidInputException(refusal + " (" + person.body() + ") (" + bodyVar + ")");
    }
    String body = admitted(vars, person.body(), bodyVar, label);
    vars.setVariable(bodyVar, body);
    return body;
  }

  /**
   * A body of the registry in force today, written back trimmed; a body that has ended is refused
   * or, where the registry routes such work ({@code endedBodyPolicy: successor}), replaced by its
   * heir.
   */
  public void body(VariableScope vars, String name, String label) {
    String id = Inputs.text(vars, name, label);
    String admitted = admitted(vars, id, name, label);
    if (!admitted.equals(vars.getVariable(name))) {
      vars.setVariable(name, admitted);
    }
  }

  /**
   * A list of bodies given as text ("a, b, c") that a block hands on to later steps ({@code
   * reportingBodies}): each admitted as {@link #body} does, the text rewritten when one goes to its
   * heir. Absent or empty: nothing to check.
   */
  public void bodyList(VariableScope vars, String name, String label) {
    if (!(vars.getVariable(name) instanceof String text) || text.isBlank()) {
      return;
    }
    List<String> given =
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<String> admitted =
        given.stream().map(id -> admitted(vars, id, name, label)).distinct().toList();
    if (!admitted.equals(given)) {
      vars.setVariable(name, String.join(", ", admitted));
    }
  }

  /**
   * The body that receives new work named {@code id} in the field {@code field}: the body itself
   * while in force, its heir where the registry routes work of ended bodies; otherwise a refusal
   * naming the body, the model element and the field.
   */
  public String admitted(VariableScope vars, String id, String field, String label) {
    OrgRegistry.Body body = registry.body(id).orElse(null);
    if (body == null) {
      throw new InvalidInputException(
          label
              + " \""
              + id
              + "\" không có trong sổ đăng ký tổ chức ("
              + ModelPlace.of(vars, field)
              + ")");
    }
    LocalDate today = deadlines.today();
    if (body.isValidOn(today)) {
      return id;
    }
    String named = label + " \"" + id + "\" (" + body.name() + ")";
    if (!body.hasEndedBy(today)) {
      throw new InvalidInputException(
          named
              + " chỉ hoạt động từ "
              + Inputs.day(body.validFrom())
              + ": chưa giao việc được ("
              + ModelPlace.of(vars, field)
              + ")");
    }
    OrgRegistry.Body heir = registry.heirOn(id, today).orElse(null);
    if (heir != null && registry.endedBodyPolicy() == OrgRegistry.EndedBodyPolicy.SUCCESSOR) {
      return heir.id();
    }
    throw new InvalidInputException(
        named
            + " đã kết thúc hoạt động ngày "
            + Inputs.day(body.validTo())
            + ", "
            + (heir == null
                ? "không có đơn vị kế thừa còn hoạt động"
                : "đơn vị kế thừa: " + heir.name() + " (" + heir.id() + ")")
            + ": không giao việc mới cho đơn vị đã kết thúc ("
            + ModelPlace.of(vars, field)
            + ")");
  }

  /**
   * The bodies a piece of work goes to: {@code bodies} (ids separated by commas, a list, a JSON
   * array) or {@code bodyType} (every body of that type valid today); each one in the registry,
   * none twice.
   */
  public List<String> bodies(VariableScope vars) {
    Object type = vars.getVariable(BODY_TYPE);
    List<String> ids;
    if (type instanceof String t && !t.isBlank()) {
      LocalDate today = deadlines.today();
      if (registry.bodyTypes().stream().noneMatch(bt -> bt.id().equals(t.trim()))) {
        throw new InvalidInputException(
            "Không có đơn vị nào thuộc loại \""
                + t
                + "\": loại này"
                + " không có trong sổ đăng ký tổ chức ("
                + ModelPlace.of(vars, BODY_TYPE)
                + ")");
      }
      ids =
          registry.bodies().stream()
              .filter(b -> b.type().equals(t.trim()) && b.isValidOn(today))
              .map(OrgRegistry.Body::id)
              .toList();
      if (ids.isEmpty()) {
        throw new InvalidInputException(
            "Không có đơn vị nào thuộc loại \"" + t + "\" còn hoạt động (bodyType)");
      }
      return ids;
    }
    Object given = vars.getVariable(BODIES);
    if (given instanceof SpinJsonNode json && json.isArray()) {
      ids = json.elements().stream().map(SpinJsonNode::stringValue).toList();
    } else if (given instanceof Collection<?> list) {
      ids = list.stream().map(String::valueOf).map(String::trim).toList();
    } else {
      ids =
          given instanceof String s
              ? Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList()
              : List.of();
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException(
          "Danh sách đơn vị thực hiện là bắt buộc: bodies (mã, cách nhau dấu phẩy) hoặc bodyType");
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new InvalidInputException("Danh sách đơn vị có mã trùng (bodies)");
    }
    // two ended bodies with one heir: the heir gets the work once
    return ids.stream().map(id -> admitted(vars, id, BODIES, "Đơn vị")).distinct().toList();
  }
}
