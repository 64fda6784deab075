package vn.danvan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * The application on a real PostgreSQL for integration tests and benchmarks. Server: the tests' own
 * PostgreSQL 15 ({@link OwnPostgres}: real binaries from Maven Central, started once per test JVM
 * on a free port, its data under {@code target/}, stopped and deleted as the JVM ends), or the
 * server {@code DANVAN_TEST_PG_URL} names (e.g. {@code jdbc:postgresql://db:5432/}), with {@code
 * DANVAN_TEST_PG_USER} (default {@code postgres}) and {@code DANVAN_TEST_PG_PASSWORD}. {@code
 * DANVAN_TEST_PG_DB_PREFIX} goes before every database name the tests create, so that two checkouts
 * can run their tests on one server at once.
 */
public final class PostgresApp {

  public static final String USER = env("DANVAN_TEST_PG_USER", "postgres");
  public static final String PASSWORD = env("DANVAN_TEST_PG_PASSWORD", "");
  public static final String DB_PREFIX = env("DANVAN_TEST_PG_DB_PREFIX", "");

  private PostgresApp() {}

  /** The server's JDBC URL, up to the database name. */
  public static String server() {
    return Server.URL;
  }

  /** Started on first use: a test that never asks for PostgreSQL starts none. */
  private static final class Server {
    static final String URL = startOrConfigured();

    private static String startOrConfigured() {
      String configured = env("DANVAN_TEST_PG_URL", "");
      if (!configured.isEmpty()) {
        return configured;
      }
      Path directory = Path.of("target", "test-postgres-" + ProcessHandle.current().pid());
      try {
        OwnPostgres own = OwnPostgres.fresh(directory);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        own.close();
                        OwnPostgres.delete(directory);
                      } catch (IOException e) {
                        // the JVM is ending; target/ is the build's to clean
                      }
                    }));
        return own.url();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "the tests' own PostgreSQL did not start in "
                + directory
                + " (or set DANVAN_TEST_PG_URL to a server of yours): "
                + e.getMessage(),
            e);
      }
    }
  }

  /** Drops and creates a database; returns its JDBC URL. */
  public static String freshDatabase(String database) throws SQLException {
    String name = DB_PREFIX + database;
    String server = server();
    try (Connection c = DriverManager.getConnection(server + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new SQLException(
          "PostgreSQL is needed at "
              + server
              + " as "
              + USER
              + " (start it, or set DANVAN_TEST_PG_URL/USER/PASSWORD): "
              + e.getMessage(),
          e);
    }
    return server + name + "?reWriteBatchedInserts=true";
  }

  /**
   * Starts the application with the postgres profile (plus {@code profile} if not null) on that
   * database. {@code args} are command-line arguments, which win over the profiles' defaults.
   */
  public static ConfigurableApplicationContext start(String url, String profile, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD));
    all.addAll(List.of(args));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(DanVanApplication.class);
    builder.profiles(
        profile == null ? new String[] {"postgres"} : new String[] {profile, "postgres"});
    return builder.run(all.toArray(String[]::new));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
