package vn.danvan.adhoc;

import static vn.danvan.adhoc.AdhocVariables.DIRECTION;
import static vn.danvan.adhoc.AdhocVariables.ESCALATE;
import static vn.danvan.adhoc.AdhocVariables.FOLLOW_UP_BODY;
import static vn.danvan.adhoc.AdhocVariables.FOLLOW_UP_CONTENT;
import static vn.danvan.adhoc.AdhocVariables.FOLLOW_UP_DEADLINE;
import static vn.danvan.adhoc.AdhocVariables.INCIDENT_DETAILS;
import static vn.danvan.adhoc.AdhocVariables.INCIDENT_TITLE;
import static vn.danvan.adhoc.AdhocVariables.REPORTER;
import static vn.danvan.adhoc.AdhocVariables.REPORTING_BODY;
import static vn.danvan.adhoc.AdhocVariables.RESPONSE_DUE;
import static vn.danvan.adhoc.AdhocVariables.SEVERITY;
import static vn.danvan.variable.SharedVariables.ASSESSMENT;
import static vn.danvan.variable.SharedVariables.FOLLOW_UP;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.RECIPIENT_BODY;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;

/**
 * Ad-hoc reports ("báo cáo đột xuất khi có vụ việc phức tạp phát sinh"): any body's staff or leader
 * raises one at any time (Tasklist start form or REST); the monitoring body handles it urgently,
 * may escalate to the leadership, who may order a follow-up task.
 */
@Component("adhocReports")
public class AdhocReports {

  static final List<String> SEVERITIES = List.of("binhThuong", "nghiemTrong");

  private final BodiesInForce inForce;
  private final Deadlines deadlines;
  private final String monitorBody;
  private final String recipientBody;
  private final int urgentHours;

  public AdhocReports(
      BodiesInForce inForce,
      Deadlines deadlines,
      @Value("${danvan.adhoc.monitor-body:bdvTU}") String monitorBody,
      @Value("${danvan.adhoc.recipient-body:ttTU}") String recipientBody,
      @Value("${danvan.adhoc.urgent-hours:24}") int urgentHours) {
    this.inForce = inForce;
    this.deadlines = deadlines;
    this.monitorBody = monitorBody;
    this.recipientBody = recipientBody;
    this.urgentHours = urgentHours;
  }

  /**
   * The report: title, details and severity are required; the reporting body is the reporter's own
   * (a person of the registry cannot report for another body); the monitoring body must answer
   * within {@code danvan.adhoc.urgent-hours}.
   */
  public void raised(DelegateExecution execution) {
    Inputs.text(execution, INCIDENT_TITLE, "Tiêu đề vụ việc");
    Inputs.text(execution, INCIDENT_DETAILS, "Nội dung vụ việc");
    Object severity = execution.getVariable(SEVERITY);
    if (!SEVERITIES.contains(severity)) {
      throw new InvalidInputException(
          "Mức độ \""
              + severity
              + "\" không hợp lệ: chọn "
              + String.join(" hoặc ", SEVERITIES)
              + " (severity)");
    }
    inForce.ownBody(
        execution,
        REPORTER,
        REPORTING_BODY,
        "Đơn vị báo cáo",
        "Chỉ được báo cáo đột xuất cho đơn vị của mình");
    execution.setVariable(MONITOR_BODY, monitorBody);
    execution.setVariable(RECIPIENT_BODY, recipientBody);
    execution.setVariable(
        RESPONSE_DUE,
        Date.from(deadlines.nowAsDate().toInstant().plus(Duration.ofHours(urgentHours))));
  }

  /** The monitoring body's assessment is required; escalation is an explicit yes or no. */
  public void handled(DelegateTask task) {
    Inputs.text(task, ASSESSMENT, "Đánh giá, xử lý ban đầu");
    Inputs.decision(task, ESCALATE, "Chưa chọn có báo cáo lãnh đạo hay không");
  }

  /** The leadership's direction; a follow-up task needs a body, its content and a deadline. */
  public void directed(DelegateTask task) {
    Inputs.text(task, DIRECTION, "Ý kiến chỉ đạo");
    if (Inputs.decision(task, FOLLOW_UP, "Chưa chọn có giao việc xử lý tiếp hay không")) {
      inForce.body(task, FOLLOW_UP_BODY, "Đơn vị xử lý tiếp");
      Inputs.text(task, FOLLOW_UP_CONTENT, "Nội dung việc xử lý tiếp");
      LocalDate due = Inputs.date(task, FOLLOW_UP_DEADLINE, "Hạn xử lý");
      if (due == null) {
        throw new InvalidInputException("Hạn xử lý là bắt buộc (followUpDeadline)");
      }
      task.setVariable(FOLLOW_UP_DEADLINE, due.toString());
    }
  }
}
