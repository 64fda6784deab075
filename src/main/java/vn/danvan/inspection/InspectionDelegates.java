package vn.danvan.inspection;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code inspection.bpmn} calls: each a one-line hand-over to {@link Inspections}, so a
 * rule's exception reaches the caller as it is (REST: 400).
 */
@Configuration
public class InspectionDelegates {

  @Bean
  public ExecutionListener inspectionStarted(Inspections inspections) {
    return inspections::started;
  }

  @Bean
  public ExecutionListener inspectionRoundStarted(Inspections inspections) {
    return inspections::roundStarted;
  }

  @Bean
  public ExecutionListener inspectionRoundOpened(Inspections inspections) {
    return inspections::roundOpened;
  }

  @Bean
  public TaskListener inspectionPlanned(Inspections inspections) {
    return inspections::planned;
  }

  @Bean
  public TaskListener inspectionPlanDecided(Inspections inspections) {
    return inspections::planDecided;
  }

  @Bean
  public ExecutionListener inspectionBodyStarted(Inspections inspections) {
    return inspections::bodyStarted;
  }

  @Bean
  public TaskListener inspectionFindingsRecorded(Inspections inspections) {
    return inspections::findingsRecorded;
  }

  @Bean
  public TaskListener inspectionConcluded(Inspections inspections) {
    return inspections::concluded;
  }
}
