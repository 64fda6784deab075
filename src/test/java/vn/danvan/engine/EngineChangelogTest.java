package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The engine's changesets a database got from the other engine build become this build's (in either
 * build: the other build's path is told from this one's), and nothing else changes.
 */
class EngineChangelogTest {

  /** The other engine build's changelog path. */
  static final String OTHER =
      EngineChangelog.PATH.contains("camunda")
          ? EngineChangelog.PATH.replace("camunda", "operaton")
          : EngineChangelog.PATH.replace("operaton", "camunda");

  @Test
  void theOtherBuildsEngineRowsBecomeThisBuildsOnce() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:engine-changelog;DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      assertThat(EngineChangelog.carryOver(h2)).as("no Liquibase table yet").isZero();
      s.execute(
          "create table databasechangelog (id varchar(255), author varchar(255),"
              + " filename varchar(255), md5sum varchar(35))");
      s.execute(
          "insert into databasechangelog values"
              + " ('7.16.0-baseline', 'Camunda', '"
              + OTHER
              + "', '9:a'), ('7.23-to-7.24', 'Someone', '"
              + OTHER
              + "', '9:b'), ('7.0-only-there', 'Someone', '"
              + OTHER
              + "', '9:c'), ('1-fanout', 'danvan', 'db/changelog/danvan-changelog.xml', '9:d')");
    }

    assertThat(EngineChangelog.carryOver(h2)).isEqualTo(3);
    List<String> rows = new ArrayList<>();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select id || ' ' || author || ' ' || filename || ' ' || coalesce(md5sum, '-')"
                    + " from databasechangelog order by id")) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    assertThat(rows)
        .containsExactly(
            "1-fanout danvan db/changelog/danvan-changelog.xml 9:d",
            "7.0-only-there Someone " + EngineChangelog.PATH + " -",
            "7.16.0-baseline Camunda " + EngineChangelog.PATH + " -",
            "7.23-to-7.24 "
                + EngineChangelog.authors().get("7.23-to-7.24")
                + " "
                + EngineChangelog.PATH
                + " -");
    assertThat(EngineChangelog.carryOver(h2)).as("a second start").isZero();
  }
}
