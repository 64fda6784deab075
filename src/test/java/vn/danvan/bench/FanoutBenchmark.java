package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.support.BenchReport;
import vn.danvan.support.FanoutRun;
import vn.danvan.support.NationalRegistry;
import vn.danvan.support.PostgresApp;

/**
 * National fan-out benchmark on PostgreSQL (scripts/bench-fanout.sh): after a full-size warm-up,
 * {@code runs} (3) fan-outs to 3,400 bodies completed by 8 clients, the engine's floor, then 500
 * bodies with the fan-out's reminder and chase firing during the completions, then a chase of every
 * body of a national fan-out nobody answered, after which every body answers (each answer ends the
 * body's notice). Prints the figures and writes target/bench/fanout.json. Goals (issue 3): fan-out
 * visible ≤ 3 s; 8 clients, zero errors, exact counts, directive moves on, ≤ 30 s. Visibility is
 * polled every {@code -Dbench.pollMillis} (100) ms.
 */
public final class FanoutBenchmark {

  public static void main(String[] args) throws Exception {
    int bodies = args.length > 0 ? Integer.parseInt(args[0]) : 3400;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createDirectories(BenchReport.FOLDER);
    Path registry = NationalRegistry.write(dir, bodies);
    String url = PostgresApp.freshDatabase("danvan_bench");

    Map<String, Object> report = BenchReport.start();
    List<String> appArgs =
        new ArrayList<>(
            List.of(
                "--camunda.bpm.admin-user.password=bench-only",
                "--danvan.org.registry=file:" + registry.toAbsolutePath(),
                "--logging.level.root=WARN"));
    // more settings to try, e.g. -Dbench.appArgs="--camunda.bpm.job-execution.core-pool-size=2"
    appArgs.addAll(
        List.of(System.getProperty("bench.appArgs", "").split("\\s+")).stream()
            .filter(a -> !a.isBlank())
            .toList());
    try (ConfigurableApplicationContext app =
        PostgresApp.start(url, null, appArgs.toArray(String[]::new))) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      List<String> all = NationalRegistry.communeIds(bodies);
      // a server that has been running: one full-size fan-out first warms the JVM (JIT) and the
      // database's caches; a first run on a cold JVM takes about 1.5 s more to fan out
      print("warm-up (not counted)", FanoutRun.run(engine, all, "xa", clients, 600, false));
      List<Map<String, Object>> national = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        FanoutRun.Result result = FanoutRun.run(engine, all, "xa", clients, 600, false);
        national.add(result.asMap());
        print("national fan-out " + run + "/" + runs, result);
      }
      report.put("national", national);
      Map<String, Object> floor = EngineFloor.measure(engine, all, 4, 100);
      report.put("engineFloor", floor);
      System.out.printf(
          "%-28s bodies=%d bare start→task→end, 4 variables each: %.2f s%n",
          "engine floor", bodies, (Double) floor.get("seconds"));
      FanoutRun.Result timers =
          FanoutRun.run(engine, all.subList(0, Math.min(500, bodies)), clients, 600, true);
      report.put("withTimersFiring", timers.asMap());
      print("500 bodies, timers firing", timers);
      Map<String, Object> chase = FanoutRun.chaseEveryBody(engine, all, clients, 600, false);
      report.put("chaseOfEveryBody", chase);
      System.out.printf(
          "%-28s bodies=%d chase timer's transaction=%.2f s, all notices=%.2f s; "
              + "then every body answered in %.2f s, errors=%s, notices left=%s%n",
          "chase, nobody answered",
          bodies,
          (Double) chase.get("chaseTimerTransactionSeconds"),
          (Double) chase.get("allNoticesSeconds"),
          (Double) chase.get("answersAfterChaseSeconds"),
          chase.get("answerErrors"),
          chase.get("noticesLeft"));
      Map<String, Object> withdrawn = FanoutRun.withdraw(engine, all, 600);
      report.put("withdrawn", withdrawn);
      System.out.printf(
          "%-28s bodies=%d deleted in %.2f s, instances left=%s, tasks left=%s%n",
          "withdrawn (deleted)",
          bodies,
          (Double) withdrawn.get("deleteSeconds"),
          withdrawn.get("instancesLeft"),
          withdrawn.get("tasksLeft"));
    }
    BenchReport.write("fanout.json", report);
    if (report.get("withdrawn") instanceof Map<?, ?> withdrawn
        && !(withdrawn.get("instancesLeft").equals(0L) && withdrawn.get("tasksLeft").equals(0L))) {
      throw new IllegalStateException("a withdrawn fan-out must leave no work: " + withdrawn);
    }
    if (report.get("withTimersFiring") instanceof Map<?, ?> timers
        && !timers.get("noticesLeft").equals(0L)) {
      throw new IllegalStateException(
          "a chase while bodies answer must leave no notice about" + " finished work: " + timers);
    }
    if (report.get("chaseOfEveryBody") instanceof Map<?, ?> chase
        && (!chase.get("answerErrors").equals(0) || !chase.get("noticesLeft").equals(0L))) {
      throw new IllegalStateException(
          "after the chase, every body's answer must end its notice: " + chase);
    }
  }

  private static void print(String name, FanoutRun.Result r) {
    System.out.printf(
        "%-28s bodies=%d clients=%d fan-out=%.2f s complete=%.2f s (%.0f/s)"
            + " errors=%d ended=%d counted=%d moved-on=%s notices-left=%d%n",
        name,
        r.bodies(),
        r.clients(),
        r.fanoutMillis() / 1000.0,
        r.completeMillis() / 1000.0,
        r.completions() * 1000.0 / Math.max(1, r.completeMillis()),
        r.errors(),
        r.membersEnded(),
        r.counterDone(),
        r.parentEnded(),
        r.noticesLeft());
    r.errorSamples().forEach(e -> System.out.println("  error: " + e));
  }
}
