package vn.danvan.directive;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans every directive model calls; each hands over to {@link Directives}. */
@Configuration
public class DirectiveDelegates {

  @Bean
  public ExecutionListener directiveStarted(Directives directives) {
    return directives::started;
  }
}
