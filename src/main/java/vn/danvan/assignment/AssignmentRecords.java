package vn.danvan.assignment;

import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION_SUMMARY;
import static vn.danvan.assignment.AssignmentVariables.COORDINATING_BODIES;
import static vn.danvan.assignment.AssignmentVariables.DEADLINE_LOG;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_APPROVED;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_REASON;
import static vn.danvan.assignment.AssignmentVariables.REQUESTED_DEADLINE;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.assignment.AssignmentVariables.RETURN_COUNT;
import static vn.danvan.assignment.AssignmentVariables.RETURN_LOG;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.CHASE_LOG;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.CONFIRMED_AT;
import static vn.danvan.variable.SharedVariables.CONTRIBUTOR;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.REMINDER_SENT_AT;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.RETURNED_SINCE_SUBMISSION;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.ROUND;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.notification.Notifications;
import vn.danvan.notification.Notifications.Work;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.JsonLog;
import vn.danvan.variable.SharedVariables;

/**
 * What happened to an assignment, kept in its variables so status can be derived and reports
 * counted: deadlines and their changes, rounds of rework, returns with reasons, reminders, chases
 * with their type and counter, submission and confirmation times.
 */
@Component
public class AssignmentRecords {

  private static final Logger LOG = LoggerFactory.getLogger(AssignmentRecords.class);
  static final String CONTRIBUTION_PREFIX = "contribution_";

  /** The chase fields: a caller may hand in its own count, which the assignment goes on from. */
  public static final List<String> CHASES = List.of(CHASE_COUNT, LAST_CHASE_TYPE, CHASE_LOG);

  /** What an assignment records about the work, which whoever called it may keep. */
  public static final List<String> RECORD =
      Stream.concat(
              Stream.of(
                  DEADLINE,
                  DEADLINE_LOG,
                  RESULT_REPORT,
                  SUBMITTED_AT,
                  CONFIRMED_AT,
                  RETURNED_SINCE_SUBMISSION,
                  RETURN_COUNT,
                  ROUND,
                  RETURN_LOG,
                  REMINDER_SENT_AT),
              CHASES.stream())
          .toList();

  private final AssignmentRules rules;
  private final AssignmentTimers timers;
  private final Deadlines deadlines;
  private final OrgRegistry registry;
  private final Notifications notifications;

  public AssignmentRecords(
      AssignmentRules rules,
      AssignmentTimers timers,
      Deadlines deadlines,
      OrgRegistry registry,
      Notifications notifications) {
    this.rules = rules;
    this.timers = timers;
    this.deadlines = deadlines;
    this.registry = registry;
    this.notifications = notifications;
  }

  /**
   * Start: checked input and the approved deadline. Counters (round, returns, chases) start absent,
   * read as zero: every variable costs rows at thousands of bodies per directive.
   */
  public void started(DelegateExecution execution) {
    LocalDate deadline = rules.checkStart(execution);
    String due = deadline == null ? "" : deadline.toString();
    if (!due.equals(execution.getVariable(DEADLINE))) {
      execution.setVariable(DEADLINE, due);
    }
    List<String> coordinating = AssignmentRules.coordinatingBodies(execution);
    if (!coordinating.isEmpty()) {
      execution.setVariable(COORDINATING_BODIES, String.join(",", coordinating));
    } else if (execution.hasVariable(COORDINATING_BODIES)) {
      execution.removeVariable(COORDINATING_BODIES);
    }
    boolean leaderReview = normalise(execution, LEADER_REVIEW);
    normalise(execution, CONFIRMATION);
    if (!leaderReview) {
      execution.setVariable(APPROVED, true); // the staff's report goes straight on
    }
    if (rules.answeredAhead(execution)) {
      answered(execution);
    }
  }

  /** A review flag as a Boolean variable (default true), written only if it changes. */
  private static boolean normalise(DelegateExecution execution, String name) {
    boolean value = Inputs.flag(execution, name, name, true);
    if (!Boolean.valueOf(value).equals(execution.getVariable(name))) {
      execution.setVariable(name, value);
    }
    return value;
  }

  /** The staff completed their task: a report, or a request for more time. */
  public void workDone(DelegateTask task) {
    rules.checkWork(task);
    answered(task);
  }

  /**
   * The lead body answered (here, or earlier in a fan-out's lighter task): a report, submitted at
   * once when no leader reviews it, or a request for more time.
   */
  public void answered(VariableScope vars) {
    if (!SharedVariables.requestExtension(vars)) {
      vars.setVariable(REQUEST_EXTENSION, false); // the gateway after the task reads it
      if (!Inputs.flag(vars, LEADER_REVIEW, "Cần lãnh đạo duyệt", true)) {
        submitted(vars);
      }
    }
  }

  /** A coordinating body's contribution, kept under its body's name. */
  public void contributed(DelegateTask task) {
    String text = rules.checkContribution(task);
    task.getExecution()
        .getProcessInstance()
        .setVariable(CONTRIBUTION_PREFIX + task.getVariable(CONTRIBUTOR), text);
  }

  /**
   * Before the leader reviews: every coordinating body's contribution, as one text; nothing when
   * there is none (the forms say "(không có)").
   */
  public void summariseContributions(DelegateExecution execution) {
    StringBuilder summary = new StringBuilder();
    // by name first: reading every variable's value would deserialise the instance's JSON logs
    execution.getVariableNames().stream()
        .filter(name -> name.startsWith(CONTRIBUTION_PREFIX))
        .sorted()
        .forEach(
            name -> {
              String body = name.substring(CONTRIBUTION_PREFIX.length());
              summary
                  .append(registry.body(body).map(OrgRegistry.Body::name).orElse(body))
                  .append(": ")
                  .append(execution.getVariable(name))
                  .append('\n');
            });
    if (summary.length() > 0) {
      execution.setVariable(CONTRIBUTION_SUMMARY, summary.toString().trim());
    }
  }

  public void extensionDecided(DelegateTask task) {
    rules.checkExtensionDecision(task);
  }

  /** Approved: the new deadline counts from now on, timers follow it; the history is kept. */
  public void applyExtension(DelegateExecution execution) {
    boolean approved = Boolean.TRUE.equals(execution.getVariable(EXTENSION_APPROVED));
    if (approved) {
      if (!execution.hasVariable(DEADLINE_LOG)) {
        JsonLog.append(
            execution,
            DEADLINE_LOG,
            DEADLINE,
            execution.getVariable(DEADLINE),
            "reason",
            "Hạn khi giao nhiệm vụ");
      }
      String requested = Inputs.date(execution, REQUESTED_DEADLINE, "Hạn đề nghị").toString();
      execution.setVariable(DEADLINE, requested);
      JsonLog.append(
          execution,
          DEADLINE_LOG,
          DEADLINE,
          requested,
          "at",
          now(),
          "reason",
          execution.getVariable(EXTENSION_REASON));
      timers.reschedule(execution);
    }
    LOG.info(
        "Gia hạn nhiệm vụ {}: {}",
        execution.getBusinessKey(),
        approved ? "đồng ý, hạn mới " + execution.getVariable(DEADLINE) : "từ chối");
    notifications.extensionDecided(
        execution.getProcessEngineServices(),
        Work.of(execution),
        SharedVariables.leadBody(execution),
        approved);
    execution.setVariable(REQUEST_EXTENSION, false);
    execution.removeVariable(EXTENSION_APPROVED);
  }

  /** The leader approved and submitted the result to the monitoring body, or returned it. */
  public void reviewed(DelegateTask task) {
    if (rules.checkReview(task)) {
      submitted(task);
    } else {
      recordReturn(task, "Lãnh đạo đơn vị", false);
    }
  }

  /** The monitoring body confirmed the result (done), or returned it for rework. */
  public void confirmedOrReturned(DelegateTask task) {
    if (rules.checkConfirmation(task)) {
      task.setVariable(CONFIRMED_AT, deadlines.nowAsDate());
    } else {
      recordReturn(task, "Đơn vị theo dõi", true);
      task.setVariable(RETURNED_SINCE_SUBMISSION, true);
    }
  }

  /** Done: confirmed now unless the monitoring body had to confirm. */
  public void finished(VariableScope vars) {
    if (vars.getVariable(CONFIRMED_AT) == null) {
      vars.setVariable(CONFIRMED_AT, deadlines.nowAsDate());
    }
  }

  private void submitted(VariableScope vars) {
    vars.setVariable(SUBMITTED_AT, deadlines.nowAsDate());
    if (SharedVariables.returnedSinceSubmission(vars)) {
      vars.setVariable(RETURNED_SINCE_SUBMISSION, false);
    }
  }

  /** Reminder before the deadline ("sắp đến hạn"). */
  public void reminded(DelegateExecution execution) {
    execution.setVariable(REMINDER_SENT_AT, deadlines.nowAsDate());
    LOG.info(
        "Nhắc hạn nhiệm vụ {} của {}: hạn {}",
        execution.getBusinessKey(),
        execution.getVariable(LEAD_BODY),
        execution.getVariable(DEADLINE));
    notifications.reminded(
        execution.getProcessEngineServices(),
        Work.of(execution),
        SharedVariables.leadBody(execution));
  }

  /** Overdue: one more chase, escalating by count. */
  public void chased(DelegateExecution execution) {
    int count = SharedVariables.chaseCount(execution) + 1;
    ChaseType type = ChaseType.forCount(count);
    execution.setVariable(CHASE_COUNT, count);
    execution.setVariable(LAST_CHASE_TYPE, type.label());
    JsonLog.append(execution, CHASE_LOG, "n", count, "type", type.label(), "at", now());
    LOG.info(
        "Đôn đốc lần {} ({}) nhiệm vụ {} của {}",
        count,
        type.label(),
        execution.getBusinessKey(),
        execution.getVariable(LEAD_BODY));
  }

  /**
   * Another round of work. Only the monitoring body's returns count as "trả lại" for the body; its
   * own leader's are kept in the log too.
   */
  private void recordReturn(VariableScope vars, String by, boolean counts) {
    int count = AssignmentVariables.returnCount(vars) + (counts ? 1 : 0);
    vars.setVariable(RETURN_COUNT, count);
    vars.setVariable(ROUND, SharedVariables.round(vars) + 1);
    JsonLog.append(
        vars, RETURN_LOG, "by", by, "reason", vars.getVariable(RETURN_REASON), "at", now());
  }

  private String now() {
    return deadlines.now().toOffsetDateTime().toString();
  }
}
