package vn.danvan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import vn.danvan.support.BenchReport;

/**
 * The benchmarks' table for one engine's session (scripts/bench-all.sh, scripts/bench-table.sh):
 * reads the JSON that W1–W5 wrote in the build's bench folder ({@link BenchReport#FOLDER}), puts
 * each product figure beside the plain engine's of the same run and beside its goal, says whether
 * the goal is met and whether the plain engine itself would meet it; prints the table under the
 * engine's name and writes summary.md there. A benchmark whose JSON is missing is shown as not run.
 */
public final class BenchSummary {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchSummary() {}

  /** Arguments: the machine's PostgreSQL version and the commit measured (both optional). */
  public static void main(String[] args) throws IOException {
    String postgres = args.length > 0 ? args[0] : "?";
    String commit = args.length > 1 ? args[1] : "?";
    String text = summary(BenchReport.FOLDER, BenchReport.engine(), machine(postgres), commit);
    Path out = Files.createDirectories(BenchReport.FOLDER).resolve("summary.md");
    Files.writeString(out, text);
    System.out.print(text);
    System.out.println("written " + out);
  }

  /** This machine: cores, memory, the database. */
  static String machine(String postgres) {
    long bytes =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    return String.format(
        Locale.ROOT,
        "%d cores, %.1f GiB, PostgreSQL %s on the same machine",
        Runtime.getRuntime().availableProcessors(),
        bytes / (1024.0 * 1024 * 1024),
        postgres);
  }

  /**
   * The heading (the engine, the day, the machine, the commit, the machine's load at the
   * benchmarks' starts and ends) and the table of the figures found in {@code folder}.
   */
  static String summary(Path folder, String engine, String machine, String commit)
      throws IOException {
    List<String> rows = new ArrayList<>();
    String date = null;
    DoubleSummaryStatistics load = new DoubleSummaryStatistics();
    for (Row row : List.of(w1(), w2(), w3(), w4(), w5())) {
      Path file = folder.resolve(row.file);
      if (!Files.exists(file)) {
        rows.add("| " + row.label + " | not run | | " + row.goal + " | |");
        continue;
      }
      JsonNode report = JSON.readTree(file.toFile());
      String when = report.path("date").asText("");
      date = date == null || when.compareTo(date) > 0 ? when : date;
      for (String field : List.of("loadAverage", "loadAverageAtEnd")) {
        if (report.path(field).isNumber()) {
          load.accept(report.path(field).asDouble());
        }
      }
      rows.add("| " + row.label + " | " + row.cells.apply(report) + " |");
    }
    StringBuilder text = new StringBuilder();
    String day = date == null ? "?" : date.substring(0, Math.min(10, date.length()));
    text.append("### ")
        .append(engine)
        .append("\n\nMeasured ")
        .append(day)
        .append(" on ")
        .append(machine)
        .append(", commit ")
        .append(commit)
        .append(
            load.getCount() == 0
                ? ""
                : fmt(
                    "; the machine's load average (1 minute) %.1f–%.1f at the benchmarks'"
                        + " starts and ends",
                    load.getMin(), load.getMax()))
        .append("\n\n");
    text.append("| | Product | Plain engine, same run | Goal | Met? |\n|---|---|---|---|---|\n");
    rows.forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  private record Row(String label, String file, String goal, Function<JsonNode, String> cells) {}

  /**
   * The ratio to the plain engine doing the same step: the plain task that gives the leaders the
   * next one where the assignment goes on to a person (its leader, or the monitoring body), the
   * trivial task where it ends (files without the next-task path: the trivial task).
   */
  static double likeForLike(String route, double trivialRatio, JsonNode summary) {
    JsonNode next = summary.path("ratioToNextTask");
    return route.equals("end") || next.isMissingNode() ? trivialRatio : next.asDouble();
  }

  private static Row w1() {
    String goal = "≥ 300/s and ≥ 0.95× the same step";
    return new Row(
        "**W1** 8 REST clients completing tasks",
        "throughput.json",
        goal,
        r -> {
          JsonNode s = r.path("summary");
          double rate = s.path("assignmentPerSecond").asDouble();
          double trivial = s.path("trivialPerSecond").asDouble();
          double ratio = s.path("ratio").asDouble();
          String route = r.path("route").asText("leader");
          JsonNode next = s.path("nextTaskPerSecond");
          return fmt("%.0f/s (rounds %s)", rate, join(r.path("assignment"), "perSecond", "%.1f"))
              + (route.equals("leader") ? "" : ", route " + route)
              + " | "
              + fmt(
                  "trivial %.0f/s (rounds %s): ratio %.2f (rounds %s)",
                  trivial,
                  join(r.path("trivial"), "perSecond", "%.1f"),
                  ratio,
                  join(s.path("ratioByRound"), null, "%.2f"))
              + (next.isMissingNode()
                  ? ""
                  : fmt(
                      "; a plain task that gives the leaders the next one"
                          + " %.0f/s: ratio %.2f (rounds %s)",
                      next.asDouble(),
                      s.path("ratioToNextTask").asDouble(),
                      join(s.path("ratioToNextTaskByRound"), null, "%.2f")))
              + " | "
              + goal
              + " | rate "
              + verdict(rate >= 300, trivial >= 300, "the trivial process")
              + "; ratio "
              + (likeForLike(route, ratio, s) >= ThroughputBenchmark.GOAL_RATIO ? "yes" : "**no**");
        });
  }

  private static Row w2() {
    String goal = "visible ≤ 3 s, all done ≤ 30 s";
    return new Row(
        "**W2** national fan-out",
        "fanout.json",
        goal,
        r -> {
          JsonNode runs = r.path("national");
          DoubleSummaryStatistics visible = stats(runs, "fanoutSeconds");
          DoubleSummaryStatistics done = stats(runs, "completeSeconds");
          double floor = r.path("engineFloor").path("seconds").asDouble();
          long errors = (long) stats(runs, "errors").getSum();
          JsonNode chase = r.path("chaseOfEveryBody").path("answersAfterChaseSeconds");
          JsonNode withdrawn = r.path("withdrawn").path("deleteSeconds");
          return fmt(
                  "%d bodies: visible %.2f–%.2f s, all done %.1f–%.1f s, %d errors",
                  runs.path(0).path("bodies").asInt(),
                  visible.getMin(),
                  visible.getMax(),
                  done.getMin(),
                  done.getMax(),
                  errors)
              + (chase.isMissingNode()
                  ? ""
                  : fmt(
                      "; after a chase of every body, all answered in " + "%.1f s",
                      chase.asDouble()))
              + (withdrawn.isMissingNode()
                  ? ""
                  : fmt("; withdrawn (deleted) in %.1f s", withdrawn.asDouble()))
              + " | "
              + fmt("bare instances %.2f s", floor)
              + " | "
              + goal
              + " | visible "
              + verdict(visible.getMax() <= 3, floor <= 3, "the bare instances")
              + "; all done "
              + (done.getMax() <= 30 && errors == 0 ? "yes" : "**no**");
        });
  }

  private static Row w3() {
    String goal = "≤ 60 s";
    return new Row(
        "**W3** Bắc Giang 2016–2020",
        "lifetime.json",
        goal,
        r -> {
          JsonNode life = r.path("lifetime");
          JsonNode bare = r.path("plainEngine");
          double wall = life.path("wallSeconds").asDouble();
          double bareWall = bare.path("wallSeconds").asDouble();
          JsonNode first = r.path("warmUp");
          return fmt(
                  "%.1f s, %d bodies, %d tasks, %d jobs, %.1f statements per task",
                  wall,
                  life.path("bodies").asInt(),
                  life.path("tasks").asLong(),
                  life.path("jobsExecuted").asLong(),
                  life.path("statementsPerTask").asDouble())
              + (first.isMissingNode()
                  ? ""
                  : fmt(
                      "; the same lifetime before it, first in a new JVM" + " (%d bodies): %.1f s",
                      first.path("bodies").asInt(), first.path("wallSeconds").asDouble()))
              + " | "
              + fmt(
                  "%.1f s for as many bare tasks (the product %.2f×), %.1f per task",
                  bareWall, wall / bareWall, bare.path("statementsPerTask").asDouble())
              + " | "
              + goal
              + " | "
              + verdict(wall <= 60, bareWall <= 60, "the plain engine");
        });
  }

  private static Row w4() {
    String goal = "p95 ≤ 100 ms";
    return new Row(
        "**W4** Tasklist filter, 10,000 open tasks",
        "tasklist.json",
        goal,
        r -> {
          JsonNode t = r.path("tasklist");
          double list = t.path("tasklistFilterList").path("p95Millis").asDouble();
          double count = t.path("tasklistFilterCount").path("p95Millis").asDouble();
          double plain = t.path("plainTaskQueryList").path("p95Millis").asDouble();
          return fmt("list p95 %.1f ms, count p95 %.1f ms", list, count)
              + " | "
              + fmt(
                  "the administrator's plain query: list p95 %.1f ms, count p95 %.1f ms",
                  plain, t.path("plainTaskQueryCount").path("p95Millis").asDouble())
              + " | "
              + goal
              + " | "
              + verdict(list <= 100, plain <= 100, "the plain query");
        });
  }

  private static Row w5() {
    String goal = "0 errors, p95 reported, the application survives -Xmx512m";
    return new Row(
        "**W5** attachments, every body uploads a PDF",
        "attachments.json",
        goal,
        r -> {
          JsonNode product = r.path("phases").path(0);
          JsonNode engine = r.path("phases").path(1);
          long files = r.path("bodies").asLong() + r.path("warmUpUploadsEachWay").asLong();
          long bytes = files * r.path("fileBytes").asLong();
          JsonNode stored = r.path("stored").path("product");
          boolean exact =
              stored.path("files").asLong() == files
                  && stored.path("bytesStored").asLong() == bytes;
          boolean met =
              product.path("errors").asInt(-1) == 0 && exact && r.path("aliveAtEnd").asBoolean();
          return fmt(
                  "%d bodies × %d KB, %d clients, application %s: ",
                  r.path("bodies").asInt(),
                  r.path("fileBytes").asLong() / 1024,
                  r.path("clients").asInt(),
                  r.path("applicationHeap").asText())
              + upload(product)
              + (exact ? ", every file stored whole" : ", **files or bytes missing**")
              + (r.path("aliveAtEnd").asBoolean() ? ", alive at the end" : ", **not alive**")
              + " | the engine's attachment API (as the administrator): "
              + upload(engine)
              + " | "
              + goal
              + " | "
              + (met ? "yes" : "**no**");
        });
  }

  /** One way of uploading: its errors, latency, rate and the application's heap meanwhile. */
  private static String upload(JsonNode phase) {
    JsonNode heap = phase.path("heap");
    return fmt(
        "%d errors, p50 %.0f ms, p95 %.0f ms, max %.0f ms, %.1f/s;"
            + " heap peak %.0f MB (%.0f MB live after collection)",
        phase.path("errors").asInt(),
        phase.path("p50Millis").asDouble(),
        phase.path("p95Millis").asDouble(),
        phase.path("maxMillis").asDouble(),
        phase.path("uploadsPerSecond").asDouble(),
        heap.path("usedMaxPolledMB").asDouble(),
        heap.path("oldAfterGcMaxMB").asDouble());
  }

  /** "yes", or "no", saying so when the plain engine's own figure misses the goal too. */
  private static String verdict(boolean met, boolean plainMeets, String plain) {
    return met ? "yes" : plainMeets ? "**no**" : "**no**, nor " + plain;
  }

  private static String join(JsonNode list, String field, String format) {
    List<String> parts = new ArrayList<>();
    list.forEach(n -> parts.add(fmt(format, (field == null ? n : n.path(field)).asDouble())));
    return String.join(", ", parts);
  }

  /** Smallest, largest and sum of a field over a list of runs. */
  private static DoubleSummaryStatistics stats(JsonNode list, String field) {
    return StreamSupport.stream(list.spliterator(), false)
        .mapToDouble(n -> n.path(field).asDouble())
        .summaryStatistics();
  }

  private static String fmt(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }
}
