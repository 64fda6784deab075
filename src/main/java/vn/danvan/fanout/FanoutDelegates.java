package vn.danvan.fanout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code fanout.bpmn}, {@code fanoutChunk.bpmn} and {@code fanoutMember.bpmn} call; each
 * hands over to {@link Fanouts} or {@link FanoutMembers}.
 */
@Configuration
public class FanoutDelegates {

  @Bean
  public ExecutionListener fanoutStarted(Fanouts fanouts) {
    return fanouts::started;
  }

  @Bean
  public ExecutionListener fanoutEnded(Fanouts fanouts) {
    return fanouts::ended;
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
  public JavaDelegate fanoutChunkReminded(Fanouts fanouts) {
    return fanouts::remindChunk;
  }

  @Bean
  public JavaDelegate fanoutChunkChased(Fanouts fanouts) {
    return fanouts::chaseChunk;
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
  public DelegateVariableMapping fanoutHandOver(FanoutMembers members) {
    return new DelegateVariableMapping() {
      @Override
      public void mapInputVariables(DelegateExecution member, VariableMap assignment) {
        members.handOver(member, assignment);
      }

      @Override
      public void mapOutputVariables(DelegateExecution member, VariableScope assignment) {
        members.takeBack(member, assignment);
      }
    };
  }

  /** Called by {@code fanoutMember} versions deployed before {@link #fanoutHandOver}. */
  @Bean
  public ExecutionListener fanoutHandedOver(FanoutMembers members) {
    return members::handedOverByCopy;
  }

  @Bean
  public ExecutionListener fanoutMemberDone(FanoutMembers members) {
    return members::done;
  }
}
