package vn.danvan.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Named locks held until the current engine transaction commits or rolls back: a row of {@code
 * danvan_lock} locked with {@code select … for update} on the engine's own connection. For a check
 * that reads what other transactions write, then writes itself ("at most 3 models a year"): two
 * such transactions under one name run one after the other, so the second sees what the first
 * committed.
 *
 * <p>The row is made the first time its name is locked. Two transactions that make it at once both
 * try to insert it: the second waits for the first's commit, fails on the key, goes back to a
 * savepoint, and then waits on the row like any later one.
 */
public final class EngineLocks {

  static final String UNIQUE_VIOLATION = "23505";

  private EngineLocks() {}

  /** Waits for the lock {@code name}; it is released when the engine's transaction ends. */
  public static void lock(String name) {
    Connection connection = EngineConnection.current();
    try {
      if (lockRow(connection, name)) {
        return;
      }
      Savepoint savepoint = connection.setSavepoint();
      try (PreparedStatement insert =
          connection.prepareStatement("insert into danvan_lock (id_) values (?)")) {
        insert.setString(1, name);
        insert.executeUpdate();
        connection.releaseSavepoint(savepoint);
        return; // the new row is this transaction's until it ends
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        connection.rollback(savepoint);
      }
      if (!lockRow(connection, name)) {
        throw new IllegalStateException("Khóa " + name + " vừa tạo đã không còn");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Không khóa được " + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean lockRow(Connection connection, String name) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select id_ from danvan_lock where id_ = ? for update")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
