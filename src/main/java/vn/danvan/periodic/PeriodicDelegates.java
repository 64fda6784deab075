package vn.danvan.periodic;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.danvan.platform.Inputs;

/** The beans {@code periodicReport.bpmn} calls; each hands over to {@link PeriodicReports}. */
@Configuration
public class PeriodicDelegates {

  @Bean
  public ExecutionListener periodicStarted(PeriodicReports reports) {
    return reports::started;
  }

  @Bean
  public JavaDelegate periodOpened(PeriodicReports reports) {
    return reports::open;
  }

  @Bean
  public JavaDelegate periodClosed(PeriodicReports reports) {
    return reports::closed;
  }

  @Bean
  public TaskListener periodSummaryCheck() {
    return task -> Inputs.text(task, "periodSummary", "Báo cáo tổng hợp");
  }

  @Bean
  public TaskListener periodConclusionCheck() {
    return task -> Inputs.text(task, "periodConclusion", "Kết luận");
  }
}
