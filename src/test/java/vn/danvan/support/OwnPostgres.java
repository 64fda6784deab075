package vn.danvan.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (real binaries from Maven, no install), on one port and one
 * data directory for its whole life, so that the test can stop it and start it again as an operator
 * restarts a database server: the application's connections break, the data stays. The nodes and
 * {@link NodeDatabase} log in as {@link PostgresApp#USER}: {@code postgres} by default, the
 * server's own superuser; another name is created on the server as a superuser.
 */
public final class OwnPostgres implements AutoCloseable {

  private final int port;
  private final Path directory;
  private EmbeddedPostgres server;

  private OwnPostgres(int port, Path directory) {
    this.port = port;
    this.directory = directory;
  }

  /** A new, empty server in {@code directory} (deleted first) on a free port, started. */
  public static OwnPostgres fresh(Path directory) throws IOException {
    delete(directory);
    Files.createDirectories(directory);
    OwnPostgres postgres = new OwnPostgres(freePort(), directory);
    postgres.start();
    return postgres;
  }

  /** Deletes a server's directory, if there is one. */
  public static void delete(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The server's JDBC URL, up to the database name. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/";
  }

  /** Starts the server on its port and directory (initialised on the first start only). */
  public void start() throws IOException {
    server =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(directory.toFile())
            .setCleanDataDirectory(false)
            .start();
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: sessions are ended, the data is kept). */
  public void stop() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Creates {@code database}; returns its JDBC URL. */
  public String createDatabase(String database) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      if (!"postgres".equals(PostgresApp.USER)) {
        s.execute(
            "CREATE ROLE \""
                + PostgresApp.USER
                + "\" LOGIN SUPERUSER PASSWORD '"
                + PostgresApp.PASSWORD.replace("'", "''")
                + "'");
      }
      s.execute("CREATE DATABASE " + database);
    }
    return url() + database + "?reWriteBatchedInserts=true";
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
