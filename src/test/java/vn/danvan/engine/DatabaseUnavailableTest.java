package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures that mean "the database cannot be reached" (answered 503), as the driver, the pool,
 * Spring and the engine raise them during a database restart, and ones that do not.
 */
class DatabaseUnavailableTest {

  @Test
  void aConnectionThePoolCouldNotGiveWithinItsTimeout() {
    SQLTransientConnectionException pool =
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 3000ms.",
            "08001",
            new PSQLException(
                "Connection to 127.0.0.1:5432 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")));
    assertThat(
            DatabaseUnavailable.causedBy(
                new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction", pool)))
        .isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new CannotGetJdbcConnectionException(
                    "Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("timeout"))))
        .isTrue();
  }

  @Test
  void aConnectionTheServersStopBrokeUnderACommand() {
    ProcessEngineException engine =
        new ProcessEngineException(
            "ENGINE-03083 Exception while" + " executing Batch Database Operations",
            new PSQLException(
                "An I/O error occurred while" + " sending to the backend.",
                PSQLState.CONNECTION_FAILURE));
    assertThat(DatabaseUnavailable.causedBy(engine)).isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new ProcessEngineException(
                    "query failed",
                    new SQLException(
                        "FATAL: terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new ProcessEngineException(
                    "query failed",
                    new SQLException("FATAL: the database system is starting up", "57P03"))))
        .isTrue();
  }

  /**
   * The command met the server's stop, then Spring's rollback failed on the closed connection and
   * replaced the command's failure (seen with every completion under way at the stop).
   */
  @Test
  void aRollbackThatFailedOnTheBrokenConnection() {
    TransactionSystemException rollback =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(
        new ProcessEngineException(
            "ENGINE-03004 Exception while" + " executing Database Operation",
            new BatchUpdateException(
                "Batch entry 0 insert into" + " ACT_RU_AUTHORIZATION was aborted",
                null,
                0,
                new int[0])));
    ((BatchUpdateException) rollback.getApplicationException().getCause())
        .setNextException(
            new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));
    assertThat(
            DatabaseUnavailable.causedBy(
                new ProcessEngineException(
                    "An exception occurred in the persistence layer", rollback)))
        .isTrue();
    // the pool closes a connection that met a connection error: the rollback's own failure says
    // so even when the command's failure is not at hand (Spring keeps only the rollback's)
    assertThat(
            DatabaseUnavailable.causedBy(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .as("without the command's own failure")
        .isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new TransactionSystemException(
                    "JDBC commit failed", new SQLException("could not serialize access", "40001"))))
        .isFalse();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(
            DatabaseUnavailable.causedBy(
                new ProcessEngineException(
                    "insert failed",
                    new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION))))
        .isFalse();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
  }

  @Test
  void theAnswerIsVietnameseInTheRestApisErrorFormat() {
    assertThat(DatabaseUnavailable.body())
        .containsEntry("type", "DatabaseUnavailable")
        .containsKey("code")
        .extractingByKey("message")
        .asString()
        .startsWith("Tạm thời không kết nối được cơ sở dữ liệu");
  }
}
