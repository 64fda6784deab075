package vn.danvan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;

/** Completions that lose a race with the job executor are run again; nothing else is. */
class TaskCompletionRetryTest {

  /** The rest of the chain: fails with a conflict the first {@code conflicts} times. */
  static final class Chain implements CommandExecutor {
    final AtomicInteger calls = new AtomicInteger();
    final int conflicts;

    Chain(int conflicts) {
      this.conflicts = conflicts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (calls.incrementAndGet() <= conflicts) {
        throw new OptimisticLockingException("DELETE TimerEntity[1] failed");
      }
      return (T) "done";
    }
  }

  static Object run(Command<?> command, Chain chain) {
    TaskCompletionRetry.Interceptor interceptor = new TaskCompletionRetry.Interceptor();
    interceptor.setNext(chain);
    return interceptor.execute(command);
  }

  @Test
  void aCompletionThatLostARaceIsRunAgainAndSucceeds() {
    Chain chain = new Chain(2);
    assertThat(run(new CompleteTaskCmd("task1", Map.of()), chain)).isEqualTo("done");
    assertThat(chain.calls).hasValue(3);
  }

  @Test
  void aTasklistFormSubmitIsRetriedToo() {
    Chain chain = new Chain(1);
    assertThat(run(new SubmitTaskFormCmd("task1", Map.of(), false, false), chain))
        .isEqualTo("done");
    assertThat(chain.calls).hasValue(2);
  }

  @Test
  void afterTheLastAttemptTheConflictReachesTheCaller() {
    Chain chain = new Chain(TaskCompletionRetry.ATTEMPTS);
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), chain))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(chain.calls).hasValue(TaskCompletionRetry.ATTEMPTS);
  }

  @Test
  void otherCommandsAreNotRetried() {
    Chain chain = new Chain(1);
    assertThatThrownBy(() -> run(new ClaimTaskCmd("task1", "someone"), chain))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(chain.calls).hasValue(1);
  }
}
