package vn.danvan.fanout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import vn.danvan.engine.EngineConnection;

/**
 * Completion counters of fan-outs, one row per fan-out in {@code danvan_fanout}, and the chase
 * notices they started ({@code danvan_chase_notice}), on the engine's own connection so they commit
 * or roll back with the engine's transaction.
 *
 * <p>Why a row and not a process variable: thousands of bodies finishing at once would all update
 * the parent's execution and fail with optimistic locking. A row update takes a row lock instead:
 * concurrent finishers wait a few milliseconds for each other, none fails, and exactly one sees the
 * count reach the total.
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
    update(
        EngineConnection.current(),
        "insert into danvan_fanout (id_, total_, done_, created_) values (?, ?, 0, ?)",
        id,
        total,
        Timestamp.from(Instant.now()));
  }

  /**
   * Counts one more member done when the current engine transaction commits, and after the commit
   * calls {@code onComplete} if this member completed the count.
   *
   * <p>The update runs at the last moment (after the engine has written everything, just before the
   * commit), so the row lock that serialises concurrent finishers is held for the commit alone, not
   * for the whole transaction.
   */
  public void memberDoneAtCommit(String id, Runnable onComplete) {
    TransactionContext transaction = Context.getCommandContext().getTransactionContext();
    Connection connection = EngineConnection.current();
    AtomicBoolean completed = new AtomicBoolean();
    transaction.addTransactionListener(
        TransactionState.COMMITTING,
        context -> {
          update(connection, "update danvan_fanout set done_ = done_ + 1 where id_ = ?", id);
          completed.set(
              read(connection, "select done_, total_ from danvan_fanout where id_ = ?", id)
                  .complete());
        });
    transaction.addTransactionListener(
        TransactionState.COMMITTED,
        context -> {
          if (completed.get()) {
            onComplete.run();
          }
        });
  }

  /** One body of the fan-out is open again (its work was returned): one done fewer. */
  public void reopened(String id) {
    update(
        EngineConnection.current(),
        "update danvan_fanout set done_ = done_ - 1 where id_ = ? and done_ > 0",
        id);
  }

  /** A chase notice started for {@code body} in the fan-out {@code fanoutId}. */
  public void noticeStarted(String noticeId, String fanoutId, String body) {
    update(
        EngineConnection.current(),
        "insert into danvan_chase_notice (notice_id_, fanout_id_, body_) values (?, ?, ?)",
        noticeId,
        fanoutId,
        body);
  }

  /**
   * The ids of the chase notices started for {@code body} in the fan-out, forgotten with this
   * transaction (the caller ends those still open).
   */
  public List<String> takeNotices(String fanoutId, String body) {
    Connection connection = EngineConnection.current();
    String sql = "select notice_id_ from danvan_chase_notice where fanout_id_ = ? and body_ = ?";
    List<String> ids = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, sql, fanoutId, body);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    if (!ids.isEmpty()) {
      update(
          connection,
          "delete from danvan_chase_notice where fanout_id_ = ? and body_ = ?",
          fanoutId,
          body);
    }
    return ids;
  }

  /**
   * Locks the rows of the members' process instances (those still running) until the transaction
   * ends. A chase's chunk takes them before it checks which of its bodies are still at work, and a
   * member takes its own before it reads its body's notices, so the two run one after the other:
   * either the chunk sees the body finished and starts no notice, or the body's end waits for the
   * chunk's commit and then finds the notice it started. (A row lock, not a write: the member's
   * next change meets no optimistic-locking failure.)
   */
  public void lockMembers(Collection<String> memberIds) {
    if (memberIds.isEmpty()) {
      return;
    }
    String sql =
        "select id_ from act_ru_execution where id_ in ("
            + String.join(", ", Collections.nCopies(memberIds.size(), "?"))
            + ") for update";
    try (PreparedStatement statement =
            prepare(EngineConnection.current(), sql, memberIds.toArray());
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        // each row read is locked
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** The record of the fan-out's chase notices goes (the fan-out was cancelled). */
  public void forgetNotices(String fanoutId) {
    update(
        EngineConnection.current(),
        "delete from danvan_chase_notice where fanout_id_ = ?",
        fanoutId);
  }

  /** Reads the counts and locks the row until the transaction ends. */
  public Counts lock(String id) {
    return read(
        EngineConnection.current(),
        "select done_, total_ from danvan_fanout where id_ = ? for update",
        id);
  }

  private static void update(Connection connection, String sql, Object... args) {
    try (PreparedStatement statement = prepare(connection, sql, args)) {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static Counts read(Connection connection, String sql, Object... args) {
    try (PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("Không có bộ đếm giao việc " + args[0]);
      }
      return new Counts(rs.getInt(1), rs.getInt(2));
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
