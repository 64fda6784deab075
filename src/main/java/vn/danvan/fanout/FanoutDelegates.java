package vn.danvan.fanout;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code fanout.bpmn}, {@code fanoutChunk.bpmn} and {@code fanoutMember.bpmn} call;
 * each hands over to {@link Fanouts} or {@link FanoutMembers}.
 */
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
  public JavaDelegate fanoutChunksQueued(Fanouts fanouts) {
    return fanouts::queueChunks;
  }

  @Bean
  public JavaDelegate fanoutChunkAssigned(Fanouts fanouts) {
    return fanouts::assignChunk;
  }

  @Bean
  public JavaDelegate fanoutReminded(Fanouts fanouts) {
    return fanouts::reminded;
  }

  @Bean
  public JavaDelegate fanoutChased(Fanouts fanouts) {
    return fanouts::chased;
  }

  @Bean
  public ExecutionListener fanoutHandedOver(FanoutMembers members) {
    return members::handedOver;
  }

  @Bean
  public ExecutionListener fanoutMemberDone(FanoutMembers members) {
    return members::done;
  }
}
