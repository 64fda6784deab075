package vn.danvan.engine;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Work that an instance started outside its own tree ends with it when it is cancelled. A fan-out's
 * members and a quota's chase notices are instances of their own, linked to the instance that
 * started them by a variable holding its id, not sub-processes: when that instance is deleted (or
 * the instance that called it, in Cockpit or over REST), a call activity's sub-instance goes with
 * it, but these would stay, and bodies would keep tasks of withdrawn work.
 */
public final class Withdrawals {

  private Withdrawals() {}

  /**
   * Ends the running instances of {@code definitions} whose variable {@code link} holds the
   * cancelled {@code owner}'s id, with their own sub-instances; returns how many. Deleting the
   * owner was the authorised act: what it started goes without a check of its own.
   */
  public static int endStartedBy(
      DelegateExecution owner, String link, String reason, String... definitions) {
    RuntimeService runtime = owner.getProcessEngineServices().getRuntimeService();
    String id = owner.getProcessInstanceId();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              int count = 0;
              for (String definition : definitions) {
                List<String> ids =
                    runtime
                        .createProcessInstanceQuery()
                        .processDefinitionKey(definition)
                        .variableValueEquals(link, id)
                        .list()
                        .stream()
                        .map(ProcessInstance::getId)
                        .toList();
                if (!ids.isEmpty()) {
                  // "if exists": a sub-instance of one deleted before (a member's full
                  // assignment's)
                  runtime.deleteProcessInstancesIfExists(ids, reason, false, true, false);
                  count += ids.size();
                }
              }
              return count;
            });
  }
}
