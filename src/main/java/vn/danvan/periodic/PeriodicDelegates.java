package vn.danvan.periodic;

import static vn.danvan.periodic.PeriodicVariables.PERIOD_CONCLUSION;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.danvan.input.Inputs;

/**
 * The beans {@code periodicReport.bpmn} and {@code reportPeriod.bpmn} call; each hands over to
 * {@link PeriodicReports} or {@link PeriodWork}.
 */
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
  public TaskListener periodSummaryCheck(PeriodWork work) {
    return work::compileDone;
  }

  @Bean
  public TaskListener periodCompileOpened(PeriodWork work) {
    return work::compileOpened;
  }

  @Bean
  public TaskListener periodFiguresAsked(PeriodWork work) {
    return work::figuresAsked;
  }

  @Bean
  public TaskListener periodFiguresReported(PeriodWork work) {
    return work::figuresReported;
  }

  @Bean
  public JavaDelegate periodReportReturned(PeriodWork work) {
    return work::returnReport;
  }

  @Bean
  public ExecutionListener periodEnded(PeriodWork work) {
    return work::ended;
  }

  @Bean
  public TaskListener periodConclusionCheck() {
    return task -> Inputs.text(task, PERIOD_CONCLUSION, "Kết luận");
  }
}
