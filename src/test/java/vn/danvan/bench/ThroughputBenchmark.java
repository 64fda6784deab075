package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.danvan.support.AppNode;
import vn.danvan.support.BenchReport;
import vn.danvan.support.Http;
import vn.danvan.support.PlannerStatistics;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.RestLoad;
import vn.danvan.support.RestLoad.Completion;
import vn.danvan.support.RestLoad.Outcome;

/**
 * W1 (scripts/bench-throughput.sh): the packaged application in its own JVM on PostgreSQL, the demo
 * province's 40 bodies; {@code clients} (8) authenticated REST clients complete, as each body's
 * staff, the {@code Thực hiện nhiệm vụ} task of {@code perBody × 40} assignments, and, on the same
 * engine in the same run, the task of as many trivial {@code start → user task → end} instances
 * (the plain engine's baseline). Beside them, not in the goal, the plain engine doing the step an
 * assignment's completion does by default: a task whose completion gives the body's leaders the
 * next one ({@code RestLoad.TRIVIAL_NEXT}). After a warm-up of a round each, {@code rounds} (4)
 * rounds, each timing the three paths back to back, the trivial task first in odd rounds and the
 * assignment first in even ones, so that a machine still speeding up favours neither. Prints each
 * path's median rate and the ratios, each the mean of the rounds' own ratios; writes
 * target/bench/throughput.json. Goals: ≥ 300 completions/s on 2 cores and ≥ {@link #GOAL_RATIO}
 * times the plain engine doing the same step (the next-task path; the trivial task when the
 * assignments end without a next task); the trivial task stays beside them for reference. The
 * assignments take the product's default {@link Route} (to the leader's approval) unless the fourth
 * argument names another.
 */
public final class ThroughputBenchmark {

  /** The assignment's rate at least this share of the plain engine's doing the same step. */
  static final double GOAL_RATIO = 0.95;

  /** Where an assignment goes when its body's report is in: the start flags, the next task. */
  enum Route {
    /** The default: the body's leader approves (*Duyệt và gửi kết quả*). */
    LEADER(Map.of(), "Task_ApproveResult"),
    /** No leader review: the monitoring body confirms (*Xác nhận kết quả*). */
    CONFIRMATION(Map.of("leaderReview", false), "Task_ConfirmResult"),
    /** Neither: the report ends the assignment. */
    END(Map.of("leaderReview", false, "confirmation", false), null);

    final Map<String, Boolean> flags;
    final String next;

    Route(Map<String, Boolean> flags, String next) {
      this.flags = flags;
      this.next = next;
    }
  }

  /** A path W1 times: the task its clients complete, and the JSON key of its rounds. */
  enum Kind {
    ASSIGNMENT("Task_Perform", "assignment"),
    /** The plain engine's task that gives the body's leaders the next one. */
    NEXT_TASK("Task_TrivialFirst", "nextTask"),
    TRIVIAL("Task_Trivial", "trivial");

    final String task;
    final String key;

    Kind(String task, String key) {
      this.task = task;
      this.key = key;
    }

    /** Lower case, as printed. */
    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The paths in the order of even rounds; odd rounds take them the other way round. */
  static final List<Kind> EVEN = List.of(Kind.ASSIGNMENT, Kind.NEXT_TASK, Kind.TRIVIAL);

  static final List<Kind> ODD = List.of(Kind.TRIVIAL, Kind.NEXT_TASK, Kind.ASSIGNMENT);

  public static void main(String[] args) throws Exception {
    int perBody = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Route route = args.length > 3 ? Route.valueOf(args[3].toUpperCase(Locale.ROOT)) : Route.LEADER;
    Path dir = Files.createDirectories(BenchReport.FOLDER);
    String url = PostgresApp.freshDatabase("danvan_bench_w1");
    Map<String, Object> report = BenchReport.start();
    try (PlannerStatistics statistics = PlannerStatistics.keep(url);
        AppNode node = AppNode.on("w1", url, dir).start()) {
      report.put("plannerStatistics", statistics.asMap());
      node.awaitReady(Duration.ofMinutes(3));
      Http http = node.http();
      RestLoad.deployTrivial(http);
      List<String> bodies = RestLoad.staffedBodies(http);
      report.put("bodies", bodies.size());
      report.put("clients", clients);
      report.put("route", route.name().toLowerCase(Locale.ROOT));
      System.out.printf("node %s: %d bodies with staff%n", node, bodies.size());

      // warm-up: a round of each before anything is timed (after half a round, the rates still
      // climbed by half from the first timed round to the third)
      for (Kind kind : EVEN) {
        round(node, statistics, route, bodies, perBody, clients, kind, "warm-up");
      }
      Map<Kind, List<Map<String, Object>>> timed = new java.util.EnumMap<>(Kind.class);
      EVEN.forEach(kind -> timed.put(kind, new ArrayList<>()));
      for (int r = 1; r <= rounds; r++) {
        // alternate which goes first, so neither always meets a fresher database; the plain
        // task with a next step always between them
        for (Kind kind : r % 2 == 1 ? ODD : EVEN) {
          timed
              .get(kind)
              .add(round(node, statistics, route, bodies, perBody, clients, kind, "round " + r));
        }
      }
      List<Map<String, Object>> assignment = timed.get(Kind.ASSIGNMENT);
      double productRate = median(assignment);
      double baselineRate = median(timed.get(Kind.TRIVIAL));
      double nextRate = median(timed.get(Kind.NEXT_TASK));
      List<Double> ratios = ratios(assignment, timed.get(Kind.TRIVIAL));
      List<Double> nextRatios = ratios(assignment, timed.get(Kind.NEXT_TASK));
      double ratio = mean(ratios);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("of", "rates: median round; ratio: mean of the rounds' ratios");
      summary.put("assignmentPerSecond", Math.round(productRate));
      summary.put("trivialPerSecond", Math.round(baselineRate));
      summary.put("ratio", Math.round(ratio * 100) / 100.0);
      summary.put("ratioByRound", ratios);
      summary.put("nextTaskPerSecond", Math.round(nextRate));
      summary.put("ratioToNextTask", Math.round(mean(nextRatios) * 100) / 100.0);
      summary.put("ratioToNextTaskByRound", nextRatios);
      summary.put("goalPerSecond", 300);
      summary.put("goalRatio", GOAL_RATIO);
      timed.forEach((kind, results) -> report.put(kind.key, results));
      report.put("summary", summary);
      System.out.printf(
          "W1: assignment %.0f/s (route %s), trivial baseline %.0f/s (medians), ratio"
              + " %.2f (mean of the rounds' %s) (goals: ≥ 300/s; ≥ 0.95 of the same step)%n",
          productRate, route.name().toLowerCase(Locale.ROOT), baselineRate, ratio, ratios);
      System.out.printf(
          "    against a plain task that gives the leaders the next one: %.0f/s,"
              + " ratio %.2f (rounds %s)%n",
          nextRate, mean(nextRatios), nextRatios);
    }
    BenchReport.write("throughput.json", report);
  }

  /** Creates the work, then times only the clients' completions; checks every one took effect. */
  private static Map<String, Object> round(
      AppNode node,
      PlannerStatistics statistics,
      Route route,
      List<String> bodies,
      int perBody,
      int clients,
      Kind kind,
      String label)
      throws Exception {
    Http http = node.http();
    List<String> instances =
        switch (kind) {
          case ASSIGNMENT ->
              RestLoad.startAssignments(
                  node.port(), bodies, perBody, clients, "2099-12-31", route.flags);
          case NEXT_TASK ->
              RestLoad.startTrivial(node.port(), RestLoad.TRIVIAL_NEXT, bodies, perBody, clients);
          case TRIVIAL ->
              RestLoad.startTrivial(node.port(), RestLoad.TRIVIAL, bodies, perBody, clients);
        };
    List<Completion> work = RestLoad.openTasks(http, bodies, kind.task);
    if (work.size() != instances.size()) {
      throw new IllegalStateException(
          kind + ": " + work.size() + " open tasks for " + instances.size() + " instances");
    }
    statistics.now();
    long movedOnBefore = movedOn(http, route, kind);
    CpuMeter cpu = CpuMeter.start(node.pid());
    Outcome outcome = RestLoad.complete(node.port(), work, clients, RestLoad.REPORT);
    Map<String, Double> used = cpu.stop();
    if (!outcome.failed().isEmpty()) {
      throw new IllegalStateException(
          kind
              + " "
              + label
              + ": "
              + outcome.failed().size()
              + " completions failed: "
              + outcome.errorSamples());
    }
    // every completion took effect: no first task left; each instance took its next step
    long left = RestLoad.openTasks(http, bodies, kind.task).size();
    if (left != 0) {
      throw new IllegalStateException(kind + ": " + left + " tasks still open");
    }
    long moved = movedOn(http, route, kind) - movedOnBefore;
    boolean next = kind != Kind.TRIVIAL;
    if (next && moved != instances.size()) {
      throw new IllegalStateException(
          kind + ": " + moved + " of " + instances.size() + " instances took their next step");
    }
    Map<String, Object> result = outcome.asMap();
    result.put("label", label);
    result.put("cpuMillisPerCompletion", perCompletion(used, outcome.acknowledged().size()));
    if (kind == Kind.ASSIGNMENT) {
      result.put(
          route.next == null ? "assignmentsEnded" : route.next + "Waiting", movedOnBefore + moved);
    }
    System.out.printf(
        "%-10s %-8s %5d completions in %6.2f s: %6.1f/s (p50 %.0f ms, p95 %.0f ms)"
            + " CPU ms per completion %s%s%n",
        kind.label(),
        label,
        outcome.acknowledged().size(),
        outcome.millis() / 1000.0,
        outcome.perSecond(),
        result.get("p50Millis"),
        result.get("p95Millis"),
        result.get("cpuMillisPerCompletion"),
        !next
            ? ""
            : ", "
                + moved
                + (kind == Kind.ASSIGNMENT && route.next == null
                    ? " assignments ended"
                    : " moved on to the next task"));
    return result;
  }

  /**
   * Whose CPU one completion took, in milliseconds: the application's JVM ({@code app}),
   * PostgreSQL's processes ({@code postgres}) and the clients' (this JVM: {@code clients}).
   */
  static Map<String, Double> perCompletion(Map<String, Double> used, int completions) {
    Map<String, Double> per = new LinkedHashMap<>();
    for (String[] part :
        new String[][] {
          {"app", "appSeconds"}, {"postgres", "postgresSeconds"}, {"clients", "jvmSeconds"}
        }) {
      if (used.get(part[1]) != null && completions > 0) {
        per.put(part[0], Math.round(used.get(part[1]) * 1000 / completions * 100) / 100.0);
      }
    }
    return per;
  }

  /**
   * The instances waiting at their next task (an assignment's: its route's; none for the trivial
   * task), or ended if the route has none.
   */
  private static long movedOn(Http http, Route route, Kind kind) throws Exception {
    String path =
        switch (kind) {
          case TRIVIAL -> null;
          case NEXT_TASK ->
              "/engine-rest/task/count?processDefinitionKey="
                  + RestLoad.TRIVIAL_NEXT
                  + "&taskDefinitionKey=Task_TrivialNext";
          case ASSIGNMENT ->
              route.next == null
                  ? "/engine-rest/history/process-instance/count?processDefinitionKey=assignment"
                      + "&finished=true"
                  : "/engine-rest/task/count?processDefinitionKey=assignment&taskDefinitionKey="
                      + route.next;
        };
    return path == null ? 0 : RestLoad.read(http.get(path, AppNode.ADMIN)).get("count").asLong();
  }

  /** Each round's ratio of the product's rate to the baseline's, to two places. */
  private static List<Double> ratios(
      List<Map<String, Object>> product, List<Map<String, Object>> baseline) {
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < product.size(); r++) {
      ratios.add(
          Math.round(
                  (Double) product.get(r).get("perSecond")
                      / (Double) baseline.get(r).get("perSecond")
                      * 100)
              / 100.0);
    }
    return ratios;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The median round's rate: one round disturbed by the machine does not move it. */
  static double median(List<Map<String, Object>> rounds) {
    double[] rates =
        rounds.stream().mapToDouble(r -> (Double) r.get("perSecond")).sorted().toArray();
    int mid = rates.length / 2;
    return rates.length % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
  }
}
