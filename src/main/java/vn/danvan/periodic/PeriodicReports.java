package vn.danvan.periodic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.assignment.AssignmentRules;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.deadline.Schedule.Period;
import vn.danvan.platform.Inputs;
import vn.danvan.platform.InvalidInputException;

/**
 * Periodic reports ("báo cáo định kỳ"): the cycle of a directive ("hằng quý", "trước ngày 15/10
 * hằng năm"…) from its issue date to its end date, one round per period. Each round opens
 * {@code windowDays} (default 15) before the period's due day; the bodies report through the
 * fan-out block, the consolidating body compiles, the recipient concludes.
 */
@Component("periodicReports")
public class PeriodicReports {

  static final int DEFAULT_WINDOW_DAYS = 15;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AssignmentRules rules;
  private final Deadlines deadlines;

  public PeriodicReports(AssignmentRules rules, Deadlines deadlines) {
    this.rules = rules;
    this.deadlines = deadlines;
  }

  /**
   * Start: cyclePhrase, issuedDate (default today), endDate (yyyy-MM-dd or a phrase such as
   * "quý III/2020"), consolidatingBody, recipientBody; the reporting bodies and the rest are
   * checked by the fan-out of each round.
   */
  public void started(DelegateExecution execution) {
    String phrase = Inputs.text(execution, "cyclePhrase", "Chu kỳ báo cáo");
    LocalDate from = deadlines.issuedDate(execution);
    if (!(deadlines.read(execution, phrase) instanceof Schedule.Every cycle)) {
      throw new InvalidInputException("Chu kỳ \"" + phrase
          + "\" không phải định kỳ: dùng ví dụ \"hằng quý\", \"trước ngày 15/10 hằng năm\" (cyclePhrase)");
    }
    LocalDate until = endDate(execution);
    rules.body(execution, "consolidatingBody", "Đơn vị tổng hợp");
    rules.body(execution, "recipientBody", "Nơi nhận báo cáo");
    if (execution.getVariable("monitorBody") != null) {
      rules.body(execution, "monitorBody", "Đơn vị theo dõi");
    }
    rules.bodyList(execution, "reportingBodies", "Đơn vị báo cáo");
    Inputs.text(execution, "taskContent", "Nội dung báo cáo");
    List<Period> periods = cycle.periods(from, until);
    if (periods.isEmpty()) {
      throw new InvalidInputException("Không có kỳ báo cáo nào từ " + from + " đến " + until);
    }
    ArrayNode list = JSON.createArrayNode();
    for (Period p : periods) {
      list.addObject().put("label", p.label()).put("start", p.start().toString())
          .put("end", p.end().toString()).put("due", p.due().toString());
    }
    execution.setVariable("periods", SpinValues.jsonValue(list.toString()).create());
    execution.setVariable("periodIndex", 0);
  }

  /** Whether a period remains. */
  public boolean hasNext(VariableScope vars) {
    return index(vars) < periods(vars).elements().size();
  }

  /** Makes the next period current: its label, due day and what the bodies are asked. */
  public void open(DelegateExecution execution) {
    SpinJsonNode period = periods(execution).elements().get(index(execution));
    String label = period.prop("label").stringValue();
    execution.setVariable("periodLabel", label);
    execution.setVariable("periodDue", period.prop("due").stringValue());
    execution.setVariable("periodTask",
        "Báo cáo " + label + ": " + execution.getVariable("taskContent"));
  }

  /** The round opens {@code windowDays} before the due day (never before the issue). */
  public Date opensAt(VariableScope vars) {
    LocalDate due = LocalDate.parse((String) vars.getVariable("periodDue"));
    int window = vars.getVariable("windowDays") instanceof Number n ? n.intValue()
        : DEFAULT_WINDOW_DAYS;
    return Date.from(due.minusDays(window).atStartOfDay(Deadlines.ZONE).toInstant());
  }

  /** The round is over: the next period. */
  public void closed(DelegateExecution execution) {
    execution.setVariable("periodIndex", index(execution) + 1);
  }

  private LocalDate endDate(VariableScope vars) {
    Object end = vars.getVariable("endDate");
    if (!(end instanceof String text) || text.isBlank()) {
      throw new InvalidInputException("Thời điểm kết thúc là bắt buộc (endDate)");
    }
    if (deadlines.read(vars, text) instanceof Schedule.Once once) {
      return once.due();
    }
    throw new InvalidInputException("Thời điểm kết thúc \"" + text + "\" phải là một ngày (endDate)");
  }

  private static SpinJsonNode periods(VariableScope vars) {
    return (SpinJsonNode) vars.getVariable("periods");
  }

  private static int index(VariableScope vars) {
    return (Integer) vars.getVariable("periodIndex");
  }
}
