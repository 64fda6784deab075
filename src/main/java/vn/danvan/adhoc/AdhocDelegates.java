package vn.danvan.adhoc;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code adhocReport.bpmn} calls; each hands over to {@link AdhocReports}. */
@Configuration
public class AdhocDelegates {

  @Bean
  public ExecutionListener adhocRaised(AdhocReports reports) {
    return reports::raised;
  }

  @Bean
  public TaskListener adhocHandled(AdhocReports reports) {
    return reports::handled;
  }

  @Bean
  public TaskListener adhocDirected(AdhocReports reports) {
    return reports::directed;
  }
}
