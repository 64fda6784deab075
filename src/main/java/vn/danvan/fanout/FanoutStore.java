package vn.danvan.fanout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Completion counters of fan-outs, one row per fan-out in {@code danvan_fanout}, on the engine's
 * own connection so they commit or roll back with the engine's transaction.
 *
 * <p>Why a row and not a process variable: thousands of bodies finishing at once would all update
 * the parent's execution and fail with optimistic locking. A row update takes a row lock instead:
 * concurrent finishers wait a few milliseconds for each other, none fails, and exactly one sees
 * the count reach the total.
 */
@Component
public class FanoutStore {

  /** The counts of one fan-out. */
  public record Counts(int done, int total) {
    public boolean complete() {
      return done >= total;
    }
  }

  public void create(String id, int total) {
    update("insert into danvan_fanout (id_, total_, done_, created_) values (?, ?, 0, ?)",
        id, total, Timestamp.from(Instant.now()));
  }

  /** Counts one more member done; the row stays locked until the transaction ends. */
  public Counts memberDone(String id) {
    update("update danvan_fanout set done_ = done_ + 1 where id_ = ?", id);
    return read("select done_, total_ from danvan_fanout where id_ = ?", id);
  }

  /** Reads the counts and locks the row until the transaction ends. */
  public Counts lock(String id) {
    return read("select done_, total_ from danvan_fanout where id_ = ? for update", id);
  }

  private static Connection connection() {
    return Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
  }

  private static void update(String sql, Object... args) {
    try (PreparedStatement statement = prepare(sql, args)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Counts read(String sql, Object... args) {
    try (PreparedStatement statement = prepare(sql, args); ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("Không có bộ đếm giao việc " + args[0]);
      }
      return new Counts(rs.getInt(1), rs.getInt(2));
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement statement = connection().prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
