package vn.danvan.evaluation;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.BodiesInForce;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.TrackRecords;

/**
 * The evaluation's services and the beans {@code annualEvaluation} and {@code bodyEvaluation} call.
 */
@Configuration
public class EvaluationDelegates {

  /**
   * Criteria sets: {@code danvan.evaluation.criteria} (a resource pattern) and the province a start
   * names by default ({@code danvan.evaluation.province}).
   */
  @Bean
  public CriteriaCatalog criteriaCatalog(
      @Value("${danvan.evaluation.criteria:classpath*:evaluation/*.yaml}") String pattern,
      @Value("${danvan.evaluation.province:}") String province) {
    return CriteriaCatalog.load(pattern, province);
  }

  @Bean
  public Evaluations evaluations(
      CriteriaCatalog catalog,
      BodiesInForce inForce,
      Deadlines deadlines,
      OrgRegistry registry,
      TrackRecords trackRecords) {
    return new Evaluations(catalog, inForce, deadlines, registry, trackRecords);
  }

  @Bean
  public ExecutionListener evaluationStarted(Evaluations evaluations) {
    return evaluations::started;
  }

  /** Called by {@code annualEvaluation} versions deployed before every year ran on its own. */
  @Bean
  public JavaDelegate evaluationYearOpened(Evaluations evaluations) {
    return evaluations::yearOpened;
  }

  @Bean
  public ExecutionListener evaluationYearStarted(Evaluations evaluations) {
    return evaluations::yearStarted;
  }

  @Bean
  public JavaDelegate evaluationCompiled(Evaluations evaluations) {
    return evaluations::compiled;
  }

  @Bean
  public TaskListener evaluationApprovalDecided(Evaluations evaluations) {
    return evaluations::approvalDecided;
  }

  @Bean
  public JavaDelegate evaluationPublished(Evaluations evaluations) {
    return evaluations::published;
  }

  @Bean
  public ExecutionListener evaluationBodyStarted(Evaluations evaluations) {
    return evaluations::bodyStarted;
  }

  @Bean
  public TaskListener selfAssessmentChecked(Evaluations evaluations) {
    return evaluations::selfAssessed;
  }

  @Bean
  public TaskListener evaluationEvidenceShown(Evaluations evaluations) {
    return evaluations::evidenceShown;
  }

  @Bean
  public TaskListener evaluationReviewed(Evaluations evaluations) {
    return evaluations::reviewed;
  }

  @Bean
  public ExecutionListener evaluationRanked(Evaluations evaluations) {
    return evaluations::ranked;
  }
}
