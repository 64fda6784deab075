package vn.danvan.assignment;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code assignment.bpmn} calls ({@code camunda:delegateExpression="${…}"}): each is a
 * one-line hand-over to {@link AssignmentRecords}. Delegates rather than method expressions, so a
 * rule's exception reaches the caller as it is (REST: 400).
 */
@Configuration
public class AssignmentDelegates {

  @Bean
  public ExecutionListener assignmentStarted(AssignmentRecords records) {
    return records::started;
  }

  @Bean
  public TaskListener assignmentWorkDone(AssignmentRecords records) {
    return records::workDone;
  }

  @Bean
  public TaskListener assignmentContributed(AssignmentRecords records) {
    return records::contributed;
  }

  @Bean
  public TaskListener assignmentExtensionDecided(AssignmentRecords records) {
    return records::extensionDecided;
  }

  @Bean
  public JavaDelegate assignmentApplyExtension(AssignmentRecords records) {
    return records::applyExtension;
  }

  @Bean
  public ExecutionListener assignmentContributionsSummarised(AssignmentRecords records) {
    return records::summariseContributions;
  }

  @Bean
  public TaskListener assignmentReviewed(AssignmentRecords records) {
    return records::reviewed;
  }

  @Bean
  public TaskListener assignmentConfirmed(AssignmentRecords records) {
    return records::confirmedOrReturned;
  }

  @Bean
  public ExecutionListener assignmentFinished(AssignmentRecords records) {
    return records::finished;
  }

  @Bean
  public JavaDelegate assignmentReminded(AssignmentRecords records) {
    return records::reminded;
  }

  @Bean
  public JavaDelegate assignmentChased(AssignmentRecords records) {
    return records::chased;
  }
}
