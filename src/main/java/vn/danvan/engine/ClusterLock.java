package vn.danvan.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A lock shared by every node on one PostgreSQL database (a session advisory lock), for start-up
 * work that two nodes starting at the same moment must not do at once: the schema migration, the
 * deployment of the models, the registry's users, groups and authorizations (ClusterIT found both
 * failing on a second node with duplicate keys), and the daily digest's sending. On another
 * database (the embedded H2 of one node) there is nothing to share.
 */
public final class ClusterLock implements AutoCloseable {

  /** What the lock guards; each its own key. */
  public enum Purpose {
    SCHEMA_MIGRATION,
    REGISTRY_SYNC,
    RESTRUCTURE,
    MODEL_DEPLOYMENT,
    DIGEST
  }

  private static final long BASE = 0x64616e76616e0000L; // "danvan" in ASCII, then the purpose

  private final Connection connection;
  private final long key;

  private ClusterLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /** Waits for the lock; {@link #close()} releases it. */
  public static ClusterLock acquire(DataSource dataSource, Purpose purpose) throws SQLException {
    Connection connection = dataSource.getConnection();
    long key = BASE + purpose.ordinal();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      connection.close();
      return new ClusterLock(null, key);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_lock(" + key + ")");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new ClusterLock(connection, key);
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      try (connection;
          Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_unlock(" + key + ")");
      }
    }
  }
}
