package vn.danvan.assignment;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code assignment.bpmn} and its forms besides the shared ones ({@link
 * vn.danvan.variable.SharedVariables}).
 */
public final class AssignmentVariables {

  public static final String RESULT_REPORT = "resultReport";
  public static final String REQUESTED_DEADLINE = "requestedDeadline";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String EXTENSION_APPROVED = "extensionApproved";
  public static final String APPROVED = "approved";
  public static final String CONFIRMED = "confirmed";
  public static final String CONTRIBUTION = "contribution";
  public static final String CONTRIBUTION_SUMMARY = "contributionSummary";
  public static final String COORDINATING_BODIES = "coordinatingBodies";
  public static final String DEADLINE_LOG = "deadlineLog";
  public static final String RETURN_COUNT = "returnCount";
  public static final String RETURN_LOG = "returnLog";

  private AssignmentVariables() {}

  /** How many times the monitoring body returned the result; absent (never) is 0. */
  public static int returnCount(VariableScope vars) {
    return vars.getVariable(RETURN_COUNT) instanceof Integer n ? n : 0;
  }
}
