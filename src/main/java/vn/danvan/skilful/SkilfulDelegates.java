package vn.danvan.skilful;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code skilfulModel}, {@code skilfulQuota}, {@code skilfulContest} and {@code
 * skilfulFocus} call.
 */
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
  public ExecutionListener skilfulQuotaStarted(SkilfulQuotas quotas) {
    return quotas::quotaStarted;
  }

  @Bean
  public ExecutionListener skilfulQuotaEnded(SkilfulQuotas quotas) {
    return quotas::quotaEnded;
  }

  @Bean
  public JavaDelegate skilfulQuotaOpened(SkilfulQuotas quotas) {
    return quotas::quotaOpened;
  }

  @Bean
  public JavaDelegate skilfulQuotaChecked(SkilfulQuotas quotas) {
    return quotas::quotaChecked;
  }

  @Bean
  public ExecutionListener skilfulContestStarted(SkilfulContests contests) {
    return contests::contestStarted;
  }

  @Bean
  public JavaDelegate skilfulRoundOpened(SkilfulContests contests) {
    return contests::roundOpened;
  }

  @Bean
  public TaskListener skilfulRoundGiven(SkilfulContests contests) {
    return contests::roundGiven;
  }

  @Bean
  public TaskListener skilfulRoundScored(SkilfulContests contests) {
    return contests::roundScored;
  }

  @Bean
  public TaskListener skilfulContestAwarded(SkilfulContests contests) {
    return contests::awarded;
  }

  @Bean
  public ExecutionListener skilfulFocusStarted(SkilfulFocus focus) {
    return focus::started;
  }

  @Bean
  public JavaDelegate skilfulContestOpened(SkilfulFocus focus) {
    return focus::contestOpened;
  }

  @Bean
  public TaskListener skilfulFocusAreaChosen(SkilfulFocus focus) {
    return focus::chosen;
  }
}
