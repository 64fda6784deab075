package vn.danvan.fanout;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code fanout.bpmn} calls; each hands over to {@link Fanouts}. */
@Configuration
public class FanoutDelegates {

  @Bean
  public ExecutionListener fanoutStarted(Fanouts fanouts) {
    return fanouts::started;
  }

  @Bean
  public JavaDelegate fanoutPrepared(Fanouts fanouts) {
    return fanouts::prepared;
  }

  @Bean
  public JavaDelegate fanoutChunkAssigned(Fanouts fanouts) {
    return fanouts::assignChunk;
  }
}
