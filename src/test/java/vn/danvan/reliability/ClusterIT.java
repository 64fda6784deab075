package vn.danvan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.AppNode;
import vn.danvan.support.Http;
import vn.danvan.support.NodeDatabase;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.ReliabilityReport;
import vn.danvan.support.RestLoad;

/**
 * Two nodes of the packaged application on one PostgreSQL database, different ports, started at the
 * same moment on an empty database: the schema, the models and the registry exist once; a piece of
 * work started on one node is done on the other; every reminder timer fires exactly once across
 * both job executors. Writes target/reliability/cluster.json.
 */
class ClusterIT {

  static final int TIMERS = 40;

  @Test
  void twoNodesOnOneDatabaseShareTheWorkAndRunEachTimerOnce() throws Exception {
    String url = PostgresApp.freshDatabase("danvan_cluster");
    NodeDatabase db = new NodeDatabase(url);
    Map<String, Object> summary = new LinkedHashMap<>();
    try (AppNode a = AppNode.on("cluster-a", url, ReliabilityReport.FOLDER);
        AppNode b = AppNode.on("cluster-b", url, ReliabilityReport.FOLDER)) {
      a.start();
      b.start();
      a.awaitReady(Duration.ofMinutes(4));
      b.awaitReady(Duration.ofMinutes(4));

      // simultaneous start-up: one schema, one deployment of each resource set, one version
      assertThat(
              db.column(
                  "select name_ from act_re_deployment group by name_" + " having count(*) > 1"))
          .as("deployments made twice")
          .isEmpty();
      assertThat(db.column("select key_ from act_re_procdef group by key_ having count(*) > 1"))
          .as("process definitions deployed twice")
          .isEmpty();
      assertThat(
              db.column(
                  "select key_ from act_re_decision_def group by key_" + " having count(*) > 1"))
          .as("decision tables deployed twice")
          .isEmpty();
      assertThat(
              db.column(
                  "select resource_type_ || ':' || resource_id_ || ':' || coalesce(group_id_,"
                      + " user_id_) from act_ru_authorization group by resource_type_,"
                      + " resource_id_, group_id_, user_id_ having count(*) > 1"))
          .as("authorizations granted twice")
          .isEmpty();
      summary.put("deployments", db.count("select count(*) from act_re_deployment"));
      summary.put("processDefinitions", db.count("select count(*) from act_re_procdef"));
      summary.put("users", db.count("select count(*) from act_id_user"));

      // both serve users: assigned on A, worked on B, approved on A
      Http onA = a.http();
      Http onB = b.http();
      String pi =
          RestLoad.startAssignments(a.port(), List.of("soNoiVu"), 1, 1, "2099-12-31").get(0);
      String task =
          RestLoad.read(
                  onB.get(
                      "/engine-rest/task?processInstanceId=" + pi,
                      "soNoiVuCanBo:" + AppNode.PASSWORD))
              .get(0)
              .get("id")
              .asText();
      assertThat(
              onB.postJson(
                      "/engine-rest/task/" + task + "/complete",
                      "soNoiVuCanBo:" + AppNode.PASSWORD,
                      RestLoad.REPORT)
                  .status())
          .isEqualTo(204);
      assertThat(
              onA.get(
                      "/engine-rest/task?processInstanceId=" + pi,
                      "soNoiVuLanhDao:" + AppNode.PASSWORD)
                  .body())
          .contains("Task_ApproveResult");
      assertThat(
              onA.get(
                      "/engine-rest/task?processInstanceId=" + pi,
                      "soTaiChinhCanBo:" + AppNode.PASSWORD)
                  .body())
          .isEqualTo("[]");

      // timers: reminders of work started on A, brought forward on B; both executors poll
      List<String> bodies = RestLoad.staffedBodies(onA);
      int perBody = (TIMERS + bodies.size() - 1) / bodies.size();
      List<String> timed =
          RestLoad.startAssignments(
                  a.port(),
                  bodies,
                  perBody,
                  4,
                  LocalDate.now(Deadlines.ZONE).plusMonths(1).toString())
              .subList(0, TIMERS);
      RestLoad.moveReminders(onB, timed, Instant.now().plusSeconds(3));
      long fired = CrashRecoveryIT.waitForReminders(db, timed, Duration.ofSeconds(90));
      Thread.sleep(5000); // a second run of any of them would show by now
      assertThat(fired).as("reminders fired").isEqualTo(TIMERS);
      List<String> twice =
          db.column(
              "select proc_inst_id_ from act_hi_actinst where act_id_ ="
                  + " 'Task_RecordReminder' group by proc_inst_id_ having count(*) > 1");
      assertThat(twice).as("reminders that ran twice").isEmpty();
      assertThat(
              db.count(
                  "select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_"
                      + " where j.process_instance_id_ in "
                      + NodeDatabase.in(timed)
                      + " and d.act_id_ = 'StartEvent_ReminderDue'"))
          .as("reminder jobs left")
          .isZero();
      summary.put("timers", TIMERS);
      summary.put("timersFired", fired);
      summary.put("timersRunTwice", twice.size());
      ReliabilityReport report = new ReliabilityReport("cluster");
      report.add(Map.of("nodeA", a.toString(), "nodeB", b.toString()));
      report.write(summary);
    }
  }
}
