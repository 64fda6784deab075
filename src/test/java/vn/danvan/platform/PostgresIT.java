package vn.danvan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.RunningDemoApp;

/**
 * The postgres profile on a real PostgreSQL: Liquibase creates the schema, the engine never
 * alters it, and a restart on the same database changes nothing.
 *
 * <p>The server is {@link PostgresApp}'s; the test drops and recreates the database
 * {@code danvan_it}.
 */
class PostgresIT {

  static final String DATABASE = "danvan_it";
  static String url;

  @BeforeAll
  static void freshDatabase() throws SQLException {
    url = PostgresApp.freshDatabase(DATABASE);
  }

  @Test
  void liquibaseCreatesTheSchemaAndARestartChangesNothing() throws Exception {
    Map<String, Long> afterFirstRun;
    try (ConfigurableApplicationContext app = start()) {
      DataSource db = app.getBean(DataSource.class);
      assertThat(count(db, "select count(*) from databasechangelog where id = '7.16.0-baseline'"))
          .isEqualTo(1);
      // baseline 7.16 then every upgrade changeset up to the engine's version
      assertThat(text(db, "select version_ from act_ge_schema_log order by "
          + "cast(id_ as integer) desc limit 1")).isEqualTo("7.24.0");
      assertThat(count(db, "select count(*) from act_re_procdef where key_ = 'assignment'"))
          .isEqualTo(1);
      // the product's indexes on Camunda's tables (postgres changesets 2, 3, 5, 6) and its tables
      assertThat(count(db, "select count(*) from pg_indexes where indexname in ("
          + "'danvan_idx_task_parent', 'danvan_idx_ident_lnk_task_group',"
          + " 'danvan_idx_hi_var_lead_body', 'danvan_idx_var_exe_task')")).isEqualTo(4);
      assertThat(count(db, "select count(*) from information_schema.tables"
          + " where table_name in ('danvan_fanout', 'danvan_lock')")).isEqualTo(2);

      // the same REST rules hold on PostgreSQL: the coordinator assigns, the body works it
      Http http = new Http(port(app));
      String pi = RunningDemoApp.assign(http, "soNoiVu");
      assertThat(http.get("/engine-rest/task?processInstanceId=" + pi,
          RunningDemoApp.STAFF).body()).contains("Task_Perform");
      assertThat(http.get("/engine-rest/task?processInstanceId=" + pi,
          RunningDemoApp.OTHER_STAFF).body()).isEqualTo("[]");
      afterFirstRun = snapshot(db);
    }

    try (ConfigurableApplicationContext app = start()) {
      assertThat(snapshot(app.getBean(DataSource.class))).isEqualTo(afterFirstRun);
    }
  }

  private static ConfigurableApplicationContext start() {
    return PostgresApp.start(url, "demo", "--camunda.bpm.job-execution.enabled=false");
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** Row counts and revision sums of everything start-up writes. */
  private static Map<String, Long> snapshot(DataSource db) throws SQLException {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String table : new String[] {"databasechangelog", "act_re_deployment",
        "act_re_procdef", "act_ge_bytearray", "act_id_user", "act_id_group",
        "act_id_membership", "act_ru_authorization", "act_ru_filter"}) {
      result.put(table, count(db, "select count(*) from " + table));
    }
    for (String table : new String[] {"act_id_user", "act_id_group", "act_ru_authorization",
        "act_ru_filter"}) {
      result.put(table + ".rev", count(db, "select coalesce(sum(rev_), 0) from " + table));
    }
    return result;
  }

  private static long count(DataSource db, String sql) throws SQLException {
    return Long.parseLong(text(db, sql));
  }

  private static String text(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }
}
