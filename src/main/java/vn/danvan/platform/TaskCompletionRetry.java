package vn.danvan.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A person completing a task must not get an error because the engine's own job executor touched
 * the same process instance at that moment. It happens: when a body's reminder or chase timer is
 * being fired (the job executor locks the timer row) while a staff member completes the task, the
 * completion, which deletes that timer, fails with an {@link OptimisticLockingException} — measured
 * as 4 failed completions out of 500 with every timer due (the fan-out benchmark).
 *
 * <p>So task completions (Tasklist's form submit and REST {@code complete}) are run again, whole,
 * in a new transaction, up to {@link #ATTEMPTS} times. Only outermost commands are retried: a
 * completion nested inside another command belongs to that command's transaction. Jobs are not
 * retried here; the job executor has its own retries.
 */
@Component
public class TaskCompletionRetry extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(TaskCompletionRetry.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> before = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      before.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    // first in the chain: outside the transaction, so each attempt gets a fresh one
    before.add(0, new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(before);
  }

  /** The interceptor itself: retries completions that lost a race, passes everything else on. */
  static class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!isCompletion(command) || Context.getCommandContext() != null) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException conflict) {
          if (attempt >= ATTEMPTS) {
            throw conflict;
          }
          LOG.debug("Hoàn thành công việc trùng lúc với tiến trình khác, thử lại lần {}: {}",
              attempt + 1, conflict.getMessage());
          pause(attempt);
        }
      }
    }

    private static boolean isCompletion(Command<?> command) {
      return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    private static void pause(int attempt) {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while retrying a task completion", e);
      }
    }
  }
}
