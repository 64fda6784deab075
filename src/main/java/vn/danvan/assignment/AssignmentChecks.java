package vn.danvan.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listener beans that run {@link AssignmentRules} from {@code assignment.bpmn}
 * ({@code camunda:delegateExpression="${assignmentStartCheck}"} …). Delegates, not method
 * expressions, so the rule's exception reaches the caller unwrapped (REST: 400).
 */
@Configuration
public class AssignmentChecks {

  @Bean
  public ExecutionListener assignmentStartCheck(AssignmentRules rules) {
    return (DelegateExecution execution) -> rules.checkStart(execution);
  }

  @Bean
  public TaskListener assignmentResultCheck(AssignmentRules rules) {
    return (DelegateTask task) -> rules.checkResult(task);
  }

  @Bean
  public TaskListener assignmentReviewCheck(AssignmentRules rules) {
    return (DelegateTask task) -> rules.checkReview(task);
  }
}
