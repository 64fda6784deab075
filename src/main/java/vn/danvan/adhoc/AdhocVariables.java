package vn.danvan.adhoc;

/**
 * The variables of {@code adhocReport.bpmn} besides the shared ones ({@link
 * vn.danvan.variable.SharedVariables}).
 */
public final class AdhocVariables {

  public static final String INCIDENT_TITLE = "incidentTitle";
  public static final String INCIDENT_DETAILS = "incidentDetails";
  public static final String SEVERITY = "severity";
  public static final String REPORTER = "reporter";
  public static final String REPORTING_BODY = "reportingBody";
  public static final String RESPONSE_DUE = "responseDue";
  public static final String ESCALATE = "escalate";
  public static final String DIRECTION = "direction";
  public static final String FOLLOW_UP_BODY = "followUpBody";
  public static final String FOLLOW_UP_CONTENT = "followUpContent";
  public static final String FOLLOW_UP_DEADLINE = "followUpDeadline";

  private AdhocVariables() {}
}
