package vn.danvan.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
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
 * <p>Two completions can also meet in the database: a body finishing its work ends its chase
 * notices while its leader acknowledges one of them, and both delete the same rows in different
 * orders. PostgreSQL then rolls one of them back with a deadlock ({@code 40P01}; seen in the
 * lifetime benchmark with the demo province's 40 bodies), where Camunda's own check would have
 * raised an {@link OptimisticLockingException}. It is the same lost race, so it is retried the same
 * way, as is a serialization failure ({@code 40001}, also H2's deadlock). When one of the two
 * commits first, the other may read a row of the notice, then find the rest gone, and Camunda fails
 * wherever it meets the gap (121 of 400 completions in {@code FanoutConcurrencyIT} before this was
 * retried, later 2 with a {@code NullPointerException}); that is retried too. So is a row lock
 * waited for in vain ({@code HYT00}: H2 gives up after 2 s, e.g. on a fan-out member whose chase
 * chunk is starting its notices; {@code 55P03}: PostgreSQL, only if a {@code lock_timeout} is set).
 *
 * <p>So task completions (Tasklist's form submit and REST {@code complete}) are run again, whole,
 * in a new transaction, up to {@link #ATTEMPTS} times. A completion whose database went away
 * ({@link DatabaseUnavailable}) is not: whether its commit happened is unknown, and its client,
 * answered 503, tries again and finds the task done (404) or still open. Only outermost commands
 * are retried: a completion nested inside another command belongs to that command's transaction.
 * Jobs are not retried here; the job executor has its own retries.
 */
@Component
public class TaskCompletionRetry extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 5;

  /**
   * SQL states of a statement or transaction that met another: deadlock, serialization failure, a
   * row lock waited for too long (H2's 2 s, PostgreSQL's {@code lock_timeout} when one is set).
   */
  static final Set<String> RACES = Set.of("40P01", "40001", "HYT00", "55P03");

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
        } catch (RuntimeException conflict) {
          if (!lostARace(conflict) || attempt >= ATTEMPTS) {
            throw conflict;
          }
          LOG.debug(
              "Hoàn thành công việc trùng lúc với tiến trình khác, thử lại lần {}: {}",
              attempt + 1,
              conflict.getMessage());
          pause(attempt);
        }
      }
    }

    /**
     * Camunda's optimistic lock failed, or the database rolled the transaction back because it met
     * another one: a deadlock or a serialization failure anywhere in the causes.
     */
    static boolean lostARace(Throwable failure) {
      if (failure instanceof OptimisticLockingException || instanceGone(failure)) {
        return true;
      }
      // a bounded walk: a chain of causes may loop
      Throwable cause = failure;
      for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
        // a failure without a SQL state (the pool's timeout) is no race
        if (cause instanceof SQLException sql
            && sql.getSQLState() != null
            && RACES.contains(sql.getSQLState())) {
          return true;
        }
      }
      return false;
    }

    /**
     * The command read a row, then found rows it belongs with gone: another transaction ended that
     * process instance in between (a body's answer ending the chase notice its leader is
     * acknowledging, or the other way round). Camunda fails wherever it meets the gap: a {@code
     * NullValueException} "Cannot restore state of process instance", or a {@code
     * NullPointerException} thrown by the engine's code (both seen in {@code FanoutConcurrencyIT}).
     * Run again, the body's answer finds the notice already ended, and the leader's acknowledgement
     * finds its task gone, which a client understands (404).
     */
    private static boolean instanceGone(Throwable failure) {
      if (failure instanceof NullPointerException npe) {
        // the engine's own code met the gap; one of the product's is a bug, not a race
        StackTraceElement[] at = npe.getStackTrace();
        return at.length > 0 && at[0].getClassName().startsWith("org.camunda.bpm.engine.");
      }
      return failure instanceof NullValueException
          && failure.getMessage() != null
          && failure.getMessage().startsWith("Cannot restore state of process instance");
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
