package vn.danvan.periodic;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code periodicReport.bpmn} and {@code reportPeriod.bpmn} besides the shared
 * ones ({@link vn.danvan.variable.SharedVariables}).
 */
public final class PeriodicVariables {

  /** When the compile task was first created: late reports then no longer open one. */
  public static final String COMPILE_OPENED_AT = "compileOpenedAt";

  public static final String LAST_RETURNED_BODY = "lastReturnedBody";

  /** On a member a round gave back: the round's instance id (its withdrawal ends the member). */
  public static final String PERIOD_ID = "periodId";

  public static final String PERIOD_SUMMARY = "periodSummary";
  public static final String PERIOD_TASK = "periodTask";
  public static final String RETURN_BODY = "returnBody";

  /** The form's choice to return one body's report instead of writing the summary. */
  public static final String RETURN_ONE = "returnOne";

  /** The consolidating body returned one body's report (the form's choice). */
  public static final String RETURNING = "returning";

  public static final String PERIOD_CONCLUSION = "periodConclusion";
  public static final String CONSOLIDATING_BODY = "consolidatingBody";
  public static final String PERIOD_DUE = "periodDue";
  public static final String PERIOD_INDEX = "periodIndex";
  public static final String PERIODS = "periods";
  public static final String REPORTING_BODIES = "reportingBodies";

  private PeriodicVariables() {}

  /** The current period's due day (set when the round opens). */
  public static LocalDate periodDue(VariableScope vars) {
    return LocalDate.parse((String) vars.getVariable(PERIOD_DUE));
  }
}
