package vn.danvan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.AppNode;
import vn.danvan.support.Http;
import vn.danvan.support.NodeDatabase;
import vn.danvan.support.OwnPostgres;
import vn.danvan.support.ReliabilityReport;
import vn.danvan.support.RestLoad;
import vn.danvan.support.RestLoad.Completion;

/**
 * The database server stops for {@link #OUTAGE} and starts again while 8 REST clients complete
 * assignment tasks as the bodies' staff and reminder timers fall due; the application is not
 * restarted. Requests during the outage are answered quickly with 503 and a Vietnamese message
 * (REST, the webapps' API, the product's API); a client answered 503 tries again, as a client
 * should; afterwards every acknowledged completion is there, each task is completed exactly once,
 * the reminders that fell due during the outage fire, and the job executor runs again. The database
 * is a PostgreSQL server of the test's own (the machine's server stays untouched). Writes
 * target/reliability/db-restart.json.
 */
class DatabaseRestartIT {

  static final int PER_BODY = 8;
  static final int TIMERS = 20;
  static final int CLIENTS = 8;
  static final Duration OUTAGE = Duration.ofSeconds(12);

  /** When the reminders fall due, counted from the clients' start. */
  static final Duration TIMERS_DUE_AFTER = Duration.ofSeconds(12);

  /** Longest answer accepted while the database is away ("fails fast, does not hang"). */
  static final Duration FAST = Duration.ofSeconds(6);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRestartedDatabaseLosesNoAcknowledgedWorkAndTheApplicationRecoversOnItsOwn()
      throws Exception {
    ReliabilityReport report = new ReliabilityReport("db-restart");
    Map<String, Object> summary = new LinkedHashMap<>();
    try (OwnPostgres postgres = OwnPostgres.fresh(Path.of("target", "db-restart-postgres"))) {
      String url = postgres.createDatabase("danvan");
      NodeDatabase db = new NodeDatabase(url);
      try (AppNode node = AppNode.on("db-restart", url, ReliabilityReport.FOLDER).start()) {
        node.awaitReady(Duration.ofMinutes(3));
        log("application ready");
        Http http = node.http();
        List<String> bodies = RestLoad.staffedBodies(http);
        RestLoad.startAssignments(node.port(), bodies, PER_BODY, CLIENTS, "2099-12-31");
        List<Completion> work = RestLoad.openTasks(http, bodies, "Task_Perform");
        assertThat(work).hasSize(bodies.size() * PER_BODY);
        // work due in a month whose reminders an administrator brings forward to a moment at
        // which the database will be away
        List<String> timed =
            RestLoad.startAssignments(
                node.port(),
                bodies.subList(0, TIMERS),
                1,
                4,
                LocalDate.now(Deadlines.ZONE).plusMonths(1).toString());
        // a staff member in Tasklist and a coordinator on the board, during the outage too
        Http tasklist = node.http();
        assertThat(
                tasklist
                    .loginToWebapp("tasklist", bodies.get(0) + "CanBo", AppNode.PASSWORD)
                    .status())
            .isEqualTo(200);

        // the reminders fall due during the outage, which begins once the clients are at work
        // (on a busy machine their first completions take seconds)
        Instant timersDue = Instant.now().plus(TIMERS_DUE_AFTER);
        RestLoad.moveReminders(http, timed, timersDue);
        log("assignments started, reminders due at " + timersDue);
        PatientClients clients = new PatientClients(node.port(), work);
        clients.start();
        while (clients.acknowledged() < 2 * CLIENTS
            && Instant.now().isBefore(timersDue.minusSeconds(3))) {
          Thread.sleep(20);
        }
        assertThat(clients.acknowledged()).as("completions before the outage").isPositive();

        Instant stopping = Instant.now();
        postgres.stop();
        Instant stopped = Instant.now();
        assertThat(stopped).as("database stopped before the timers fell due").isBefore(timersDue);
        List<Attempt> others = new ArrayList<>();
        Instant restartAt = latest(stopping.plus(OUTAGE), timersDue.plusSeconds(3));
        while (Instant.now().isBefore(restartAt)) {
          others.add(
              Attempt.of(
                  "Tasklist",
                  () -> tasklist.get("/camunda/api/engine/engine/default/task/count", null)));
          others.add(
              Attempt.of(
                  "board",
                  () ->
                      http.get(
                          "/api/bang-theo-doi", RestLoad.COORDINATOR + ":" + AppNode.PASSWORD)));
          Thread.sleep(1000);
        }
        log("database stopped " + stopped + ", starting it again");
        Instant starting = Instant.now();
        postgres.start();
        Instant started = Instant.now();
        log("database started");
        clients.await(Duration.ofSeconds(90));
        log("clients done");

        // the job executor: every reminder that fell due during the outage fires afterwards
        long firedBefore =
            db.count(
                "select count(*) from act_hi_actinst where act_id_ ="
                    + " 'Task_RecordReminder' and start_time_ < ?",
                Timestamp.from(started));
        long fired = CrashRecoveryIT.waitForReminders(db, timed, Duration.ofSeconds(60));
        Timestamp lastFired =
            db.timestamp(
                "select max(end_time_) from act_hi_actinst where"
                    + " act_id_ = 'Task_RecordReminder'");

        // requests sent while the database was stopped; those answered before it started again
        // (a request waiting for a connection when it comes back is served)
        List<Attempt> sentDuring =
            clients.attempts().stream()
                .filter(a -> !a.sent().isBefore(stopped) && a.sent().isBefore(starting))
                .toList();
        List<Attempt> during = sentDuring.stream().filter(a -> a.answeredBefore(starting)).toList();
        List<String> notUnavailable =
            during.stream()
                .filter(a -> a.status() != 503)
                .map(
                    a ->
                        a.status()
                            + " sent "
                            + a.sent()
                            + " in "
                            + Math.round(a.millis())
                            + " ms "
                            + a.body())
                .limit(5)
                .toList();
        double slowest = sentDuring.stream().mapToDouble(Attempt::millis).max().orElse(0);
        Attempt firstAfter =
            clients.attempts().stream()
                .filter(a -> a.status() == 204 && !a.sent().isBefore(started))
                .min(Comparator.comparing(Attempt::sent))
                .orElse(null);

        // nothing lost, nothing twice: the history in the database itself
        Set<String> completed =
            new HashSet<>(
                db.column(
                    "select id_ from act_hi_taskinst where task_def_key_ = 'Task_Perform' and"
                        + " delete_reason_ = 'completed'"));
        List<String> lost =
            clients.acknowledgedTasks().stream().filter(task -> !completed.contains(task)).toList();
        List<String> twice =
            db.column(
                "select proc_inst_id_ from act_hi_taskinst where"
                    + " task_def_key_ = 'Task_Perform' and delete_reason_ = 'completed'"
                    + " group by proc_inst_id_ having count(*) > 1");
        long completedOnce =
            db.count(
                "select count(distinct id_) from act_hi_taskinst where"
                    + " task_def_key_ = 'Task_Perform' and delete_reason_ = 'completed' and id_ in "
                    + NodeDatabase.in(work.stream().map(Completion::taskId).toList()));
        long movedOn =
            db.count(
                "select count(*) from act_ru_task where task_def_key_ =" + " 'Task_ApproveResult'");

        summary.put("outageSeconds", seconds(stopping, started));
        summary.put("requestsDuringOutage", sentDuring.size());
        summary.put("answeredDuringOutage", during.size());
        summary.put("servedWhenTheDatabaseCameBack", sentDuring.size() - during.size());
        summary.put(
            "unavailable503DuringOutage", during.stream().filter(a -> a.status() == 503).count());
        summary.put("otherAnswersDuringOutage", notUnavailable);
        summary.put("maxResponseMillisDuringOutage", Math.round(slowest));
        summary.put(
            "webappAndBoardAnswersDuringOutage",
            others.stream()
                .map(a -> a.taskId() + " " + a.status() + " in " + Math.round(a.millis()) + " ms")
                .toList());
        summary.put(
            "unavailableBody",
            during.stream()
                .filter(a -> a.status() == 503)
                .map(Attempt::body)
                .findFirst()
                .orElse(null));
        summary.put(
            "secondsToFirstCompletionAfterStart",
            firstAfter == null
                ? null
                : seconds(started, firstAfter.sent().plusMillis(Math.round(firstAfter.millis()))));
        summary.put("tasks", work.size());
        summary.put("completionsAcknowledged", clients.acknowledgedTasks().size());
        summary.put("acknowledgedLost", lost.size());
        summary.put("completedTwice", twice.size());
        summary.put("tasksCompleted", completedOnce);
        summary.put("doneAlthoughAnswered503", clients.doneDespite503());
        summary.put("unexpectedAnswers", clients.unexpected().stream().limit(5).toList());
        summary.put("unfinishedTasks", clients.unfinished().size());
        summary.put("timersDueDuringOutage", TIMERS);
        summary.put("timersFiredBeforeStart", firedBefore);
        summary.put("timersFiredAfter", fired);
        summary.put(
            "secondsToLastTimerFired",
            lastFired == null ? null : seconds(started, lastFired.toInstant()));
        report.add(
            Map.of(
                "stopping",
                stopping.toString(),
                "stopped",
                stopped.toString(),
                "timersDue",
                timersDue.toString(),
                "starting",
                starting.toString(),
                "started",
                started.toString()));
        clients.attempts().stream()
            .filter(a -> a.status() != 204)
            .limit(200)
            .forEach(
                a ->
                    report.add(
                        Map.of(
                            "task",
                            a.taskId(),
                            "sent",
                            a.sent().toString(),
                            "millis",
                            Math.round(a.millis()),
                            "status",
                            a.status(),
                            "body",
                            a.body())));

        assertThat(during).as("completions tried during the outage").isNotEmpty();
        assertThat(notUnavailable).as("answers other than 503 during the outage").isEmpty();
        assertThat(slowest).as("longest answer during the outage, ms").isLessThan(FAST.toMillis());
        for (Attempt refused : during) {
          JsonNode body = JSON.readTree(refused.body());
          assertThat(body.path("type").asText()).isEqualTo("DatabaseUnavailable");
          assertThat(body.path("message").asText()).contains("cơ sở dữ liệu");
        }
        assertThat(others.stream().filter(a -> a.answeredBefore(starting)).toList())
            .as("Tasklist's and the board's answers during the outage")
            .isNotEmpty()
            .allSatisfy(reply -> assertThat(reply.status()).isEqualTo(503))
            .allSatisfy(reply -> assertThat(reply.millis()).isLessThan(FAST.toMillis()));
        if (!clients.unexpected().isEmpty()) {
          printFailures(node.log());
        }
        assertThat(clients.unexpected())
            .as("answers other than 204, 503 or 404 after a 503")
            .isEmpty();
        assertThat(clients.unfinished()).as("tasks the clients could not finish").isEmpty();
        assertThat(lost).as("acknowledged completions missing").isEmpty();
        assertThat(twice).as("assignments whose work was completed twice").isEmpty();
        assertThat(completedOnce).as("tasks completed").isEqualTo(work.size());
        assertThat(movedOn).as("each completed assignment moved on once").isEqualTo(work.size());
        assertThat(firedBefore).as("reminders before the database came back").isZero();
        assertThat(fired)
            .as("reminders that fell due during the outage, fired afterwards")
            .isEqualTo(TIMERS);
      } finally {
        report.write(summary);
      }
    }
  }

  /**
   * What the application logged of requests that failed otherwise than with the database's absence:
   * the failures that reached the servlet container, each with its stack.
   */
  private static void printFailures(Path log) throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(log);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("Servlet.service()") || lines.get(i).contains("Exception mapper")) {
        lines.subList(i, Math.min(lines.size(), i + 80)).forEach(System.out::println);
      }
    }
  }

  private static void log(String phase) {
    System.out.println(Instant.now() + " db-restart: " + phase);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  /**
   * One request of a client: its task (or what it asked for), when it was sent, how long the answer
   * took, the answer (status -1: none within the client's 30 s).
   */
  record Attempt(String taskId, Instant sent, double millis, int status, String body) {

    boolean answeredBefore(Instant moment) {
      return sent.plusMillis(Math.round(millis)).isBefore(moment);
    }

    static Attempt of(String what, java.util.function.Supplier<Http.Reply> request) {
      Instant sent = Instant.now();
      long t = System.nanoTime();
      Http.Reply reply;
      try {
        reply = request.get();
      } catch (IllegalStateException noAnswer) {
        reply = new Http.Reply(-1, noAnswer.getMessage());
      }
      return new Attempt(
          what,
          sent,
          (System.nanoTime() - t) / 1e6,
          reply.status(),
          ReliabilityReport.excerpt(reply.body(), 300));
    }
  }

  /**
   * {@link #CLIENTS} staff clients completing {@code work} (each its share, in order), as a client
   * that honours 503 does: it tries the same task again a moment later. A 404 after a 503 is a
   * completion that committed although its answer was lost; anything else is unexpected.
   */
  static final class PatientClients {
    private final int port;
    private final List<Completion> work;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> despite503 = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unfinished = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    private final List<Future<?>> running = new ArrayList<>();

    PatientClients(int port, List<Completion> work) {
      this.port = port;
      this.work = work;
    }

    void start() {
      long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        running.add(
            pool.submit(
                () -> {
                  Http http = new Http(port);
                  for (int i = client; i < work.size(); i += CLIENTS) {
                    complete(http, work.get(i), giveUp);
                  }
                  return null;
                }));
      }
    }

    private void complete(Http http, Completion item, long giveUp) throws InterruptedException {
      boolean refused = false;
      while (System.nanoTime() < giveUp) {
        Attempt attempt =
            Attempt.of(
                item.taskId(),
                () ->
                    http.postJson(
                        "/engine-rest/task/" + item.taskId() + "/complete",
                        item.user(),
                        RestLoad.REPORT));
        attempts.add(attempt);
        Http.Reply reply = new Http.Reply(attempt.status(), attempt.body());
        if (reply.status() == 204) {
          acknowledged.add(item.taskId());
          return;
        }
        if (reply.status() == 404 && refused) {
          despite503.add(item.taskId());
          return;
        }
        if (reply.status() != 503) {
          unexpected.add(
              item.taskId()
                  + ": "
                  + reply.status()
                  + " "
                  + ReliabilityReport.excerpt(reply.body(), 200));
          return;
        }
        refused = true;
        Thread.sleep(250);
      }
      unfinished.add(item.taskId());
    }

    void await(Duration timeout) throws Exception {
      for (Future<?> client : running) {
        client.get(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      }
      pool.shutdown();
    }

    int acknowledged() {
      return acknowledged.size();
    }

    List<String> acknowledgedTasks() {
      return List.copyOf(acknowledged);
    }

    int doneDespite503() {
      return despite503.size();
    }

    List<String> unexpected() {
      return List.copyOf(unexpected);
    }

    List<String> unfinished() {
      return List.copyOf(unfinished);
    }

    List<Attempt> attempts() {
      return List.copyOf(attempts);
    }
  }
}
