package vn.danvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.RunningDemoApp;

/**
 * Attachments on PostgreSQL (the production database): Liquibase makes the tables (the content in
 * {@code bytea} parts), a file of several parts goes in and comes back byte for byte, and a refused
 * one stores nothing.
 */
class AttachmentsPostgresIT {

  static String url;

  @BeforeAll
  static void freshDatabase() throws SQLException {
    url = PostgresApp.freshDatabase("danvan_attachments_it");
  }

  @Test
  void aFileOfSeveralPartsGoesInAndComesBackByteForByte() {
    try (ConfigurableApplicationContext app =
        PostgresApp.start(url, "demo", "--camunda.bpm.job-execution.enabled=false")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "select data_type from information_schema.columns"
                      + " where table_name = 'danvan_attachment_part' and column_name = 'data_'",
                  String.class))
          .isEqualTo("bytea");
      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
      String pi = RunningDemoApp.assign(http, "soNoiVu");
      String task =
          app.getBean(ProcessEngine.class)
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(pi)
              .singleResult()
              .getId();
      byte[] pdf = TestFiles.pdf(1024 * 1024);
      Http.Reply sent =
          http.postPart(
              "/api/tep-dinh-kem/cong-viec/" + task,
              RunningDemoApp.STAFF,
              "tep",
              "Báo cáo kết quả.pdf",
              pdf);
      assertThat(sent.status()).as(sent.body()).isEqualTo(201);
      String id = sent.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from danvan_attachment_part where attachment_id_ = ?",
                  Integer.class,
                  id))
          .isEqualTo(5);
      assertThat(http.download("/api/tep-dinh-kem/" + id, RunningDemoApp.STAFF).body())
          .isEqualTo(pdf);

      Http.Reply refused =
          http.postPart(
              "/api/tep-dinh-kem/cong-viec/" + task,
              RunningDemoApp.STAFF,
              "tep",
              "Bom.docx",
              TestFiles.docx("Bom", 12 * 1024 * 1024));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(jdbc.queryForObject("select count(*) from danvan_attachment", Integer.class))
          .isEqualTo(1);
    }
  }
}
