package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.org.IdentitySync;
import vn.danvan.org.OrgRegistry;
import vn.danvan.support.BenchReport;
import vn.danvan.support.Http;
import vn.danvan.support.NationalRegistry;
import vn.danvan.support.PlannerStatistics;
import vn.danvan.support.PostgresApp;

/**
 * W4, Tasklist under a big body (scripts/bench-tasklist.sh): a province of 200 bodies on
 * PostgreSQL, authorization on; {@code tasks} (10,000) open fan-out tasks for Sở Nội vụ and as many
 * spread over the 199 other bodies, made by the fan-out block's own chunks ({@code fanoutChunk} →
 * {@code fanoutMember}). Then, logged in to Tasklist as Sở Nội vụ's staff member, {@code rounds}
 * (50) times the requests Tasklist makes when the body's filter opens (the first page of 15, newest
 * first, as HAL, and the filter's count); beside it, as the administrator (no authorization
 * checks), the same candidate-group task query over the REST API. Prints p50/p95/max and writes
 * target/bench/tasklist.json. Goal (W4): p95 ≤ 100 ms.
 */
public final class TasklistBenchmark {

  static final String BODY = "soNoiVu";
  static final String STAFF = "soNoiVuCanBo";
  static final String PASSWORD = "bench-only";
  static final String ADMIN = "admin:" + PASSWORD;

  /** What Tasklist 7.24 posts to a filter's list (camunda-tasklist-bootstrap.js, taskListQuery). */
  static final String TASKLIST_QUERY =
      "{\"processVariables\":[],\"taskVariables\":[],"
          + "\"caseInstanceVariables\":[],"
          + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],"
          + "\"active\":true}";

  static final String PLAIN_QUERY =
      "{\"candidateGroups\":[\""
          + BODY
          + "\"],"
          + "\"includeAssignedTasks\":true,\"active\":true,"
          + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}]}";

  public static void main(String[] args) throws Exception {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir = Files.createDirectories(BenchReport.FOLDER);
    Path registry = NationalRegistry.province(dir, 200);
    String url = PostgresApp.freshDatabase("danvan_bench_tasklist");
    Map<String, Object> report = BenchReport.start();
    try (PlannerStatistics statistics = PlannerStatistics.keep(url);
        ConfigurableApplicationContext app =
            PostgresApp.start(
                url,
                null,
                "--camunda.bpm.admin-user.password=" + PASSWORD,
                "--danvan.org.initial-password=" + PASSWORD,
                "--danvan.org.registry=file:" + registry.toAbsolutePath(),
                "--logging.level.root=WARN")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      List<String> others =
          app.getBean(OrgRegistry.class).bodies().stream()
              .map(OrgRegistry.Body::id)
              .filter(id -> !id.equals(BODY))
              .toList();
      long t0 = System.nanoTime();
      String fanout =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  "fanout",
                  "CT-TAI/BENCH",
                  Map.of(
                      "bodies",
                      SpinValues.jsonValue("[\"" + BODY + "\"]").create(),
                      "monitorBody",
                      "bdvTU",
                      "taskContent",
                      "Báo cáo kết quả thực hiện (kiểm thử tải)",
                      "deadline",
                      "2099-12-31",
                      "leaderReview",
                      false,
                      "confirmation",
                      false))
              .getId();
      // more of the same fan-out's chunks: 100 bodies each, as the block queues them
      for (int made = 1; made < tasks; made += 100) {
        chunk(engine, fanout, Collections.nCopies(Math.min(100, tasks - made), BODY));
      }
      for (int made = 0; made < tasks; made += 100) {
        List<String> part = new ArrayList<>();
        for (int i = made; i < Math.min(tasks, made + 100); i++) {
          part.add(others.get(i % others.size()));
        }
        chunk(engine, fanout, part);
      }
      waitForTasks(engine, 2L * tasks);
      long mine = engine.getTaskService().createTaskQuery().taskCandidateGroup(BODY).count();
      if (mine != tasks) {
        throw new IllegalStateException(BODY + " has " + mine + " open tasks, not " + tasks);
      }
      // the planner's statistics as autovacuum keeps them (it analyses a table once a tenth of it
      // changed, a minute at most later); without them PostgreSQL plans these joins for 1 row
      statistics.now();
      report.put("plannerStatistics", statistics.asMap());
      report.put(
          "setup",
          Map.of(
              "bodies",
              others.size() + 1,
              "bodyTasks",
              mine,
              "otherTasks",
              tasks,
              "seconds",
              Math.round((System.nanoTime() - t0) / 1e8) / 10.0));
      System.out.printf(
          "%d open tasks for %s, %d for %d other bodies (%.0f s)%n",
          mine, BODY, tasks, others.size(), (System.nanoTime() - t0) / 1e9);

      Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
      Http.Reply login = http.loginToWebapp("tasklist", STAFF, PASSWORD);
      if (login.status() != 200) {
        throw new IllegalStateException("login " + login.status() + " " + login.body());
      }
      String filter =
          engine
              .getFilterService()
              .createFilterQuery()
              .filterName(IdentitySync.FILTER_MY_BODY)
              .singleResult()
              .getId();
      String base = "/camunda/api/engine/engine/default";
      Measure list = new Measure();
      Measure count = new Measure();
      Measure plainList = new Measure();
      Measure plainCount = new Measure();
      for (int round = -3; round < rounds; round++) { // three warm-up rounds
        boolean counted = round >= 0;
        list.time(
            counted,
            () ->
                http.postInSession(
                    base + "/filter/" + filter + "/list?firstResult=0&maxResults=15",
                    TASKLIST_QUERY,
                    true),
            "\"count\":" + mine);
        count.time(
            counted,
            () -> http.postInSession(base + "/filter/" + filter + "/count", TASKLIST_QUERY, false),
            "\"count\":" + mine);
        plainList.time(
            counted,
            () ->
                http.postJson("/engine-rest/task?firstResult=0&maxResults=15", ADMIN, PLAIN_QUERY),
            "\"id\"");
        plainCount.time(
            counted,
            () -> http.postJson("/engine-rest/task/count", ADMIN, PLAIN_QUERY),
            "\"count\":" + mine);
      }
      Map<String, Object> results = new LinkedHashMap<>();
      results.put("rounds", rounds);
      results.put("goalP95Millis", 100);
      results.put("tasklistFilterList", list.figures());
      results.put("tasklistFilterCount", count.figures());
      results.put("plainTaskQueryList", plainList.figures());
      results.put("plainTaskQueryCount", plainCount.figures());
      report.put("tasklist", results);
      System.out.println("Tasklist filter list (HAL, 15 newest): " + list.figures());
      System.out.println("Tasklist filter count:                 " + count.figures());
      System.out.println("plain engine task query (admin), list: " + plainList.figures());
      System.out.println("plain engine task query (admin), count: " + plainCount.figures());
    }
    BenchReport.write("tasklist.json", report);
  }

  /**
   * One more chunk of the fan-out (the block's own {@code fanoutChunk}, run by the job executor).
   */
  static void chunk(ProcessEngine engine, String fanout, List<String> bodies) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "fanoutChunk",
            "CT-TAI/BENCH",
            Map.of("fanoutId", fanout, "chunk", String.join(",", bodies)));
  }

  static void waitForTasks(ProcessEngine engine, long expected) throws InterruptedException {
    long until = System.currentTimeMillis() + 600_000;
    while (engine.getTaskService().createTaskQuery().count() < expected) {
      if (System.currentTimeMillis() > until) {
        throw new IllegalStateException("tasks not created in 10 minutes");
      }
      Thread.sleep(500);
    }
  }

  /** Latencies of one kind of request. */
  static final class Measure {
    private final List<Double> millis = new ArrayList<>();

    void time(boolean counted, java.util.function.Supplier<Http.Reply> request, String expected) {
      long t = System.nanoTime();
      Http.Reply reply = request.get();
      double ms = (System.nanoTime() - t) / 1e6;
      if (reply.status() != 200 || !reply.body().contains(expected)) {
        throw new IllegalStateException(
            reply.status()
                + " "
                + reply.body().substring(0, Math.min(300, reply.body().length()))
                + " (expected "
                + expected
                + ")");
      }
      if (counted) {
        millis.add(ms);
      }
    }

    Map<String, Object> figures() {
      List<Double> sorted = new ArrayList<>(millis);
      Collections.sort(sorted);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("requests", sorted.size());
      f.put("p50Millis", BenchReport.round(BenchReport.percentile(sorted, 50)));
      f.put("p95Millis", BenchReport.round(BenchReport.percentile(sorted, 95)));
      f.put("maxMillis", BenchReport.round(sorted.get(sorted.size() - 1)));
      return f;
    }
  }
}
