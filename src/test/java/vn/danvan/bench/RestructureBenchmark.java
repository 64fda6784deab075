package vn.danvan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.AppNode;
import vn.danvan.support.BenchReport;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.RestLoad;

/**
 * Restructuring under load (scripts/bench-restructure.sh): the demo province on PostgreSQL,
 * authorization on; {@code pieces} (2,000) open assignments of Hội Cựu chiến binh tỉnh and {@code
 * others} (4,000) of eight other bodies. While 8 REST clients complete the other bodies' work, the
 * administrator ends the body over REST (end date yesterday, successor the provincial Mặt trận) and
 * its work moves. Measures the move's time, counts the clients' and the move's errors, checks every
 * piece moved (no task left to the ended body, one record per instance) and writes
 * target/bench/restructure.json. Goal: ≤ 30 s, 0 errors.
 */
public final class RestructureBenchmark {

  /** The administrator's call, waiting as long as it takes (the test client gives up at 30 s). */
  static Http.Reply endOverRest(int port, String json) throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:"
                                + port
                                + "/api/to-chuc/don-vi/"
                                + ENDED
                                + "/ket-thuc"))
                    .timeout(java.time.Duration.ofMinutes(10))
                    .header("Content-Type", "application/json")
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    AppNode.ADMIN.getBytes(
                                        java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Http.Reply(response.statusCode(), response.body());
  }

  static final String ENDED = "hoiCCBTinh";
  static final String HEIR = "mttqTinh";
  static final List<String> WORKING =
      List.of(
          "soNoiVu",
          "soTaiChinh",
          "hoiPhuNuTinh",
          "baoTinh",
          "thanhTraTinh",
          "ldldTinh",
          "hoiNongDanTinh",
          "tinhDoan");
  static final int CLIENTS = 8;

  public static void main(String[] args) throws Exception {
    int pieces = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int others = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
    String url = PostgresApp.freshDatabase("danvan_bench_restructure");
    Map<String, Object> report = BenchReport.start();
    try (ConfigurableApplicationContext app =
        PostgresApp.start(
            url,
            null,
            "--camunda.bpm.admin-user.password=" + AppNode.PASSWORD,
            "--danvan.org.initial-password=" + AppNode.PASSWORD,
            "--danvan.org.registry=classpath:org/demo-province.yaml",
            "--logging.level.root=WARN")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      Http http = new Http(port);
      String deadline = LocalDate.now(Deadlines.ZONE).plusMonths(2).toString();
      Map<String, Boolean> simple = Map.of("leaderReview", false, "confirmation", false);
      long t0 = System.nanoTime();
      RestLoad.startAssignments(port, List.of(ENDED), pieces, CLIENTS, deadline, simple);
      RestLoad.startAssignments(port, WORKING, others / WORKING.size(), CLIENTS, deadline, simple);
      System.out.printf(
          "%d + %d assignments started in %.1f s%n",
          pieces, others, (System.nanoTime() - t0) / 1e9);
      List<RestLoad.Completion> work = RestLoad.openTasks(http, WORKING, "Task_Perform");

      // 8 clients at work; the move starts once they are
      CompletableFuture<RestLoad.Outcome> clients =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return RestLoad.complete(port, work, CLIENTS, RestLoad.REPORT);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(2_000);
      String yesterday = LocalDate.now(Deadlines.ZONE).minusDays(1).toString();
      long m0 = System.nanoTime();
      Http.Reply ended =
          endOverRest(
              port,
              "{\"validTo\": \""
                  + yesterday
                  + "\", \"successors\": [\""
                  + HEIR
                  + "\"], \"reason\": \"Kiểm thử tải: chuyển việc khi sắp xếp tổ chức\"}");
      double moveSeconds = (System.nanoTime() - m0) / 1e9;
      boolean clientsStillWorking = !clients.isDone();
      RestLoad.Outcome load = clients.get();
      JsonNode moved = ended.status() == 200 ? RestLoad.read(ended).path("work") : null;

      long left = engine.getTaskService().createTaskQuery().taskCandidateGroup(ENDED).count();
      long atHeir = engine.getTaskService().createTaskQuery().taskCandidateGroup(HEIR).count();
      Integer records =
          new JdbcTemplate(app.getBean(javax.sql.DataSource.class))
              .queryForObject(
                  "select count(*) from danvan_body_move where from_body_ = ?",
                  Integer.class,
                  ENDED);

      Map<String, Object> move = new LinkedHashMap<>();
      move.put("status", ended.status());
      move.put("seconds", BenchReport.round(moveSeconds));
      move.put("instances", moved == null ? 0 : moved.path("instances").asInt());
      move.put("tasks", moved == null ? 0 : moved.path("tasks").asInt());
      move.put("variables", moved == null ? 0 : moved.path("variables").asInt());
      move.put("retries", moved == null ? 0 : moved.path("retries").asInt());
      move.put("serverMillis", moved == null ? 0 : moved.path("millis").asLong());
      move.put("tasksLeftToEndedBody", left);
      move.put("tasksAtHeir", atHeir);
      move.put("records", records);
      move.put("clientsStillWorkingWhenMoveEnded", clientsStillWorking);
      if (ended.status() != 200) {
        move.put("error", ended.body());
      }
      report.put(
          "what",
          "ending "
              + ENDED
              + " with "
              + pieces
              + " open assignments moved to "
              + HEIR
              + " over REST while "
              + CLIENTS
              + " clients complete other bodies' work");
      report.put("move", move);
      report.put("clients", load.asMap());
      int errors =
          (ended.status() == 200 ? 0 : 1)
              + load.failed().size()
              + (left == 0 && atHeir >= pieces && records != null && records >= pieces ? 0 : 1);
      report.put("errors", errors);
      report.put("goal", "move ≤ 30 s, 0 errors");
      report.put("met", errors == 0 && moveSeconds <= 30);
      System.out.printf(
          "move: %.1f s, %s instances, %s tasks, %d left, %d at heir; clients: %d"
              + " completions, %d errors%n",
          moveSeconds,
          move.get("instances"),
          move.get("tasks"),
          left,
          atHeir,
          load.acknowledged().size(),
          load.failed().size());
      BenchReport.write("restructure.json", report);
    }
  }
}
