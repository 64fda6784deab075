package vn.danvan.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The planner's statistics during a benchmark, as a production server keeps them. PostgreSQL's
 * autovacuum analyses a table once a tenth of it has changed, within a minute ({@code
 * autovacuum_naptime}). The CI server of this project runs with {@code autovacuum = off}; there
 * every table of a benchmark stays without statistics, PostgreSQL plans the engine's queries for a
 * handful of rows, and the same W1 run gave 294/s one time and 385/s the next. When autovacuum is
 * off, this analyses the database every {@link #EVERY_SECONDS} seconds; on any server, {@link
 * #now()} analyses it after a benchmark's setup (what autovacuum does within a minute, before the
 * timed part starts). The report says which.
 */
public final class PlannerStatistics implements AutoCloseable {

  public static final int EVERY_SECONDS = 30;

  private final String url;
  private final boolean autovacuum;
  private final ScheduledExecutorService timer;

  private PlannerStatistics(String url, boolean autovacuum) {
    this.url = url;
    this.autovacuum = autovacuum;
    if (autovacuum) {
      this.timer = null;
    } else {
      this.timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "planner-statistics");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleWithFixedDelay(this::analyse, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** For the database at {@code url} (a JDBC URL of {@link PostgresApp}). */
  public static PlannerStatistics keep(String url) throws SQLException {
    try (Connection c = connect(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("show autovacuum")) {
      rs.next();
      return new PlannerStatistics(url, "on".equals(rs.getString(1)));
    }
  }

  /** Analyses now, as autovacuum would within a minute of a benchmark's setup. */
  public void now() {
    analyse();
  }

  /** What the benchmark's report says about the statistics. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("autovacuum", autovacuum ? "on" : "off");
    map.put(
        "analysedByTheBenchmark",
        autovacuum ? "after each setup" : "every " + EVERY_SECONDS + " s and after each setup");
    return map;
  }

  private void analyse() {
    try (Connection c = connect(url);
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    } catch (SQLException e) {
      System.err.println("ANALYZE failed: " + e.getMessage());
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, PostgresApp.USER, PostgresApp.PASSWORD);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
