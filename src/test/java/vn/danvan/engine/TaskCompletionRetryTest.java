package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Completions that lose a race (with the job executor, or with another completion in the database)
 * are run again; nothing else is.
 */
class TaskCompletionRetryTest {

  /** The rest of the chain: fails with {@code failure} the first {@code conflicts} times. */
  static final class Chain implements CommandExecutor {
    final AtomicInteger calls = new AtomicInteger();
    final int conflicts;
    final Supplier<RuntimeException> failure;

    Chain(int conflicts) {
      this(conflicts, () -> new OptimisticLockingException("DELETE TimerEntity[1] failed"));
    }

    Chain(int conflicts, Supplier<RuntimeException> failure) {
      this.conflicts = conflicts;
      this.failure = failure;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (calls.incrementAndGet() <= conflicts) {
        throw failure.get();
      }
      return (T) "done";
    }
  }

  /**
   * What a completion's flush raised on PostgreSQL when another transaction deleted the same rows
   * in another order (the lifetime benchmark, 40 bodies), cause by cause.
   */
  static RuntimeException flushFailure(PSQLState state, String message) {
    PSQLException database = new PSQLException("ERROR: " + message, state);
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 delete from "
                + "ACT_RU_EXECUTION where ID_ = ('1') and REV_ = ('1'::int4) was aborted: ERROR: "
                + message,
            state.getState(),
            0,
            new int[0],
            database);
    ProcessEngineException operation =
        new ProcessEngineException(
            "ENGINE-03004 Exception while "
                + "executing Database Operation 'DELETE ExecutionEntity[1]'",
            new PersistenceException("Error flushing statements", batch));
    return new ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer", operation);
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
  void aCompletionRolledBackByAPostgresDeadlockIsRunAgain() {
    Chain chain =
        new Chain(2, () -> flushFailure(PSQLState.DEADLOCK_DETECTED, "deadlock detected"));
    assertThat(run(new CompleteTaskCmd("task1", Map.of()), chain)).isEqualTo("done");
    assertThat(chain.calls).hasValue(3);
  }

  @Test
  void aSerializationFailureIsRunAgainToo() {
    Chain chain =
        new Chain(
            1,
            () ->
                flushFailure(
                    PSQLState.SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent update"));
    assertThat(run(new SubmitTaskFormCmd("task1", Map.of(), false, false), chain))
        .isEqualTo("done");
    assertThat(chain.calls).hasValue(2);
  }

  @Test
  void aRowLockWaitedForInVainIsRunAgain() {
    // as H2 fails a member's end while its chase chunk holds the member's row (FanoutStore)
    Chain chain =
        new Chain(
            1,
            () ->
                new IllegalStateException(
                    "select id_ from act_ru_execution where id_ in (?) for update: Timeout trying"
                        + " to lock table",
                    new java.sql.SQLException(
                        "Timeout trying to lock table \"ACT_RU_EXECUTION\"", "HYT00", 50200)));
    assertThat(run(new CompleteTaskCmd("task1", Map.of()), chain)).isEqualTo("done");
    assertThat(chain.calls).hasValue(2);
  }

  @Test
  void aCompletionWhoseInstanceEndedMeanwhileIsRunAgain() {
    Chain chain =
        new Chain(
            1,
            () ->
                new NullValueException(
                    "Cannot restore state of process "
                        + "instance 6135fdcd: list of executions is empty"));
    assertThat(run(new CompleteTaskCmd("task1", Map.of()), chain)).isEqualTo("done");
    assertThat(chain.calls).hasValue(2);
  }

  @Test
  void aCompletionThatMetAnEndedInstanceInsideTheEngineIsRunAgain() {
    // as Camunda failed in FanoutConcurrencyIT: a task read, its execution gone
    Chain chain =
        new Chain(
            1,
            () ->
                thrownBy(
                    "org.camunda.bpm.engine.impl.persistence.entity." + "TaskEntity",
                    new NullPointerException(
                        "Cannot invoke"
                            + " \"org.camunda.bpm.engine.impl.persistence.entity."
                            + "ExecutionEntity.removeTask(...)\""
                            + " because \"execution\" is null")));
    assertThat(run(new CompleteTaskCmd("task1", Map.of()), chain)).isEqualTo("done");
    assertThat(chain.calls).hasValue(2);
  }

  @Test
  void aNullPointerInTheProductsOwnCodeIsABugAndReachesTheCallerAtOnce() {
    Chain chain =
        new Chain(
            1,
            () ->
                thrownBy(
                    "vn.danvan.assignment.AssignmentRecords",
                    new NullPointerException("Cannot invoke \"String.length()\"")));
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), chain))
        .isInstanceOf(NullPointerException.class);
    assertThat(chain.calls).hasValue(1);
  }

  /** {@code e} as if thrown in a method of {@code className}. */
  private static RuntimeException thrownBy(String className, RuntimeException e) {
    e.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(className, "delete", className + ".java", 1)
        });
    return e;
  }

  @Test
  void otherMissingValuesReachTheCallerAtOnce() {
    Chain chain = new Chain(1, () -> new NullValueException("variables is null"));
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), chain))
        .isInstanceOf(NullValueException.class);
    assertThat(chain.calls).hasValue(1);
  }

  @Test
  void otherDatabaseErrorsReachTheCallerAtOnce() {
    Chain chain =
        new Chain(
            1,
            () ->
                flushFailure(
                    PSQLState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint"));
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), chain))
        .isInstanceOf(ProcessEnginePersistenceException.class)
        .hasRootCauseMessage("ERROR: duplicate key value violates unique constraint");
    assertThat(chain.calls).hasValue(1);
  }

  /**
   * The database went away during the completion: whether its commit happened is unknown, so it is
   * not run again (a client told 503 tries again and finds the task done or not). Hikari's timeout
   * carries no SQL state; checking it once ended in a NullPointerException (500).
   */
  @Test
  void aCompletionThatLostItsDatabaseReachesTheCallerUnchanged() {
    Chain broken =
        new Chain(
            1,
            () ->
                flushFailure(
                    PSQLState.CONNECTION_FAILURE,
                    "An I/O error occurred while sending to the backend."));
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), broken))
        .isInstanceOf(ProcessEnginePersistenceException.class);
    assertThat(broken.calls).hasValue(1);

    Chain noConnection =
        new Chain(
            1,
            () ->
                new ProcessEngineException(
                    "could not open",
                    new java.sql.SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available,"
                            + " request timed out after 3000ms.")));
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), noConnection))
        .isInstanceOf(ProcessEngineException.class)
        .hasRootCauseInstanceOf(java.sql.SQLTransientConnectionException.class);
    assertThat(noConnection.calls).hasValue(1);
  }

  @Test
  void aDeadlockOnTheLastAttemptReachesTheCaller() {
    Chain chain =
        new Chain(
            TaskCompletionRetry.ATTEMPTS,
            () -> flushFailure(PSQLState.DEADLOCK_DETECTED, "deadlock detected"));
    assertThatThrownBy(() -> run(new CompleteTaskCmd("task1", Map.of()), chain))
        .isInstanceOf(ProcessEnginePersistenceException.class);
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
