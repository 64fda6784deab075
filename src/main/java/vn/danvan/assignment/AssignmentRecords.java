package vn.danvan.assignment;

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
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.JsonLog;

/**
 * What happened to an assignment, kept in its variables so status can be derived and reports
 * counted: deadlines and their changes, rounds of rework, returns with reasons, reminders,
 * chases with their type and counter, submission and confirmation times.
 */
@Component
public class AssignmentRecords {

  private static final Logger LOG = LoggerFactory.getLogger(AssignmentRecords.class);
  static final String CONTRIBUTION_PREFIX = "contribution_";
  /** Set when the lead body answered before the assignment began (a fan-out's member). */
  public static final String ANSWERED_AHEAD = "answeredAhead";
  /** The log of the assignment's own chases. */
  public static final String CHASE_LOG = "chaseLog";
  /** The chase fields: a caller may hand in its own count, which the assignment goes on from. */
  public static final List<String> CHASES = List.of("chaseCount", "lastChaseType", CHASE_LOG);
  /** What an assignment records about the work, which whoever called it may keep. */
  public static final List<String> RECORD = Stream.concat(Stream.of("deadline", "deadlineLog",
      "resultReport", "submittedAt", "confirmedAt", "returnedSinceSubmission", "returnCount",
      "round", "returnLog", "reminderSentAt"), CHASES.stream()).toList();

  private final AssignmentRules rules;
  private final AssignmentTimers timers;
  private final Deadlines deadlines;
  private final OrgRegistry registry;
  private final Notifications notifications;

  public AssignmentRecords(AssignmentRules rules, AssignmentTimers timers, Deadlines deadlines,
      OrgRegistry registry, Notifications notifications) {
    this.rules = rules;
    this.timers = timers;
    this.deadlines = deadlines;
    this.registry = registry;
    this.notifications = notifications;
  }

  /**
   * Start: checked input and the approved deadline. Counters (round, returns, chases) start
   * absent, read as zero: every variable costs rows at thousands of bodies per directive.
   */
  public void started(DelegateExecution execution) {
    LocalDate deadline = rules.checkStart(execution);
    String due = deadline == null ? "" : deadline.toString();
    if (!due.equals(execution.getVariable("deadline"))) {
      execution.setVariable("deadline", due);
    }
    List<String> coordinating = AssignmentRules.coordinatingBodies(execution);
    if (!coordinating.isEmpty()) {
      execution.setVariable("coordinatingBodies", String.join(",", coordinating));
    } else if (execution.hasVariable("coordinatingBodies")) {
      execution.removeVariable("coordinatingBodies");
    }
    boolean leaderReview = normalise(execution, "leaderReview");
    normalise(execution, "confirmation");
    if (!leaderReview) {
      execution.setVariable("approved", true); // the staff's report goes straight on
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
    if (!Boolean.TRUE.equals(vars.getVariable("requestExtension"))) {
      vars.setVariable("requestExtension", false); // the gateway after the task reads it
      if (!Inputs.flag(vars, "leaderReview", "Cần lãnh đạo duyệt", true)) {
        submitted(vars);
      }
    }
  }

  /** A coordinating body's contribution, kept under its body's name. */
  public void contributed(DelegateTask task) {
    String text = rules.checkContribution(task);
    task.getExecution().getProcessInstance()
        .setVariable(CONTRIBUTION_PREFIX + task.getVariable("contributor"), text);
  }

  /**
   * Before the leader reviews: every coordinating body's contribution, as one text; nothing when
   * there is none (the forms say "(không có)").
   */
  public void summariseContributions(DelegateExecution execution) {
    StringBuilder summary = new StringBuilder();
    // by name first: reading every variable's value would deserialise the instance's JSON logs
    execution.getVariableNames().stream().filter(name -> name.startsWith(CONTRIBUTION_PREFIX))
        .sorted()
        .forEach(name -> {
          String body = name.substring(CONTRIBUTION_PREFIX.length());
          summary.append(registry.body(body).map(OrgRegistry.Body::name).orElse(body))
              .append(": ").append(execution.getVariable(name)).append('\n');
        });
    if (summary.length() > 0) {
      execution.setVariable("contributionSummary", summary.toString().trim());
    }
  }

  public void extensionDecided(DelegateTask task) {
    rules.checkExtensionDecision(task);
  }

  /** Approved: the new deadline counts from now on, timers follow it; the history is kept. */
  public void applyExtension(DelegateExecution execution) {
    boolean approved = Boolean.TRUE.equals(execution.getVariable("extensionApproved"));
    if (approved) {
      if (!execution.hasVariable("deadlineLog")) {
        JsonLog.append(execution, "deadlineLog", "deadline", execution.getVariable("deadline"),
            "reason", "Hạn khi giao nhiệm vụ");
      }
      String requested = Inputs.date(execution, "requestedDeadline", "Hạn đề nghị")
          .toString();
      execution.setVariable("deadline", requested);
      JsonLog.append(execution, "deadlineLog", "deadline", requested, "at", now(),
          "reason", execution.getVariable("extensionReason"));
      timers.reschedule(execution);
    }
    LOG.info("Gia hạn nhiệm vụ {}: {}", execution.getBusinessKey(),
        approved ? "đồng ý, hạn mới " + execution.getVariable("deadline") : "từ chối");
    notifications.extensionDecided(execution, approved);
    execution.setVariable("requestExtension", false);
    execution.removeVariable("extensionApproved");
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
      task.setVariable("confirmedAt", deadlines.nowAsDate());
    } else {
      recordReturn(task, "Đơn vị theo dõi", true);
      task.setVariable("returnedSinceSubmission", true);
    }
  }

  /** Done: confirmed now unless the monitoring body had to confirm. */
  public void finished(VariableScope vars) {
    if (vars.getVariable("confirmedAt") == null) {
      vars.setVariable("confirmedAt", deadlines.nowAsDate());
    }
  }

  private void submitted(VariableScope vars) {
    vars.setVariable("submittedAt", deadlines.nowAsDate());
    if (Boolean.TRUE.equals(vars.getVariable("returnedSinceSubmission"))) {
      vars.setVariable("returnedSinceSubmission", false);
    }
  }

  /** Reminder before the deadline ("sắp đến hạn"). */
  public void reminded(DelegateExecution execution) {
    execution.setVariable("reminderSentAt", deadlines.nowAsDate());
    LOG.info("Nhắc hạn nhiệm vụ {} của {}: hạn {}", execution.getBusinessKey(),
        execution.getVariable("leadBody"), execution.getVariable("deadline"));
    notifications.reminded(execution, (String) execution.getVariable("leadBody"));
  }

  /** Overdue: one more chase, escalating by count. */
  public void chased(DelegateExecution execution) {
    int count = (execution.getVariable("chaseCount") instanceof Integer n ? n : 0) + 1;
    ChaseType type = ChaseType.forCount(count);
    execution.setVariable("chaseCount", count);
    execution.setVariable("lastChaseType", type.label());
    JsonLog.append(execution, CHASE_LOG, "n", count, "type", type.label(), "at", now());
    LOG.info("Đôn đốc lần {} ({}) nhiệm vụ {} của {}", count, type.label(),
        execution.getBusinessKey(), execution.getVariable("leadBody"));
  }

  /**
   * Another round of work. Only the monitoring body's returns count as "trả lại" for the body;
   * its own leader's are kept in the log too.
   */
  private void recordReturn(VariableScope vars, String by, boolean counts) {
    int count = (vars.getVariable("returnCount") instanceof Integer n ? n : 0) + (counts ? 1 : 0);
    vars.setVariable("returnCount", count);
    vars.setVariable("round", (vars.getVariable("round") instanceof Integer r ? r : 0) + 1);
    JsonLog.append(vars, "returnLog", "by", by, "reason", vars.getVariable("returnReason"),
        "at", now());
  }

  private String now() {
    return deadlines.now().toOffsetDateTime().toString();
  }
}
