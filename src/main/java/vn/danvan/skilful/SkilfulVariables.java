package vn.danvan.skilful;

/**
 * The variables of {@code skilfulModel.bpmn}, {@code skilfulQuota.bpmn} and {@code
 * skilfulContest.bpmn} besides the shared ones ({@link vn.danvan.variable.SharedVariables}).
 */
public final class SkilfulVariables {

  public static final String MODEL_NAME = "modelName";
  public static final String REASON = "reason";
  public static final String GOALS = "goals";
  public static final String CONTENT = "content";
  public static final String AREA = "area";
  public static final String PARTICIPANTS = "participants";
  public static final String RESOURCES = "resources";
  public static final String TIMELINE = "timeline";
  public static final String OUTPUTS = "outputs";
  public static final String SUSTAINABILITY = "sustainability";
  public static final String WORK_FIELD = "workField";
  public static final String WORK_FIELD_LABEL = "workFieldLabel";
  public static final String REGISTRANT = "registrant";
  public static final String BODY = "body";
  public static final String REGISTRATION_YEAR = "registrationYear";
  public static final String APPRAISING_BODY = "appraisingBody";
  public static final String RECOGNISING_BODY = "recognisingBody";
  public static final String APPRAISAL_DUE = "appraisalDue";
  public static final String YEARS_RECOGNISED = "yearsRecognised";
  public static final String APPRAISAL_SCORE = "appraisalScore";
  public static final String APPRAISAL_NOTE = "appraisalNote";
  public static final String STILL_RUNNING = "stillRunning";
  public static final String RETIRE_REASON = "retireReason";
  public static final String RECOGNITION = "recognition";
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_LABEL = "outcomeLabel";
  public static final String COMMENDATION_DECISION = "commendationDecision";
  public static final String MODEL_STATUS = "modelStatus";
  public static final String STATUS_LOG = "statusLog";
  public static final String REGISTRATION_DEADLINE = "registrationDeadline";
  public static final String QUOTA_DUES = "quotaDues";
  public static final String QUOTA_INDEX = "quotaIndex";
  public static final String QUOTA_FROM_YEAR = "quotaFromYear";
  public static final String CUMULATIVE = "cumulative";
  public static final String QUOTA_BODIES = "quotaBodies";
  public static final String QUOTA_YEAR = "quotaYear";
  public static final String LACKING_COUNT = "lackingCount";
  public static final String QUOTA_SUMMARY = "quotaSummary";
  public static final String QUOTA_ID = "quotaId";
  public static final String CONTEST_NAME = "contestName";
  public static final String ORGANISING_BODY = "organisingBody";
  public static final String ROUNDS = "rounds";
  public static final String ROUND_NAMES = "roundNames";
  public static final String ROUND_INDEX = "roundIndex";
  public static final String PASS_SCORE = "passScore";
  public static final String ENTRIES = "entries";

  /** The jury task's own copy of the round's entries. */
  public static final String ROUND_ENTRIES = "roundEntries";

  public static final String ROUND_NAME = "roundName";
  public static final String ROUND_LOG = "roundLog";
  public static final String AWARD_DECISION = "awardDecision";

  /** The focus areas (lĩnh vực trọng tâm) a directive names for its period: a JSON list. */
  public static final String FOCUS_AREAS = "focusAreas";

  /** The focus area a model belongs to (one of the directive's, or {@code OTHER_AREA}). */
  public static final String FOCUS_AREA = "focusArea";

  /** The registrant's choices of focus area, for the form: [{label, value}]. */
  public static final String FOCUS_AREA_CHOICES = "focusAreaChoices";

  public static final String COMMENDING_BODY = "commendingBody";
  public static final String CONTEST_CYCLE = "contestCycle";
  public static final String CONTEST_DUES = "contestDues";
  public static final String CONTEST_INDEX = "contestIndex";
  public static final String CONTEST_YEAR = "contestYear";
  public static final String PER_FOCUS_AREA = "perFocusArea";

  private SkilfulVariables() {}
}
