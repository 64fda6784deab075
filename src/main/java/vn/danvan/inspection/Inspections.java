package vn.danvan.inspection;

import static vn.danvan.inspection.InspectionVariables.CORRECTION;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS_REQUIRED;
import static vn.danvan.inspection.InspectionVariables.CORRECTION_DEADLINE;
import static vn.danvan.inspection.InspectionVariables.FINDINGS;
import static vn.danvan.inspection.InspectionVariables.INSPECTED_BODIES;
import static vn.danvan.inspection.InspectionVariables.INSPECTED_BODY;
import static vn.danvan.inspection.InspectionVariables.INSPECTED_BODY_NAMES;
import static vn.danvan.inspection.InspectionVariables.INSPECTING_BODY;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_CONCLUSION;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_DATE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_ROUNDS;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_SCHEDULE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_TEAM;
import static vn.danvan.inspection.InspectionVariables.PLAN_APPROVED;
import static vn.danvan.inspection.InspectionVariables.PLAN_DUE;
import static vn.danvan.inspection.InspectionVariables.ROUND_DUE;
import static vn.danvan.inspection.InspectionVariables.ROUND_LABEL;
import static vn.danvan.variable.SharedVariables.BODY_NAME;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;
import static vn.danvan.variable.SharedVariables.WINDOW_DAYS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.org.OrgRegistry;

/**
 * Inspection and supervision ("kiểm tra, giám sát"): in each round (once, e.g. "quý IV/2026", or
 * every period of a cycle, e.g. "hằng năm" to the end date, opening {@code windowDays}, default
 * {@value #DEFAULT_WINDOW_DAYS}, before the period's due day) the inspecting body plans who
 * inspects the bodies and by when, its leaders approve or return the plan; each inspected body is
 * inspected (findings), the inspecting body's leaders conclude and list the corrections required,
 * each of which the inspected body carries out as an assignment with a deadline that the inspecting
 * body confirms or returns (reminders and chases as every assignment). The round ends when every
 * correction is confirmed.
 */
@Component("inspections")
public class Inspections {

  /** In a cycle, a round opens this many days before its due day ({@code windowDays}). */
  static final int DEFAULT_WINDOW_DAYS = 60;

  /** Days the inspecting body has to draw up its plan once the round opens. */
  static final int PLAN_DAYS = 15;

  /** Days the leaders have to conclude after the inspection date. */
  public static final int CONCLUDE_DAYS = 15;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BodiesInForce inForce;
  private final Deadlines deadlines;
  private final OrgRegistry registry;

  public Inspections(BodiesInForce inForce, Deadlines deadlines, OrgRegistry registry) {
    this.inForce = inForce;
    this.deadlines = deadlines;
    this.registry = registry;
  }

  /**
   * Start: inspectingBody, bodies or bodyType (the inspected), taskContent, deadlinePhrase (one-off
   * or a cycle, read against issuedDate and replayYears), endDate for a cycle, and for the
   * corrections the leader's review and the inspecting body's confirmation (yes/no).
   */
  public void started(DelegateExecution execution) {
    inForce.body(execution, INSPECTING_BODY, "Đơn vị kiểm tra");
    String inspecting = (String) execution.getVariable(INSPECTING_BODY);
    // a body whose work went to the inspecting body (its heir) is not inspected by itself
    List<String> inspected =
        inForce.bodies(execution).stream().filter(b -> !b.equals(inspecting)).toList();
    if (inspected.isEmpty()) {
      throw new InvalidInputException(
          "Không có đơn vị được kiểm tra nào ngoài đơn vị kiểm tra \""
              + inspecting
              + "\" (bodies)");
    }
    Inputs.text(execution, TASK_CONTENT, "Nội dung kiểm tra, giám sát");
    Inputs.flag(execution, LEADER_REVIEW, "Cần lãnh đạo duyệt", true);
    Inputs.flag(execution, CONFIRMATION, "Cần đơn vị theo dõi xác nhận", true);
    String phrase = Inputs.text(execution, DEADLINE_PHRASE, "Thời gian kiểm tra");
    ArrayNode rounds = JSON.createArrayNode();
    Schedule schedule = deadlines.read(execution, phrase);
    if (schedule instanceof Schedule.Once once) {
      rounds
          .addObject()
          .put("label", "đến " + Inputs.day(once.due()))
          .put("opens", once.opens().toString())
          .put("due", once.due().toString());
    } else if (schedule instanceof Schedule.Every cycle) {
      LocalDate from = deadlines.issuedDate(execution);
      LocalDate until = endDate(execution);
      int window =
          Inputs.days(
              execution, WINDOW_DAYS, "Số ngày mở đợt kiểm tra trước hạn", DEFAULT_WINDOW_DAYS);
      for (Schedule.Period p : cycle.periods(from, until)) {
        LocalDate opens = p.due().minusDays(window);
        rounds
            .addObject()
            .put("label", p.label())
            .put("opens", (opens.isBefore(p.start()) ? p.start() : opens).toString())
            .put("due", p.due().toString());
      }
      if (rounds.isEmpty()) {
        throw new InvalidInputException(
            "Không có đợt kiểm tra nào từ "
                + Inputs.day(from)
                + " đến "
                + Inputs.day(until)
                + " (deadlinePhrase, endDate)");
      }
    }
    execution.setVariable(INSPECTED_BODIES, String.join(", ", inspected));
    execution.setVariable(INSPECTED_BODY_NAMES, registry.names(inspected, 20));
    execution.setVariable(INSPECTION_ROUNDS, SpinValues.jsonValue(rounds.toString()).create());
  }

  /** The rounds' positions, one round each ({@code roundIndex}, local to the round). */
  public List<Integer> indexes(VariableScope vars) {
    return IntStream.range(0, rounds(vars).elements().size()).boxed().toList();
  }

  /** A round opens on the first day of its period, at 00:00 in Vietnam. */
  public Date opensAt(VariableScope vars) {
    return Deadlines.startOf(LocalDate.parse(round(vars).prop("opens").stringValue()));
  }

  /** A round is scheduled: its label and last day, and the plan's fields local to the round. */
  public void roundStarted(DelegateExecution execution) {
    SpinJsonNode round = round(execution);
    execution.setVariableLocal(ROUND_LABEL, round.prop("label").stringValue());
    execution.setVariableLocal(ROUND_DUE, round.prop("due").stringValue());
    for (String name :
        List.of(PLAN_DUE, INSPECTION_TEAM, INSPECTION_SCHEDULE, INSPECTION_DATE, PLAN_APPROVED)) {
      execution.setVariableLocal(name, null);
    }
    execution.setVariableLocal(RETURN_REASON, null);
  }

  /**
   * A round opens: the plan is due {@value #PLAN_DAYS} days from today, and no later than the
   * round's last day while that is still ahead.
   */
  public void roundOpened(DelegateExecution execution) {
    LocalDate due = LocalDate.parse((String) execution.getVariable(ROUND_DUE));
    LocalDate today = deadlines.today();
    LocalDate planDue = today.plusDays(PLAN_DAYS);
    if (planDue.isAfter(due) && !today.isAfter(due)) {
      planDue = due;
    }
    execution.setVariable(PLAN_DUE, planDue.toString());
  }

  /**
   * The plan: who inspects, the schedule, and the day the visits end by, from today to the round's
   * last day (any day from today once that day has passed).
   */
  public void planned(VariableScope vars) {
    Inputs.text(vars, INSPECTION_TEAM, "Thành phần đoàn kiểm tra");
    Inputs.text(vars, INSPECTION_SCHEDULE, "Lịch kiểm tra từng đơn vị");
    LocalDate date = Inputs.date(vars, INSPECTION_DATE, "Ngày hoàn thành kiểm tra");
    if (date == null) {
      throw new InvalidInputException("Ngày hoàn thành kiểm tra là bắt buộc (inspectionDate)");
    }
    LocalDate today = deadlines.today();
    if (date.isBefore(today)) {
      throw new InvalidInputException(
          "Ngày hoàn thành kiểm tra " + Inputs.day(date) + " đã qua (inspectionDate)");
    }
    LocalDate due = LocalDate.parse((String) vars.getVariable(ROUND_DUE));
    if (date.isAfter(due) && !today.isAfter(due)) {
      throw new InvalidInputException(
          "Ngày hoàn thành kiểm tra "
              + Inputs.day(date)
              + " sau hạn của đợt kiểm tra "
              + Inputs.day(due)
              + " (inspectionDate)");
    }
    vars.setVariable(INSPECTION_DATE, date.toString());
  }

  /** The leaders approve the plan, or return it with a reason. */
  public void planDecided(VariableScope vars) {
    if (!Inputs.decision(vars, PLAN_APPROVED, "Chưa chọn duyệt hay trả lại kế hoạch")) {
      Inputs.text(vars, RETURN_REASON, "Lý do trả lại kế hoạch");
    }
  }

  /** Whether the leaders approved the plan. */
  public boolean planApproved(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable(PLAN_APPROVED));
  }

  /** The inspected bodies, one inspection each ({@code inspectedBody}, local to it). */
  public List<String> inspectedBodies(VariableScope vars) {
    return split((String) vars.getVariable(INSPECTED_BODIES), ",");
  }

  /** One body's inspection begins: its name, and its findings and conclusion local to it. */
  public void bodyStarted(DelegateExecution execution) {
    execution.setVariableLocal(
        BODY_NAME, registry.name((String) execution.getVariable(INSPECTED_BODY)));
    for (String name :
        List.of(
            FINDINGS,
            INSPECTION_CONCLUSION,
            CORRECTIONS_REQUIRED,
            CORRECTIONS,
            CORRECTION_DEADLINE)) {
      execution.setVariableLocal(name, null);
    }
  }

  /** The findings of the inspection (the minutes; files come with attachments). */
  public void findingsRecorded(VariableScope vars) {
    Inputs.text(vars, FINDINGS, "Kết quả kiểm tra");
  }

  /**
   * The leaders' conclusion and, when corrections are required, the corrections (one a line) and
   * their deadline, after today.
   */
  public void concluded(VariableScope vars) {
    Inputs.text(vars, INSPECTION_CONCLUSION, "Kết luận kiểm tra");
    boolean required = Inputs.flag(vars, CORRECTIONS_REQUIRED, "Có yêu cầu khắc phục", false);
    vars.setVariable(CORRECTIONS_REQUIRED, required);
    if (!required) {
      vars.setVariable(CORRECTIONS, "");
      vars.setVariable(CORRECTION_DEADLINE, "");
      return;
    }
    Object text = vars.getVariable(CORRECTIONS);
    if (!(text instanceof String s) || split(s, "\n").isEmpty()) {
      throw new InvalidInputException(
          "Yêu cầu khắc phục là bắt buộc khi có yêu cầu khắc phục, mỗi dòng một yêu cầu"
              + " (corrections)");
    }
    LocalDate deadline = Inputs.date(vars, CORRECTION_DEADLINE, "Thời hạn khắc phục");
    if (deadline == null || !deadline.isAfter(deadlines.today())) {
      throw new InvalidInputException(
          "Thời hạn khắc phục "
              + (deadline == null ? "là bắt buộc" : Inputs.day(deadline) + " phải sau hôm nay")
              + " (correctionDeadline)");
    }
    vars.setVariable(CORRECTION_DEADLINE, deadline.toString());
  }

  /** Whether the leaders required corrections of the body. */
  public boolean correctionsRequired(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable(CORRECTIONS_REQUIRED));
  }

  /** The corrections, one assignment each ({@code correction}, local to its call). */
  public List<String> corrections(VariableScope vars) {
    return split((String) vars.getVariable(CORRECTIONS), "\n");
  }

  /** What the inspected body is given: the correction, with the inspection it comes from. */
  public String correctionTask(VariableScope vars) {
    return "Khắc phục theo kết luận kiểm tra ("
        + vars.getVariable(ROUND_LABEL)
        + ", "
        + registry.name((String) vars.getVariable(INSPECTING_BODY))
        + "): "
        + vars.getVariable(CORRECTION);
  }

  private LocalDate endDate(VariableScope vars) {
    Object end = vars.getVariable(END_DATE);
    if (!(end instanceof String text) || text.isBlank()) {
      throw new InvalidInputException(
          "Thời điểm kết thúc là bắt buộc khi kiểm tra định kỳ (endDate)");
    }
    if (deadlines.read(vars, text) instanceof Schedule.Once once) {
      return once.due();
    }
    throw new InvalidInputException(
        "Thời điểm kết thúc \"" + text + "\" phải là một ngày (endDate)");
  }

  private static List<String> split(String text, String separator) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split(separator))
            .map(String::trim)
            .map(s -> s.replaceFirst("^[-•*+]\\s*", "").trim())
            .filter(s -> !s.isEmpty())
            .toList();
  }

  private static SpinJsonNode round(VariableScope vars) {
    return rounds(vars).elements().get(InspectionVariables.roundIndex(vars));
  }

  private static SpinJsonNode rounds(VariableScope vars) {
    return (SpinJsonNode) vars.getVariable(INSPECTION_ROUNDS);
  }
}
