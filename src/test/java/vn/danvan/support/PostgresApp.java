package vn.danvan.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.DanVanApplication;

/**
 * The application on a real PostgreSQL for integration tests and benchmarks. Server:
 * {@code DANVAN_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/}),
 * {@code DANVAN_TEST_PG_USER} (default {@code postgres}), {@code DANVAN_TEST_PG_PASSWORD}.
 * {@code DANVAN_TEST_PG_DB_PREFIX} goes before every database name the tests create, so that two
 * checkouts can run their tests on one server at once.
 */
public final class PostgresApp {

  public static final String SERVER = env("DANVAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = env("DANVAN_TEST_PG_USER", "postgres");
  public static final String PASSWORD = env("DANVAN_TEST_PG_PASSWORD", "");
  public static final String DB_PREFIX = env("DANVAN_TEST_PG_DB_PREFIX", "");

  private PostgresApp() {}

  /** Drops and creates a database; returns its JDBC URL. */
  public static String freshDatabase(String database) throws SQLException {
    String name = DB_PREFIX + database;
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new SQLException("PostgreSQL is needed at " + SERVER + " as " + USER
          + " (start it, or set DANVAN_TEST_PG_URL/USER/PASSWORD): " + e.getMessage(), e);
    }
    return SERVER + name + "?reWriteBatchedInserts=true";
  }

  /**
   * Starts the application with the postgres profile (plus {@code profile} if not null) on that
   * database. {@code args} are command-line arguments, which win over the profiles' defaults.
   */
  public static ConfigurableApplicationContext start(String url, String profile, String... args) {
    List<String> all = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=" + PASSWORD));
    all.addAll(List.of(args));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(DanVanApplication.class);
    builder.profiles(profile == null ? new String[] {"postgres"} : new String[] {profile, "postgres"});
    return builder.run(all.toArray(String[]::new));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
