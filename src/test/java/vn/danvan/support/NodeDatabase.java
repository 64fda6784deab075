package vn.danvan.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the database of application nodes directly (JDBC), as an auditor would: what the nodes
 * committed, whatever they answered.
 */
public final class NodeDatabase {

  private final String url;

  public NodeDatabase(String url) {
    this.url = url;
  }

  /** The first column of every row of {@code sql}. */
  public List<String> column(String sql, Object... parameters) throws SQLException {
    return query(
        sql,
        parameters,
        rows -> {
          List<String> values = new ArrayList<>();
          while (rows.next()) {
            values.add(rows.getString(1));
          }
          return values;
        });
  }

  /** The one timestamp {@code sql} selects (null if it is null). */
  public Timestamp timestamp(String sql, Object... parameters) throws SQLException {
    return query(sql, parameters, rows -> rows.next() ? rows.getTimestamp(1) : null);
  }

  private interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, Object[] parameters, Rows<T> reader) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, PostgresApp.USER, PostgresApp.PASSWORD);
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    }
  }

  public long count(String sql, Object... parameters) throws SQLException {
    return Long.parseLong(column(sql, parameters).get(0));
  }

  /** {@code ('a','b')} for an IN clause of ids the test made (UUIDs, never user input). */
  public static String in(Collection<String> ids) {
    return "('" + String.join("','", ids) + "')";
  }
}
