package vn.danvan.inspection;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code inspection.bpmn} and its forms besides the shared ones ({@link
 * vn.danvan.variable.SharedVariables}): the inspected bodies are given as {@code bodies} or {@code
 * bodyType}, when as {@code deadlinePhrase} (and {@code endDate} for a cycle).
 */
public final class InspectionVariables {

  /** The body that inspects (plans, inspects, concludes, confirms the corrections). */
  public static final String INSPECTING_BODY = "inspectingBody";

  /** The inspected bodies as admitted at the start, ids separated by ", ". */
  public static final String INSPECTED_BODIES = "inspectedBodies";

  /** The same, by name, for the forms. */
  public static final String INSPECTED_BODY_NAMES = "inspectedBodyNames";

  /** The rounds of inspection (JSON: label, opens, due), one for a one-off phrase. */
  public static final String INSPECTION_ROUNDS = "inspectionRounds";

  /** Local to a round: its position in {@link #INSPECTION_ROUNDS}. */
  public static final String ROUND_INDEX = "inspectionRoundIndex";

  /** Local to a round: its label ("Năm 2026"), last day (yyyy-MM-dd), plan's due day. */
  public static final String ROUND_LABEL = "roundLabel";

  public static final String ROUND_DUE = "roundDue";
  public static final String PLAN_DUE = "planDue";

  /** The plan (local to a round): who inspects, the schedule, the day the visits end by. */
  public static final String INSPECTION_TEAM = "inspectionTeam";

  public static final String INSPECTION_SCHEDULE = "inspectionSchedule";
  public static final String INSPECTION_DATE = "inspectionDate";
  public static final String PLAN_APPROVED = "planApproved";

  /** Local to one inspected body (the element of the multi-instance). */
  public static final String INSPECTED_BODY = "inspectedBody";

  public static final String FINDINGS = "findings";
  public static final String INSPECTION_CONCLUSION = "inspectionConclusion";
  public static final String CORRECTIONS_REQUIRED = "correctionsRequired";

  /** The required corrections, one a line; each becomes an assignment of the inspected body. */
  public static final String CORRECTIONS = "corrections";

  public static final String CORRECTION_DEADLINE = "correctionDeadline";

  /** Local to one correction's call: its text. */
  public static final String CORRECTION = "correction";

  private InspectionVariables() {}

  /** The day the inspection visits end by (yyyy-MM-dd once the plan is checked). */
  public static LocalDate inspectionDate(VariableScope vars) {
    return LocalDate.parse((String) vars.getVariable(INSPECTION_DATE));
  }

  /** The round's position. */
  public static int roundIndex(VariableScope vars) {
    return (Integer) vars.getVariable(ROUND_INDEX);
  }
}
