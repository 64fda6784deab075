package vn.danvan.review;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of {@code reviewMilestone.bpmn} besides the shared ones ({@link
 * vn.danvan.variable.SharedVariables}).
 */
public final class ReviewVariables {

  public static final String DRAFTING_BODY = "draftingBody";
  public static final String LEADERSHIP_BODY = "leadershipBody";
  public static final String REVIEW_KIND = "reviewKind";
  public static final String REVIEW_OPENS = "reviewOpens";
  public static final String REVIEW_TASK = "reviewTask";
  public static final String REVIEW_CONCLUSION = "reviewConclusion";

  private ReviewVariables() {}

  /** The first day of the milestone's window (set at the start). */
  public static LocalDate reviewOpens(VariableScope vars) {
    return LocalDate.parse((String) vars.getVariable(REVIEW_OPENS));
  }
}
