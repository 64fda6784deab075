package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulCommon.JSON;
import static vn.danvan.skilful.SkilfulCommon.MODEL_PROCESS;
import static vn.danvan.skilful.SkilfulCommon.at;
import static vn.danvan.skilful.SkilfulCommon.json;
import static vn.danvan.skilful.SkilfulVariables.COMMENDING_BODY;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_CYCLE;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_DUES;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_INDEX;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_YEAR;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREAS;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA_CHOICES;
import static vn.danvan.skilful.SkilfulVariables.ORGANISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.PER_FOCUS_AREA;
import static vn.danvan.skilful.SkilfulVariables.RECOGNISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.YEARS_RECOGNISED;
import static vn.danvan.variable.SharedVariables.END_DATE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;

/**
 * A directive's "Dân vận khéo" movement for a period ({@code skilfulFocus}): the focus areas (lĩnh
 * vực trọng tâm) it names, offered to every model registered while it runs; the contests (Hội thi)
 * on their cycle, for all areas or one per focus area; exemplary models commended by the body the
 * directive names (e.g. Ủy ban nhân dân).
 */
@Component("skilfulFocus")
public class SkilfulFocus {

  static final String FOCUS_PROCESS = "skilfulFocus";

  /** A model outside the directive's focus areas. */
  public static final String OTHER_AREA = "Lĩnh vực khác";

  static final int MAX_AREAS = 20;
  static final int MAX_AREA_LENGTH = 200;

  private final BodiesInForce inForce;
  private final Deadlines deadlines;

  public SkilfulFocus(BodiesInForce inForce, Deadlines deadlines) {
    this.inForce = inForce;
    this.deadlines = deadlines;
  }

  /**
   * The focus areas as written in a model: separated by semicolons ("Bảo vệ môi trường; Vệ sinh an
   * toàn thực phẩm"), at least one, none repeated.
   *
   * @throws InvalidInputException naming the field ({@code focusAreas}) and the fault
   */
  public static List<String> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "Chưa nêu lĩnh vực trọng tâm nào (focusAreas): ghi các lĩnh vực cách nhau dấu chấm phẩy");
    }
    Set<String> areas = new LinkedHashSet<>();
    for (String part : text.split(";", -1)) {
      String area = part.trim().replaceAll("\\s+", " ");
      if (area.isEmpty()) {
        throw new InvalidInputException(
            "Lĩnh vực trọng tâm \"" + text.trim() + "\" có một mục trống (focusAreas)");
      }
      if (area.length() > MAX_AREA_LENGTH) {
        throw new InvalidInputException(
            "Lĩnh vực trọng tâm \""
                + area.substring(0, 40)
                + "…\" dài "
                + area.length()
                + " ký tự, tối đa "
                + MAX_AREA_LENGTH
                + " (focusAreas)");
      }
      if (area.equalsIgnoreCase(OTHER_AREA)) {
        throw new InvalidInputException(
            "\"" + OTHER_AREA + "\" không phải lĩnh vực trọng tâm (focusAreas)");
      }
      if (!areas.add(area)) {
        throw new InvalidInputException(
            "Lĩnh vực trọng tâm \"" + area + "\" được ghi hai lần (focusAreas)");
      }
    }
    if (areas.size() > MAX_AREAS) {
      throw new InvalidInputException(
          "Có " + areas.size() + " lĩnh vực trọng tâm, tối đa " + MAX_AREAS + " (focusAreas)");
    }
    return List.copyOf(areas);
  }

  /**
   * Start of the movement: its focus areas, the body that commends exemplary models, the contest
   * organiser and the contests' cycle from the issue date to {@code endDate}.
   */
  public void started(DelegateExecution execution) {
    Object given = execution.getVariable(FOCUS_AREAS);
    List<String> areas = parse(given instanceof String s ? s : null);
    execution.setVariable(
        FOCUS_AREAS, SpinValues.jsonValue(JSON.valueToTree(areas).toString()).create());
    inForce.body(execution, COMMENDING_BODY, "Đơn vị khen thưởng");
    inForce.body(execution, ORGANISING_BODY, "Đơn vị tổ chức hội thi");
    String cycle = Inputs.text(execution, CONTEST_CYCLE, "Kỳ hội thi");
    SkilfulCommon.Cycle contests =
        SkilfulCommon.cycle(
            deadlines, execution, cycle, "Kỳ hội thi", "phải là một chu kỳ", CONTEST_CYCLE);
    execution.setVariable(CONTEST_DUES, SpinValues.jsonValue(contests.dues().toString()).create());
    execution.setVariable(CONTEST_INDEX, 0);
    execution.setVariable(
        PER_FOCUS_AREA,
        Inputs.flag(execution, PER_FOCUS_AREA, "Hội thi theo từng lĩnh vực trọng tâm", false));
    execution.setVariable(END_DATE, contests.until().toString());
  }

  public boolean hasNextContest(VariableScope vars) {
    return (Integer) vars.getVariable(CONTEST_INDEX) < json(vars, CONTEST_DUES).elements().size();
  }

  /** The day the next contest opens, 8:00. */
  public Date contestAt(VariableScope vars) {
    return at(contestDay(vars));
  }

  private static LocalDate contestDay(VariableScope vars) {
    return LocalDate.parse(
        json(vars, CONTEST_DUES)
            .elements()
            .get((Integer) vars.getVariable(CONTEST_INDEX))
            .stringValue());
  }

  /** The end of the period: registrations no longer see the focus areas after it. */
  public Date periodOverAt(VariableScope vars) {
    return Deadlines.startOf(LocalDate.parse((String) vars.getVariable(END_DATE)).plusDays(1));
  }

  /** The contest of this cycle opens: its year; the next cycle comes after it. */
  public void contestOpened(DelegateExecution execution) {
    execution.setVariable(CONTEST_YEAR, contestDay(execution).getYear());
    execution.setVariable(CONTEST_INDEX, (Integer) execution.getVariable(CONTEST_INDEX) + 1);
  }

  /**
   * The contests of this cycle: one for all areas ({@code ""}), or one per focus area; only those
   * with a recognised model to compete (none: no contest this cycle).
   */
  public List<String> contestAreas(DelegateExecution execution) {
    List<String> wanted = new ArrayList<>();
    if ((Boolean) execution.getVariable(PER_FOCUS_AREA)) {
      json(execution, FOCUS_AREAS).elements().forEach(a -> wanted.add(a.stringValue()));
    } else {
      wanted.add("");
    }
    return wanted.stream()
        .filter(area -> recognisedModels(execution.getProcessEngineServices(), area) > 0)
        .toList();
  }

  static long recognisedModels(ProcessEngineServices engine, String area) {
    var query =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(MODEL_PROCESS)
            .variableValueGreaterThan(YEARS_RECOGNISED, 0);
    if (area != null && !area.isBlank()) {
      query.variableValueEquals(FOCUS_AREA, area);
    }
    return query.count();
  }

  /** The contest's name: its year and, per area, the area. */
  public String contestName(VariableScope vars) {
    Object area = vars.getVariable(FOCUS_AREA);
    return "Hội thi \"Dân vận khéo\" năm "
        + vars.getVariable(CONTEST_YEAR)
        + (area instanceof String a && !a.isBlank() ? " – lĩnh vực " + a : "");
  }

  // ---- registration of a model (skilfulModel) while movements run

  /**
   * At registration: the focus areas of the movements running now become the registrant's choices,
   * and the first movement's commending body commends the model. A focus area given already is
   * checked against them.
   */
  void offer(DelegateExecution execution) {
    List<String> areas = new ArrayList<>();
    String commending = null;
    for (ProcessInstance movement :
        execution
            .getProcessEngineServices()
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(FOCUS_PROCESS)
            .active()
            .orderByProcessInstanceId()
            .asc()
            .list()) {
      Object list =
          execution
              .getProcessEngineServices()
              .getRuntimeService()
              .getVariable(movement.getId(), FOCUS_AREAS);
      if (list instanceof SpinJsonNode node) {
        node.elements().stream()
            .map(SpinJsonNode::stringValue)
            .filter(a -> !areas.contains(a))
            .forEach(areas::add);
        if (commending == null) {
          commending =
              (String)
                  execution
                      .getProcessEngineServices()
                      .getRuntimeService()
                      .getVariable(movement.getId(), COMMENDING_BODY);
        }
      }
    }
    if (areas.isEmpty()) {
      execution.removeVariable(FOCUS_AREA);
      return;
    }
    areas.add(OTHER_AREA);
    ArrayNode choices = JSON.createArrayNode();
    areas.forEach(a -> choices.addObject().put("label", a).put("value", a));
    execution.setVariable(FOCUS_AREA_CHOICES, SpinValues.jsonValue(choices.toString()).create());
    execution.setVariable(RECOGNISING_BODY, commending);
    if (execution.getVariable(FOCUS_AREA) != null) {
      check(execution);
    }
  }

  /** Whether the registrant still has to choose the model's focus area. */
  public boolean mustChoose(VariableScope vars) {
    return vars.getVariable(FOCUS_AREA_CHOICES) != null && vars.getVariable(FOCUS_AREA) == null;
  }

  /** The registrant's choice: one of the offered areas. */
  public void chosen(DelegateTask task) {
    check(task);
  }

  private static void check(VariableScope vars) {
    Object area = vars.getVariable(FOCUS_AREA);
    List<String> offered =
        json(vars, FOCUS_AREA_CHOICES).elements().stream()
            .map(c -> c.prop("value").stringValue())
            .toList();
    if (!(area instanceof String a) || !offered.contains(a)) {
      throw new InvalidInputException(
          "Lĩnh vực trọng tâm \""
              + (area == null ? "" : area)
              + "\" không có trong danh sách: "
              + String.join("; ", offered)
              + " (focusArea)");
    }
  }
}
