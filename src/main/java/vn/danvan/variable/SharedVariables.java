package vn.danvan.variable;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables several blocks share: a piece of work (lead body, deadline, content,
 * submission and confirmation), its reminders and chases, the deadline phrases read against the
 * issue date. Each name is defined here once; BPMN, forms and stored data use the same names. The
 * typed readers and writers below are for the variables whose type the code relies on.
 */
public final class SharedVariables {

  /** The approved deadline: yyyy-MM-dd, empty for none (typed as dd/MM/yyyy until checked). */
  public static final String DEADLINE = "deadline";

  /** The body that does the work (an id of the organisation registry). */
  public static final String LEAD_BODY = "leadBody";

  public static final String MONITOR_BODY = "monitorBody";

  /**
   * A directive's trích yếu: what it is about, as its title says it (its start form, the board).
   */
  public static final String SUMMARY = "summary";

  public static final String TASK_CONTENT = "taskContent";

  /** On a fan-out's members, chunks and notices: the fan-out's instance id. */
  public static final String FANOUT_ID = "fanoutId";

  public static final String CHASE_COUNT = "chaseCount";
  public static final String LAST_CHASE_TYPE = "lastChaseType";

  /** The log of the work's chases (an assignment's own, or a fan-out's). */
  public static final String CHASE_LOG = "chaseLog";

  public static final String REQUEST_EXTENSION = "requestExtension";

  /** Whether the body's leader reviews the result before it is submitted. */
  public static final String LEADER_REVIEW = "leaderReview";

  public static final String CONFIRMATION = "confirmation";
  public static final String RETURN_REASON = "returnReason";
  public static final String ROUND = "round";
  public static final String RETURNED_SINCE_SUBMISSION = "returnedSinceSubmission";
  public static final String SUBMITTED_AT = "submittedAt";
  public static final String CONFIRMED_AT = "confirmedAt";

  /** Set when the lead body answered before the assignment began (a fan-out's member). */
  public static final String ANSWERED_AHEAD = "answeredAhead";

  public static final String CHASE_INTERVAL = "chaseInterval";
  public static final String REMINDER_DAYS = "reminderDays";
  public static final String REMINDER_SENT_AT = "reminderSentAt";
  public static final String BODIES = "bodies";
  public static final String BODY_TYPE = "bodyType";
  public static final String BODY_NAME = "bodyName";
  public static final String RECIPIENT_BODY = "recipientBody";
  public static final String WINDOW_DAYS = "windowDays";
  public static final String MISSING_COUNT = "missingCount";

  /** The bodies that had not answered when the compile task was created (text for the form). */
  public static final String MISSING_BODIES = "missingBodies";

  /** The bodies whose report can be returned, as the compile form's choices ({label, value}). */
  public static final String ANSWERED_BODIES = "answeredBodies";

  public static final String REVIEW_DUE = "reviewDue";
  public static final String ASSESSMENT = "assessment";

  /**
   * Set on fan-out members whose results the fan-out wants confirmed by the monitoring body (on
   * members started before the leader reviewed in the member: reviewed or confirmed); in an ad hoc
   * report, the leader's choice to give follow-up work.
   */
  public static final String FOLLOW_UP = "followUp";

  public static final String PERIOD_LABEL = "periodLabel";

  /**
   * The figures a periodic report asks for, as the administrator declares them on the call activity
   * ({@code key: Nhãn (đơn vị); …}); passed down to the bodies' work.
   */
  public static final String REPORT_FIGURES = "reportFigures";

  /** A body's figures for its report: a JSON object, figure key → integer ≥ 0. */
  public static final String REPORTED_FIGURES = "reportedFigures";

  /** The compile task's table of figures: its columns ({key, label}) and rows (JSON). */
  public static final String FIGURE_COLUMNS = "figureColumns";

  public static final String FIGURE_ROWS = "figureRows";
  public static final String DEADLINE_PHRASE = "deadlinePhrase";
  public static final String CYCLE_PHRASE = "cyclePhrase";
  public static final String MILESTONE_PHRASE = "milestonePhrase";
  public static final String END_DATE = "endDate";
  public static final String ISSUED_DATE = "issuedDate";
  public static final String REPLAY_YEARS = "replayYears";
  public static final String CONTRIBUTOR = "contributor";

  /** A reminder's or chase's chunk: the open members it covers, member instance id → body. */
  public static final String MEMBERS = "members";

  /** What a fan-out chunk does for its bodies, or which template an e-mail follows. */
  public static final String KIND = "kind";

  private SharedVariables() {}

  /** The body that does the work. */
  public static String leadBody(VariableScope vars) {
    return (String) vars.getVariable(LEAD_BODY);
  }

  /** What is to be done (as text); null when absent. */
  public static String taskContent(VariableScope vars) {
    Object content = vars.getVariable(TASK_CONTENT);
    return content == null ? null : content.toString();
  }

  /** The period of a periodic report ("Quý I/2026", "Năm 2026"); null outside one. */
  public static String periodLabel(VariableScope vars) {
    Object label = vars.getVariable(PERIOD_LABEL);
    return label == null ? null : label.toString();
  }

  /** The approved deadline (yyyy-MM-dd text, empty for none, once the work has started). */
  public static LocalDate deadline(VariableScope vars) {
    return vars.getVariable(DEADLINE) instanceof String d && !d.isBlank()
        ? LocalDate.parse(d)
        : null;
  }

  /** Writes the deadline as the models and forms read it: yyyy-MM-dd, empty for none. */
  public static void deadline(VariableScope vars, LocalDate deadline) {
    vars.setVariable(DEADLINE, deadline == null ? "" : deadline.toString());
  }

  /** A review's due day (yyyy-MM-dd): a milestone's, or an evaluation year's scoring deadline. */
  public static LocalDate reviewDue(VariableScope vars) {
    return LocalDate.parse((String) vars.getVariable(REVIEW_DUE));
  }

  /** How many times the work was chased; absent (never) is 0. */
  public static int chaseCount(VariableScope vars) {
    return vars.getVariable(CHASE_COUNT) instanceof Integer n ? n : 0;
  }

  /** The round of rework, 0 for the first; absent is 0. */
  public static int round(VariableScope vars) {
    return vars.getVariable(ROUND) instanceof Integer r ? r : 0;
  }

  /** Whether the lead body answered before the assignment began (a fan-out's member). */
  public static boolean answeredAhead(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable(ANSWERED_AHEAD));
  }

  /** Whether the staff asked for more time instead of reporting. */
  public static boolean requestExtension(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable(REQUEST_EXTENSION));
  }

  /** Whether the monitoring body returned the result since it was last submitted. */
  public static boolean returnedSinceSubmission(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable(RETURNED_SINCE_SUBMISSION));
  }
}
