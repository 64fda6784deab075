package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.RunningDemoApp;

/**
 * The postgres profile on a real PostgreSQL: Liquibase creates the schema, the engine never alters
 * it, and a restart on the same database changes nothing.
 *
 * <p>The server is {@link PostgresApp}'s; the test drops and recreates the database {@code
 * danvan_it}.
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
      assertThat(
              text(
                  db,
                  "select version_ from act_ge_schema_log order by "
                      + "cast(id_ as integer) desc limit 1"))
          .isEqualTo("7.24.0");
      assertThat(count(db, "select count(*) from act_re_procdef where key_ = 'assignment'"))
          .isEqualTo(1);
      // the product's indexes on Camunda's tables (postgres changesets 2, 3, 5, 6) and its tables
      assertThat(
              count(
                  db,
                  "select count(*) from pg_indexes where indexname in ("
                      + "'danvan_idx_task_parent', 'danvan_idx_ident_lnk_task_group',"
                      + " 'danvan_idx_hi_var_lead_body', 'danvan_idx_var_exe_task')"))
          .isEqualTo(4);
      assertThat(
              count(
                  db,
                  "select count(*) from information_schema.tables where table_name in"
                      + " ('danvan_fanout', 'danvan_lock', 'danvan_chase_notice')"))
          .isEqualTo(3);

      // the same REST rules hold on PostgreSQL: the coordinator assigns, the body works it
      Http http = new Http(port(app));
      String pi = RunningDemoApp.assign(http, "soNoiVu");
      assertThat(http.get("/engine-rest/task?processInstanceId=" + pi, RunningDemoApp.STAFF).body())
          .contains("Task_Perform");
      assertThat(
              http.get("/engine-rest/task?processInstanceId=" + pi, RunningDemoApp.OTHER_STAFF)
                  .body())
          .isEqualTo("[]");
      afterFirstRun = snapshot(db);
    }

    try (ConfigurableApplicationContext app = start()) {
      assertThat(snapshot(app.getBean(DataSource.class))).isEqualTo(afterFirstRun);
    }
  }

  /**
   * A database from before the fan-outs kept their chase notices' ids, with a notice open: the
   * upgrade's changeset finds it, so the body's answer still ends it.
   */
  @Test
  void anUpgradeKeepsTheIdsOfChaseNoticesAlreadyOpen() throws Exception {
    String before = PostgresApp.freshDatabase(DATABASE + "_upgrade");
    String notice;
    try (ConfigurableApplicationContext app = start(before)) {
      notice =
          app.getBean(RuntimeService.class)
              .startProcessInstanceByKey(
                  "chaseNotice",
                  "24-CT/TU",
                  Map.of(
                      "leadBody",
                      "soNoiVu",
                      "fanoutId",
                      "fanout-1",
                      "taskContent",
                      "Báo cáo kết quả",
                      "deadline",
                      "2026-12-15",
                      "chaseCount",
                      1,
                      "lastChaseType",
                      "Nhắc nhở"))
              .getId();
      DataSource db = app.getBean(DataSource.class);
      assertThat(count(db, "select count(*) from danvan_chase_notice"))
          .as("started as before")
          .isZero();
      // the database as it was before the changeset
      update(db, "delete from databasechangelog where id = '8-chase-notice-backfill'");
    }
    try (ConfigurableApplicationContext app = start(before)) {
      DataSource db = app.getBean(DataSource.class);
      assertThat(
              text(
                  db,
                  "select fanout_id_ || ' ' || body_ from danvan_chase_notice"
                      + " where notice_id_ = '"
                      + notice
                      + "'"))
          .isEqualTo("fanout-1 soNoiVu");
      assertThat(count(db, "select count(*) from danvan_chase_notice")).isEqualTo(1);
    }
  }

  private static ConfigurableApplicationContext start() {
    return start(url);
  }

  private static ConfigurableApplicationContext start(String database) {
    return PostgresApp.start(database, "demo", "--camunda.bpm.job-execution.enabled=false");
  }

  private static void update(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      assertThat(s.executeUpdate(sql)).as(sql).isEqualTo(1);
    }
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** Row counts and revision sums of everything start-up writes. */
  private static Map<String, Long> snapshot(DataSource db) throws SQLException {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String table :
        new String[] {
          "databasechangelog",
          "act_re_deployment",
          "act_re_procdef",
          "act_ge_bytearray",
          "act_id_user",
          "act_id_group",
          "act_id_membership",
          "act_ru_authorization",
          "act_ru_filter"
        }) {
      result.put(table, count(db, "select count(*) from " + table));
    }
    for (String table :
        new String[] {"act_id_user", "act_id_group", "act_ru_authorization", "act_ru_filter"}) {
      result.put(table + ".rev", count(db, "select coalesce(sum(rev_), 0) from " + table));
    }
    return result;
  }

  private static long count(DataSource db, String sql) throws SQLException {
    return Long.parseLong(text(db, sql));
  }

  private static String text(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }
}
