package vn.danvan.periodic;

import static vn.danvan.periodic.PeriodicVariables.COMPILE_OPENED_AT;
import static vn.danvan.periodic.PeriodicVariables.CONSOLIDATING_BODY;
import static vn.danvan.periodic.PeriodicVariables.PERIODS;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_DUE;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_INDEX;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_TASK;
import static vn.danvan.periodic.PeriodicVariables.REPORTING_BODIES;
import static vn.danvan.periodic.PeriodicVariables.RETURNING;
import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.RECIPIENT_BODY;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;
import static vn.danvan.variable.SharedVariables.WINDOW_DAYS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
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
import vn.danvan.deadline.Schedule.Period;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.tracking.ReportFigures;
import vn.danvan.variable.SharedVariables;

/**
 * Periodic reports ("báo cáo định kỳ"): the cycle of a directive ("hằng quý", "trước ngày 15/10
 * hằng năm"…) from its issue date to its end date, one round per period. Every round opens on its
 * own date, {@code windowDays} (default 15) before the period's due day, whatever the rounds before
 * it are waiting for: each runs in a {@code reportPeriod} instance of its own ({@link PeriodWork}),
 * where the bodies report through the fan-out block, the consolidating body compiles on the compile
 * day ({@link #compileAt}) with what has arrived, and the recipient concludes.
 */
@Component("periodicReports")
public class PeriodicReports {

  static final int DEFAULT_WINDOW_DAYS = 15;
  private static final String WINDOW_LABEL = "Số ngày mở kỳ báo cáo trước hạn";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BodiesInForce inForce;
  private final Deadlines deadlines;

  public PeriodicReports(BodiesInForce inForce, Deadlines deadlines) {
    this.inForce = inForce;
    this.deadlines = deadlines;
  }

  /**
   * Start: cyclePhrase, issuedDate (default today), endDate (yyyy-MM-dd or a phrase such as "quý
   * III/2020"), consolidatingBody, recipientBody, the days a round opens early and the leader's
   * review (yes/no); the reporting bodies and the rest are checked by the fan-out of each round.
   */
  public void started(DelegateExecution execution) {
    String phrase = Inputs.text(execution, CYCLE_PHRASE, "Chu kỳ báo cáo");
    LocalDate from = deadlines.issuedDate(execution);
    if (!(deadlines.read(execution, phrase) instanceof Schedule.Every cycle)) {
      throw new InvalidInputException(
          "Chu kỳ \""
              + phrase
              + "\" không phải định kỳ: dùng ví dụ \"hằng quý\", \"trước ngày 15/10 hằng năm\""
              + " (cyclePhrase)");
    }
    LocalDate until = endDate(execution);
    inForce.body(execution, CONSOLIDATING_BODY, "Đơn vị tổng hợp");
    inForce.body(execution, RECIPIENT_BODY, "Nơi nhận báo cáo");
    if (execution.getVariable(MONITOR_BODY) != null) {
      inForce.body(execution, MONITOR_BODY, "Đơn vị theo dõi");
    }
    inForce.bodyList(execution, REPORTING_BODIES, "Đơn vị báo cáo");
    Inputs.text(execution, TASK_CONTENT, "Nội dung báo cáo");
    Inputs.days(execution, WINDOW_DAYS, WINDOW_LABEL, DEFAULT_WINDOW_DAYS);
    Inputs.flag(execution, LEADER_REVIEW, "Cần lãnh đạo duyệt", true);
    ReportFigures.declared(execution);
    List<Period> periods = cycle.periods(from, until);
    if (periods.isEmpty()) {
      throw new InvalidInputException("Không có kỳ báo cáo nào từ " + from + " đến " + until);
    }
    ArrayNode list = JSON.createArrayNode();
    for (Period p : periods) {
      list.addObject()
          .put("label", p.label())
          .put("start", p.start().toString())
          .put("end", p.end().toString())
          .put("due", p.due().toString());
    }
    execution.setVariable(PERIODS, SpinValues.jsonValue(list.toString()).create());
  }

  /** The periods' positions, one round each ({@code periodIndex}, local to the round). */
  public List<Integer> indexes(VariableScope vars) {
    return IntStream.range(0, periods(vars).elements().size()).boxed().toList();
  }

  /** The round's period label, e.g. "Quý II/2016". */
  public String label(VariableScope vars) {
    return period(vars).prop("label").stringValue();
  }

  /** The round's due day (yyyy-MM-dd). */
  public String due(VariableScope vars) {
    return period(vars).prop("due").stringValue();
  }

  /** What the bodies are asked in the round. */
  public String task(VariableScope vars) {
    return periodTask(label(vars), SharedVariables.taskContent(vars));
  }

  /** What the bodies are asked for a period: its report, on the directive's content. */
  static String periodTask(String label, String content) {
    return "Báo cáo " + label + ": " + content;
  }

  /**
   * The compile day: the day after the due day, at 00:00 in Vietnam; the consolidating body then
   * compiles what has arrived (earlier if every body has answered).
   */
  public Date compileAt(VariableScope vars) {
    return compileAt(PeriodicVariables.periodDue(vars));
  }

  /** The compile day of a period due on a day: the next day, at 00:00 in Vietnam. */
  static Date compileAt(LocalDate due) {
    return Deadlines.startOf(due.plusDays(1));
  }

  /** Whether the round's compilation has begun (the bodies' late reports then just end). */
  public boolean compiling(VariableScope vars) {
    return vars.getVariable(COMPILE_OPENED_AT) != null;
  }

  /** Whether the consolidating body returned one body's report. */
  public boolean returning(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable(RETURNING));
  }

  /** Whether a period remains (versions before every round ran on its own). */
  public boolean hasNext(VariableScope vars) {
    return index(vars) < periods(vars).elements().size();
  }

  /**
   * Makes the next period current: its label, due day and what the bodies are asked (versions
   * before every round ran on its own).
   */
  public void open(DelegateExecution execution) {
    SpinJsonNode period = periods(execution).elements().get(index(execution));
    String label = period.prop("label").stringValue();
    execution.setVariable(PERIOD_LABEL, label);
    execution.setVariable(PERIOD_DUE, period.prop("due").stringValue());
    execution.setVariable(PERIOD_TASK, periodTask(label, SharedVariables.taskContent(execution)));
  }

  /** The round opens {@code windowDays} before the due day. */
  public Date opensAt(VariableScope vars) {
    return opensAt(
        LocalDate.parse(due(vars)),
        Inputs.days(vars, WINDOW_DAYS, WINDOW_LABEL, DEFAULT_WINDOW_DAYS));
  }

  /** The opening of a round due on a day: that many days before it, at 00:00 in Vietnam. */
  static Date opensAt(LocalDate due, int windowDays) {
    return Deadlines.startOf(due.minusDays(windowDays));
  }

  /** The round is over: the next period (versions before every round ran on its own). */
  public void closed(DelegateExecution execution) {
    execution.setVariable(PERIOD_INDEX, index(execution) + 1);
  }

  private LocalDate endDate(VariableScope vars) {
    Object end = vars.getVariable(END_DATE);
    if (!(end instanceof String text) || text.isBlank()) {
      throw new InvalidInputException("Thời điểm kết thúc là bắt buộc (endDate)");
    }
    if (deadlines.read(vars, text) instanceof Schedule.Once once) {
      return once.due();
    }
    throw new InvalidInputException(
        "Thời điểm kết thúc \"" + text + "\" phải là một ngày (endDate)");
  }

  private static SpinJsonNode period(VariableScope vars) {
    return periods(vars).elements().get(index(vars));
  }

  private static SpinJsonNode periods(VariableScope vars) {
    return (SpinJsonNode) vars.getVariable(PERIODS);
  }

  private static int index(VariableScope vars) {
    return (Integer) vars.getVariable(PERIOD_INDEX);
  }
}
