package vn.danvan.engine;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot be reached (stopped, restarting, the network to
 * it cut), as opposed to a mistake of the request or a bug; and what the application then answers:
 * 503 with a Vietnamese message (see {@link DatabaseUnavailableResponses}).
 *
 * <p>A request that meets the outage fails in one of two places: waiting for a connection, which
 * the pool gives up after its {@code connection-timeout} (Hikari's {@link
 * SQLTransientConnectionException}, Spring's {@link CannotCreateTransactionException}), or on a
 * connection that the server's stop broke under it (the driver's SQL state class {@code 08},
 * connection exception, or {@code 57P01}–{@code 57P03}, the server shutting down or starting). The
 * engine wraps either in its own exceptions, so the whole chain of causes is looked at.
 */
public final class DatabaseUnavailable {

  /** What people and API clients read (the JSON's {@code message}). */
  public static final String MESSAGE =
      "Tạm thời không kết nối được cơ sở dữ liệu, yêu cầu chưa"
          + " được thực hiện. Vui lòng thử lại sau ít phút.";

  /** The JSON's {@code type}, for API clients to tell an outage from other 503s. */
  public static final String TYPE = "DatabaseUnavailable";

  /** Seconds a client should wait before trying again ({@code Retry-After}). */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** Server shutting down (admin, crash) or not accepting connections yet. */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  /** What the pool's proxy of a connection it closed throws, without a SQL state. */
  private static final String CLOSED_BY_THE_POOL = "Connection is closed";

  /** Marks a request thread on which an engine command failed for want of the database. */
  private static final ThreadLocal<Boolean> MET = new ThreadLocal<>();

  private DatabaseUnavailable() {}

  /** Anywhere in {@code failure}'s causes, the database could not be reached. */
  public static boolean causedBy(Throwable failure) {
    return causedBy(failure, 0);
  }

  /**
   * Walks the causes, and also what Spring replaced by a failed rollback (the rollback on a broken
   * connection fails too: "JDBC rollback failed", "Connection is closed", while the command's own
   * failure was the server's stop) and the driver's next exception of a batch. Bounded: a chain of
   * causes may loop.
   */
  private static boolean causedBy(Throwable failure, int depth) {
    if (failure == null || depth > 20) {
      return false;
    }
    if (failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException
        || failure instanceof SQLRecoverableException
        || failure instanceof CannotCreateTransactionException
        || failure instanceof DataAccessResourceFailureException
        || failure instanceof ConnectException) {
      return true;
    }
    if (failure instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state))) {
        return true;
      }
      if (sql.getNextException() != failure.getCause()
          && causedBy(sql.getNextException(), depth + 1)) {
        return true;
      }
    }
    if (failure instanceof TransactionSystemException tx) {
      if (tx.getApplicationException() != null
          && causedBy(tx.getApplicationException(), depth + 1)) {
        return true;
      }
      // the pool closed the transaction's connection under it: it met a connection error
      if (tx.getCause() instanceof SQLException sql
          && sql.getSQLState() == null
          && CLOSED_BY_THE_POOL.equals(sql.getMessage())) {
        return true;
      }
    }
    return failure.getCause() != failure && causedBy(failure.getCause(), depth + 1);
  }

  /** The JSON body of the answer, in the engine REST API's error format. */
  public static Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("message", MESSAGE);
    body.put("code", null);
    return body;
  }

  /** Remembers on this thread that {@code failure} was the database's absence, if it was. */
  static void noteIfCausedBy(Throwable failure) {
    if (causedBy(failure)) {
      MET.set(Boolean.TRUE);
    }
  }

  /** This thread met the database's absence since {@link #forget()}. */
  static boolean met() {
    return MET.get() != null;
  }

  static void forget() {
    MET.remove();
  }
}
