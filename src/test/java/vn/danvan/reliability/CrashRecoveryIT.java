package vn.danvan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.AppNode;
import vn.danvan.support.Http;
import vn.danvan.support.NodeDatabase;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.ReliabilityReport;
import vn.danvan.support.RestLoad;
import vn.danvan.support.RestLoad.Completion;
import vn.danvan.support.RestLoad.Outcome;

/**
 * kill -9 of the packaged application on PostgreSQL while 8 REST clients complete assignment tasks
 * (W1's load), then a restart on the same database: every completion a client saw acknowledged is
 * there, none is there twice, the rest can be completed once, and the reminder timers that fell due
 * while the application was down fire after the restart. Writes target/reliability/crash.json.
 */
class CrashRecoveryIT {

  static final int PER_BODY = 25;
  static final int TIMERS = 20;

  @Test
  void aKilledNodeKeepsEveryAcknowledgedCompletionOnceAndFiresTheTimersThatFellDueWhileDown()
      throws Exception {
    String url = PostgresApp.freshDatabase("danvan_crash");
    NodeDatabase db = new NodeDatabase(url);
    ReliabilityReport report = new ReliabilityReport("crash");
    Map<String, Object> summary = new LinkedHashMap<>();

    List<Completion> work;
    List<String> timed;
    Outcome beforeKill;
    Instant killedAt;
    Instant timersDue;
    try (AppNode first = AppNode.on("crash-before", url, ReliabilityReport.FOLDER).start()) {
      first.awaitReady(Duration.ofMinutes(3));
      Http http = first.http();
      List<String> bodies = RestLoad.staffedBodies(http);
      List<String> instances =
          RestLoad.startAssignments(first.port(), bodies, PER_BODY, 8, "2099-12-31");
      work = RestLoad.openTasks(http, bodies, "Task_Perform");
      assertThat(work).hasSize(instances.size());
      // work due in a month whose reminders an administrator brings forward to a moment at
      // which the application will be down
      timed =
          RestLoad.startAssignments(
              first.port(),
              bodies.subList(0, TIMERS),
              1,
              4,
              LocalDate.now(Deadlines.ZONE).plusMonths(1).toString());
      timersDue = Instant.now().plusSeconds(6);
      RestLoad.moveReminders(http, timed, timersDue);

      CompletableFuture<Outcome> clients =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return RestLoad.complete(first.port(), work, 8, RestLoad.REPORT);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // killed while the clients are busy: once a tenth of the work is done (a fixed pause let
      // faster completions finish all of it before the kill)
      while (db.count(
                  "select count(*) from act_hi_taskinst where task_def_key_ = 'Task_Perform'"
                      + " and delete_reason_ = 'completed'")
              < work.size() / 10
          && !clients.isDone()) {
        Thread.sleep(20);
      }
      killedAt = Instant.now();
      first.kill();
      beforeKill = clients.get();
    }
    assertThat(killedAt).as("killed before the timers fell due").isBefore(timersDue);
    assertThat(beforeKill.acknowledged())
        .as("completions acknowledged before the kill")
        .isNotEmpty();
    assertThat(beforeKill.failed()).as("requests cut off by the kill").isNotEmpty();
    assertThat(
            db.count("select count(*) from act_hi_actinst where act_id_ = 'Task_RecordReminder'"))
        .as("no reminder before the kill")
        .isZero();
    while (Instant.now().isBefore(timersDue.plusSeconds(2))) {
      Thread.sleep(200); // down while the timers fall due
    }

    try (AppNode second = AppNode.on("crash-after", url, ReliabilityReport.FOLDER).start()) {
      Instant restartedAt = Instant.now();
      second.awaitReady(Duration.ofMinutes(3));
      summary.put("downSeconds", Duration.between(killedAt, restartedAt).toMillis() / 1000.0);

      Set<String> completed =
          new HashSet<>(
              db.column(
                  "select id_ from act_hi_taskinst"
                      + " where task_def_key_ = 'Task_Perform' and delete_reason_ = 'completed'"));
      List<String> lost =
          beforeKill.acknowledged().stream().filter(task -> !completed.contains(task)).toList();
      assertThat(lost).as("acknowledged completions missing after the restart").isEmpty();
      assertThat(twice(db)).as("instances whose work was completed twice").isEmpty();

      // the clients go on where they stopped: every other task is completed once, or is
      // already done (a request cut off after its commit) and answered 404
      List<Completion> rest =
          work.stream().filter(item -> !beforeKill.acknowledged().contains(item.taskId())).toList();
      Outcome after = RestLoad.complete(second.port(), rest, 8, RestLoad.REPORT);
      List<String> unexpected = new ArrayList<>(after.errorSamples());
      unexpected.removeIf(sample -> sample.startsWith("404"));
      assertThat(unexpected).as("answers other than 204 or 404 after the restart").isEmpty();
      assertThat(
              db.count(
                  "select count(*) from act_hi_taskinst where task_def_key_ ="
                      + " 'Task_Perform' and delete_reason_ = 'completed' and id_ in "
                      + NodeDatabase.in(work.stream().map(Completion::taskId).toList())))
          .as("every task completed exactly once")
          .isEqualTo(work.size());
      assertThat(twice(db)).isEmpty();
      assertThat(
              db.count(
                  "select count(*) from act_ru_task where task_def_key_ ="
                      + " 'Task_ApproveResult'"))
          .as("each completed assignment moved on once")
          .isEqualTo(work.size());

      long fired = waitForReminders(db, timed, Duration.ofSeconds(60));
      assertThat(fired)
          .as("reminders that fell due while down, fired after the restart")
          .isEqualTo(TIMERS);
      assertThat(
              db.count(
                  "select count(*) from act_hi_actinst where act_id_ ="
                      + " 'Task_RecordReminder' and start_time_ < ?",
                  java.sql.Timestamp.from(restartedAt)))
          .as("none fired before the restart")
          .isZero();

      summary.put("tasks", work.size());
      summary.put("acknowledgedBeforeKill", beforeKill.acknowledged().size());
      summary.put("cutOffByKill", beforeKill.failed().size());
      summary.put("lostAcknowledged", lost.size());
      summary.put("completedTwice", twice(db).size());
      summary.put("afterRestartCompleted", after.acknowledged().size());
      summary.put("afterRestartAlreadyDone404", after.failed().size());
      summary.put("timersDueWhileDown", TIMERS);
      summary.put("timersFiredAfterRestart", fired);
      report.add(
          Map.of(
              "killedAt",
              killedAt.toString(),
              "restartedAt",
              restartedAt.toString(),
              "timersDue",
              timersDue.toString()));
      report.write(summary);
    }
  }

  /** Assignments whose Perform task was completed more than once. */
  private static List<String> twice(NodeDatabase db) throws Exception {
    return db.column(
        "select proc_inst_id_ from act_hi_taskinst where task_def_key_ ="
            + " 'Task_Perform' and delete_reason_ = 'completed' group by proc_inst_id_"
            + " having count(*) > 1");
  }

  static long waitForReminders(NodeDatabase db, List<String> instances, Duration timeout)
      throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    String sql =
        "select count(*) from act_hi_actinst where act_id_ = 'Task_RecordReminder'"
            + " and end_time_ is not null and proc_inst_id_ in "
            + NodeDatabase.in(instances);
    long fired;
    while ((fired = db.count(sql)) < instances.size() && System.nanoTime() < until) {
      Thread.sleep(500);
    }
    return fired;
  }
}
