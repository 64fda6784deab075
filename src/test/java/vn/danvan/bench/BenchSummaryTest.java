package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.support.BenchReport;

class BenchSummaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void eachFigureStandsBesideThePlainEngineAndItsGoal() throws Exception {
    write(
        "throughput.json",
        Map.of(
            "date",
            "2026-12-01T12:38:41Z",
            "route",
            "end",
            "assignment",
            List.of(Map.of("perSecond", 177.5), Map.of("perSecond", 225.2)),
            "trivial",
            List.of(Map.of("perSecond", 213.8), Map.of("perSecond", 271.4)),
            "summary",
            Map.of(
                "assignmentPerSecond",
                201,
                "trivialPerSecond",
                268,
                "ratio",
                0.79,
                "ratioByRound",
                List.of(0.83, 0.83),
                "nextTaskPerSecond",
                210,
                "ratioToNextTask",
                0.96,
                "ratioToNextTaskByRound",
                List.of(0.95, 0.97))));
    write(
        "fanout.json",
        Map.of(
            "date",
            "2026-12-01T12:32:18Z",
            "national",
            List.of(run(3.097, 15.679, 0), run(2.24, 13.59, 0)),
            "engineFloor",
            Map.of("seconds", 2.165),
            "chaseOfEveryBody",
            Map.of("answersAfterChaseSeconds", 10.437),
            "withdrawn",
            Map.of("deleteSeconds", 12.345)));
    write(
        "lifetime.json",
        Map.of(
            "date",
            "2026-12-01T12:20:07Z",
            "warmUp",
            Map.of("bodies", 200, "wallSeconds", 131.04),
            "lifetime",
            Map.of(
                "wallSeconds",
                110.729,
                "bodies",
                200,
                "tasks",
                17181,
                "jobsExecuted",
                1654,
                "statementsPerTask",
                28.9),
            "plainEngine",
            Map.of("wallSeconds", 103.974, "statementsPerTask", 33.0)));
    write(
        "tasklist.json",
        Map.of(
            "date",
            "2026-12-01T12:34:19Z",
            "loadAverage",
            3.2,
            "loadAverageAtEnd",
            7.5,
            "tasklist",
            Map.of(
                "tasklistFilterList",
                Map.of("p95Millis", 88.2),
                "tasklistFilterCount",
                Map.of("p95Millis", 44.5),
                "plainTaskQueryList",
                Map.of("p95Millis", 106.4),
                "plainTaskQueryCount",
                Map.of("p95Millis", 63.8))));
    write(
        "attachments.json",
        Map.of(
            "date",
            "2026-12-01T12:40:00Z",
            "bodies",
            500,
            "fileBytes",
            1048576,
            "clients",
            8,
            "applicationHeap",
            "-Xmx512m",
            "warmUpUploadsEachWay",
            25,
            "phases",
            List.of(upload(0, 512.1, 364.5), upload(0, 381.7, 504.2)),
            "stored",
            Map.of("product", Map.of("files", 525, "bytesStored", 525L * 1048576)),
            "aliveAtEnd",
            true));

    String text =
        BenchSummary.summary(
            folder, "Operaton 1.0.3", "2 cores, 23.4 GiB, PostgreSQL 15.19", "abc1234");

    assertThat(text)
        .startsWith(
            "### Operaton 1.0.3\n\nMeasured 2026-12-01 on 2 cores, 23.4 GiB, PostgreSQL 15.19,"
                + " commit abc1234; the machine's load average (1 minute) 3.2–7.5 at the"
                + " benchmarks' starts and ends\n\n");
    assertThat(row(text, "**W1**"))
        .contains(
            "201/s (rounds 177.5, 225.2), route end",
            "trivial 268/s (rounds 213.8, 271.4)",
            "ratio 0.79 (rounds 0.83, 0.83); a plain task that gives the leaders the next one "
                + "210/s: ratio 0.96 (rounds 0.95, 0.97) |")
        .endsWith("| rate **no**, nor the trivial process; ratio **no** |");
    assertThat(row(text, "**W2**"))
        .contains(
            "visible 2.24–3.10 s, all done 13.6–15.7 s, 0 errors; after a chase of every "
                + "body, all answered in 10.4 s; withdrawn (deleted) in 12.3 s |",
            "bare instances 2.17 s")
        .endsWith("| visible **no**; all done yes |");
    assertThat(row(text, "**W3**"))
        .contains(
            "110.7 s, 200 bodies, 17181 tasks, 1654 jobs, 28.9 statements per task; the "
                + "same lifetime before it, first in a new JVM (200 bodies): 131.0 s |",
            "104.0 s for as many bare tasks (the product 1.06×)")
        .endsWith("| ≤ 60 s | **no**, nor the plain engine |");
    assertThat(row(text, "**W4**"))
        .contains("list p95 88.2 ms, count p95 44.5 ms", "list p95 106.4 ms")
        .endsWith("| p95 ≤ 100 ms | yes |");
    assertThat(row(text, "**W5**"))
        .contains(
            "500 bodies × 1024 KB, 8 clients, application -Xmx512m: 0 errors, p50 200 ms,"
                + " p95 512 ms, max 900 ms, 25.0/s; heap peak 365 MB (120 MB live after"
                + " collection), every file stored whole, alive at the end |",
            "(as the administrator): 0 errors, p50 200 ms, p95 382 ms")
        .endsWith("| yes |");
  }

  /** The table's heading names the engine of the build it runs in. */
  @Test
  void theEngineIsNamedWithItsVersion() {
    assertThat(BenchReport.engine()).matches("(Camunda 7|Operaton 1)\\.\\d+\\.\\d+");
  }

  /** An attachment run with an error, or a file short of its bytes, misses its goal. */
  @Test
  void anAttachmentErrorOrAMissingByteMissesTheGoal() throws Exception {
    Map<String, Object> report = new java.util.HashMap<>();
    report.put("date", "2026-12-01T12:40:00Z");
    report.put("bodies", 20);
    report.put("fileBytes", 1000);
    report.put("warmUpUploadsEachWay", 8);
    report.put("phases", List.of(upload(1, 500, 300), upload(0, 400, 300)));
    report.put("stored", Map.of("product", Map.of("files", 28, "bytesStored", 28_000)));
    report.put("aliveAtEnd", true);
    write("attachments.json", report);
    assertThat(row(BenchSummary.summary(folder, "Camunda 7.24.0", "2 cores", "abc1234"), "**W5**"))
        .contains(", every file stored whole")
        .endsWith("| **no** |");

    report.put("phases", List.of(upload(0, 500, 300), upload(0, 400, 300)));
    report.put("stored", Map.of("product", Map.of("files", 28, "bytesStored", 27_999)));
    write("attachments.json", report);
    assertThat(row(BenchSummary.summary(folder, "Camunda 7.24.0", "2 cores", "abc1234"), "**W5**"))
        .contains("**files or bytes missing**")
        .endsWith("| **no** |");

    report.put("stored", Map.of("product", Map.of("files", 28, "bytesStored", 28_000)));
    write("attachments.json", report);
    assertThat(row(BenchSummary.summary(folder, "Camunda 7.24.0", "2 cores", "abc1234"), "**W5**"))
        .endsWith("| yes |");
  }

  private static Map<String, Object> upload(int errors, double p95, double heapPeak) {
    return Map.of(
        "errors",
        errors,
        "p50Millis",
        200.0,
        "p95Millis",
        p95,
        "maxMillis",
        900.0,
        "uploadsPerSecond",
        25.0,
        "heap",
        Map.of("usedMaxPolledMB", heapPeak, "oldAfterGcMaxMB", 120.0));
  }

  /** W1's ratio goal compares the assignment with the plain engine doing the same step. */
  @Test
  void theThroughputRatioIsTakenAgainstTheSameStep() throws Exception {
    ObjectMapper json = new ObjectMapper();
    var summary = json.readTree("{\"ratio\":0.80,\"ratioToNextTask\":0.96}");
    assertThat(BenchSummary.likeForLike("leader", 0.80, summary)).isEqualTo(0.96);
    assertThat(BenchSummary.likeForLike("confirmation", 0.80, summary)).isEqualTo(0.96);
    assertThat(BenchSummary.likeForLike("end", 0.80, summary)).isEqualTo(0.80);
    assertThat(BenchSummary.likeForLike("leader", 0.80, json.readTree("{\"ratio\":0.80}")))
        .as("a file without the next-task path")
        .isEqualTo(0.80);
  }

  @Test
  void aBenchmarkNotRunSaysSoAndAMissTheEngineWouldMeetIsPlain() throws Exception {
    write(
        "lifetime.json",
        Map.of(
            "date",
            "2026-11-30T10:00:00Z",
            "lifetime",
            Map.of(
                "wallSeconds",
                66.9,
                "bodies",
                200,
                "tasks",
                17181,
                "jobsExecuted",
                1622,
                "statementsPerTask",
                37.6),
            "plainEngine",
            Map.of("wallSeconds", 36.9, "statementsPerTask", 33.0)));

    String text = BenchSummary.summary(folder, "Camunda 7.24.0", "2 cores", "abc1234");

    assertThat(text)
        .startsWith("### Camunda 7.24.0\n\nMeasured 2026-11-30 on 2 cores, commit abc1234\n\n");
    assertThat(row(text, "**W1**")).contains("| not run |");
    assertThat(row(text, "**W2**")).contains("| not run |");
    assertThat(row(text, "**W4**")).contains("| not run |");
    assertThat(row(text, "**W5**")).contains("| not run |");
    assertThat(row(text, "**W3**"))
        .contains("(the product 1.81×)")
        .doesNotContain("first in a new JVM")
        .endsWith("| ≤ 60 s | **no** |");
  }

  private static Map<String, Object> run(double visible, double done, int errors) {
    return Map.of(
        "bodies", 3400, "fanoutSeconds", visible, "completeSeconds", done, "errors", errors);
  }

  private void write(String name, Map<String, Object> report) throws Exception {
    JSON.writeValue(folder.resolve(name).toFile(), report);
  }

  private static String row(String text, String label) {
    return text.lines()
        .filter(l -> l.startsWith("| " + label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + text));
  }
}
