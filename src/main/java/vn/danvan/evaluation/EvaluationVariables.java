package vn.danvan.evaluation;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code annualEvaluation.bpmn}, {@code evaluationYear.bpmn} and {@code
 * bodyEvaluation.bpmn} besides the shared ones ({@link vn.danvan.variable.SharedVariables}).
 */
public final class EvaluationVariables {

  public static final String REVIEWING_BODY = "reviewingBody";
  public static final String APPROVING_BODY = "approvingBody";
  public static final String PROVINCE = "province";
  public static final String YEARS = "years";
  public static final String YEAR_INDEX = "yearIndex";
  public static final String EVALUATED_BODIES = "evaluatedBodies";
  public static final String CRITERIA_SET_ID = "criteriaSetId";
  public static final String CRITERIA_SET_NAME = "criteriaSetName";
  public static final String SELF_ASSESSMENT_DUE = "selfAssessmentDue";
  public static final String SELF_ASSESSMENT_DEADLINE = "selfAssessmentDeadline";
  public static final String REVIEW_DAYS = "reviewDays";
  public static final String BAND_DECISION = "bandDecision";
  public static final String APPROVAL_DUE = "approvalDue";
  public static final String YEAR = "year";
  public static final String ROUND_BODIES = "roundBodies";
  public static final String RANKING = "ranking";
  public static final String RANKING_SUMMARY = "rankingSummary";
  public static final String APPROVED_AT = "approvedAt";
  public static final String RETURNED_BODIES = "returnedBodies";
  public static final String APPROVAL_NOTE = "approvalNote";
  public static final String RANKING_APPROVED = "rankingApproved";
  public static final String COMPILED_AT = "compiledAt";
  public static final String EVALUATED_BODY_OPTIONS = "evaluatedBodyOptions";
  public static final String PUBLISHED_AT = "publishedAt";
  public static final String SELF_ASSESSMENT = "selfAssessment";
  public static final String SELF_TOTAL = "selfTotal";
  public static final String SELF_ASSESSED_AT = "selfAssessedAt";
  public static final String SELF_ASSESSED_LATE = "selfAssessedLate";
  public static final String TRACK_RECORD = "trackRecord";
  public static final String EVALUATION_ID = "evaluationId";
  public static final String EVALUATED_LATE = "evaluatedLate";
  public static final String RETURN_FOR_CORRECTION = "returnForCorrection";
  public static final String TOTAL_SCORE = "totalScore";
  public static final String REVIEWED_AT = "reviewedAt";
  public static final String BAND_RESULT = "bandResult";
  public static final String BAND = "band";
  public static final String BAND_LABEL = "bandLabel";

  private EvaluationVariables() {}

  /** The year a round evaluates (set when the round opens). */
  public static Integer year(VariableScope vars) {
    return (Integer) vars.getVariable(YEAR);
  }
}
