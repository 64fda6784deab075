package vn.danvan.assignment;

import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION;
import static vn.danvan.assignment.AssignmentVariables.COORDINATING_BODIES;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_APPROVED;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_REASON;
import static vn.danvan.assignment.AssignmentVariables.REQUESTED_DEADLINE;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.REMINDER_DAYS;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.variable.SharedVariables;

/**
 * Server-side checks of what starts and completes an assignment, whatever the client (Tasklist
 * forms validate in the browser only). Each check throws {@link InvalidInputException} with a
 * Vietnamese message naming the field; the REST API answers 400 and nothing is saved.
 */
@Component
public class AssignmentRules {

  private final BodiesInForce inForce;
  private final Deadlines deadlines;

  public AssignmentRules(BodiesInForce inForce, Deadlines deadlines) {
    this.inForce = inForce;
    this.deadlines = deadlines;
  }

  /**
   * leadBody and monitorBody: bodies of the registry; coordinatingBodies: bodies (optional);
   * taskContent: text; the deadline as {@code deadline} (yyyy-MM-dd, empty: none) or {@code
   * deadlinePhrase} ("trong tháng 8/2016") read against {@code issuedDate} (default today).
   *
   * @return the deadline, or null for none
   */
  public LocalDate checkStart(VariableScope vars) {
    inForce.body(vars, LEAD_BODY, "Đơn vị chủ trì");
    List<String> given = coordinatingBodies(vars);
    List<String> admitted =
        given.stream()
            .map(b -> inForce.admitted(vars, b, COORDINATING_BODIES, "Đơn vị phối hợp"))
            .distinct()
            .toList();
    if (!admitted.equals(given)) {
      vars.setVariable(COORDINATING_BODIES, String.join(",", admitted));
    }
    return checkCommon(vars);
  }

  /**
   * What every assignment needs, whoever does it: monitorBody, taskContent, the deadline, the
   * optional timings and review flags.
   *
   * @return the deadline, or null for none
   */
  public LocalDate checkCommon(VariableScope vars) {
    inForce.body(vars, MONITOR_BODY, "Đơn vị theo dõi");
    Inputs.text(vars, TASK_CONTENT, "Nội dung nhiệm vụ");
    Inputs.days(vars, REMINDER_DAYS, "Số ngày nhắc trước hạn", 0);
    Object interval = vars.getVariable(CHASE_INTERVAL);
    if (interval != null && !String.valueOf(interval).matches("P(\\d+[YMWD])+")) {
      throw new InvalidInputException(
          "Chu kỳ đôn đốc \""
              + interval
              + "\" phải là khoảng ISO như P7D, P2W, P1M (chaseInterval)");
    }
    Inputs.flag(vars, LEADER_REVIEW, "Cần lãnh đạo duyệt", true);
    Inputs.flag(vars, CONFIRMATION, "Cần đơn vị theo dõi xác nhận", true);
    LocalDate deadline;
    Object phrase = vars.getVariable(DEADLINE_PHRASE);
    if (phrase instanceof String p && !p.isBlank()) {
      Schedule schedule = deadlines.read(vars, p);
      if (!(schedule instanceof Schedule.Once once)) {
        throw new InvalidInputException(
            "Thời hạn \""
                + p
                + "\" là định kỳ: dùng khối Báo cáo định kỳ cho nhiệm vụ lặp lại (deadlinePhrase)");
      }
      deadline = once.due();
    } else {
      deadline = Inputs.date(vars, DEADLINE, "Hạn hoàn thành");
    }
    if (deadline != null && deadline.isBefore(deadlines.today()) && givenByAPerson(vars)) {
      throw new InvalidInputException(
          "Hạn hoàn thành "
              + Inputs.day(deadline)
              + " đã qua: giao việc cần hạn từ hôm nay ("
              + Inputs.day(deadlines.today())
              + ") trở đi (deadline)");
    }
    return deadline;
  }

  /**
   * Whether a signed-in person starts this work directly (REST, Tasklist), rather than a
   * directive's call activity or the system: a directive's deadlines follow its text and may lie in
   * the past (a late or replayed directive) — its work is then simply overdue; a person giving a
   * past deadline made a mistake.
   */
  private static boolean givenByAPerson(VariableScope vars) {
    CommandContext command = Context.getCommandContext();
    return vars instanceof DelegateExecution execution
        && execution.getProcessInstance().getSuperExecution() == null
        && command != null
        && command.getAuthenticatedUserId() != null;
  }

  /**
   * The lead body's staff either submit a report, or ask for an extension: a reason and a new day
   * after the current deadline, asked for before that deadline has passed.
   */
  public void checkWork(VariableScope vars) {
    if (!SharedVariables.requestExtension(vars)) {
      Inputs.text(vars, RESULT_REPORT, "Báo cáo kết quả thực hiện");
      return;
    }
    LocalDate current = Inputs.date(vars, DEADLINE, "Hạn hoàn thành");
    if (current == null) {
      throw new InvalidInputException("Nhiệm vụ không có thời hạn: không cần gia hạn");
    }
    if (deadlines.today().isAfter(current)) {
      throw new InvalidInputException(
          "Đã quá hạn " + Inputs.day(current) + ": chỉ được đề nghị gia hạn trước khi hết hạn");
    }
    LocalDate requested = Inputs.date(vars, REQUESTED_DEADLINE, "Hạn đề nghị");
    if (requested == null) {
      throw new InvalidInputException("Hạn đề nghị là bắt buộc (requestedDeadline)");
    }
    if (!requested.isAfter(current)) {
      throw new InvalidInputException(
          "Hạn đề nghị "
              + Inputs.day(requested)
              + " phải sau hạn hiện tại "
              + Inputs.day(current)
              + " (requestedDeadline)");
    }
    vars.setVariable(REQUESTED_DEADLINE, requested.toString()); // as typed (31/12/2026) → ISO
    Inputs.text(vars, EXTENSION_REASON, "Lý do đề nghị gia hạn");
  }

  /** The monitoring body decides; an approval must still lie in the future. */
  public void checkExtensionDecision(VariableScope vars) {
    boolean approved =
        Inputs.decision(vars, EXTENSION_APPROVED, "Chưa chọn đồng ý hay từ chối gia hạn");
    if (approved) {
      LocalDate requested = Inputs.date(vars, REQUESTED_DEADLINE, "Hạn đề nghị");
      if (requested == null || requested.isBefore(deadlines.today())) {
        throw new InvalidInputException(
            "Hạn mới "
                + (requested == null ? "(trống)" : Inputs.day(requested))
                + " đã ở quá khứ: không thể duyệt (requestedDeadline)");
      }
    }
  }

  /** The leader decides explicitly; a return says why. */
  public boolean checkReview(VariableScope vars) {
    return decisionWithReason(
        vars, APPROVED, "Chưa chọn duyệt hay trả lại kết quả (approved phải là true hoặc false)");
  }

  /** The monitoring body confirms, or returns with a reason. */
  public boolean checkConfirmation(VariableScope vars) {
    return decisionWithReason(
        vars,
        CONFIRMED,
        "Chưa chọn xác nhận hay trả lại kết quả (confirmed phải là true hoặc false)");
  }

  /** A coordinating body's contribution must say something. */
  public String checkContribution(VariableScope vars) {
    return Inputs.text(vars, CONTRIBUTION, "Ý kiến phối hợp");
  }

  /**
   * Whether the lead body already answered before this assignment began (a fan-out hands a body
   * over to a full assignment after its report or extension request): then the first round starts
   * from that answer instead of asking for the work again. Reworks always ask.
   */
  public boolean answeredAhead(VariableScope vars) {
    return SharedVariables.answeredAhead(vars) && SharedVariables.round(vars) == 0;
  }

  /**
   * Coordinating bodies as given: a list, or one text of ids separated by commas (what an element
   * template in Camunda Modeler can write); empty when absent.
   */
  static List<String> coordinatingBodies(VariableScope vars) {
    Object value = vars.getVariable(COORDINATING_BODIES);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).map(String::trim).toList();
    }
    throw new InvalidInputException(
        "Đơn vị phối hợp phải là danh sách mã đơn vị, cách nhau dấu phẩy (coordinatingBodies)");
  }

  private boolean decisionWithReason(VariableScope vars, String name, String missing) {
    boolean yes = Inputs.decision(vars, name, missing);
    if (!yes) {
      Inputs.text(vars, RETURN_REASON, "Lý do trả lại");
    }
    return yes;
  }
}
