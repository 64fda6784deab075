package vn.danvan.skilful;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code skilfulModel}, {@code skilfulQuota} and {@code skilfulContest} call. */
@Configuration
public class SkilfulDelegates {

  @Bean
  public ExecutionListener skilfulModelRegistered(SkilfulModels models) {
    return models::registered;
  }

  @Bean
  public TaskListener skilfulModelAppraised(SkilfulModels models) {
    return models::appraised;
  }

  @Bean
  public TaskListener skilfulModelReEvaluated(SkilfulModels models) {
    return models::reEvaluated;
  }

  @Bean
  public ExecutionListener skilfulModelJudged(SkilfulModels models) {
    return models::judged;
  }

  @Bean
  public TaskListener skilfulModelCommended(SkilfulModels models) {
    return models::commended;
  }

  @Bean
  public ExecutionListener skilfulModelRetired(SkilfulModels models) {
    return models::retired;
  }

  @Bean
  public ExecutionListener skilfulQuotaStarted(SkilfulModels models) {
    return models::quotaStarted;
  }

  @Bean
  public ExecutionListener skilfulQuotaEnded(SkilfulModels models) {
    return models::quotaEnded;
  }

  @Bean
  public JavaDelegate skilfulQuotaOpened(SkilfulModels models) {
    return models::quotaOpened;
  }

  @Bean
  public JavaDelegate skilfulQuotaChecked(SkilfulModels models) {
    return models::quotaChecked;
  }

  @Bean
  public ExecutionListener skilfulContestStarted(SkilfulModels models) {
    return models::contestStarted;
  }

  @Bean
  public JavaDelegate skilfulRoundOpened(SkilfulModels models) {
    return models::roundOpened;
  }

  @Bean
  public TaskListener skilfulRoundGiven(SkilfulModels models) {
    return models::roundGiven;
  }

  @Bean
  public TaskListener skilfulRoundScored(SkilfulModels models) {
    return models::roundScored;
  }

  @Bean
  public TaskListener skilfulContestAwarded(SkilfulModels models) {
    return models::awarded;
  }
}
