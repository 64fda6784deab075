package vn.danvan.review;

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
}
