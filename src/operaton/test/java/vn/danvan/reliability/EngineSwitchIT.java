package vn.danvan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.attachment.TestFiles;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.AppNode;
import vn.danvan.support.Http;
import vn.danvan.support.NodeDatabase;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.ReliabilityReport;
import vn.danvan.support.RestLoad;

/**
 * Switching the engine of a live database (docs/operations.md, "Switching the engine from Camunda
 * to Operaton"): the Camunda build's packaged jar ({@code target/danvan-workflow-*.jar}) runs on a
 * fresh PostgreSQL database and is stopped with work in flight: an assignment whose staff task is
 * open, with a file attached and its reminder timer due in a month, and a fan-out to four bodies,
 * two of them answered. Then the Operaton build's jar ({@code target/operaton/danvan-workflow-
 * *.jar}) starts on the same database; the administrator (still one) brings the reminder forward as
 * in Cockpit and it fires, the file is read back, and the people finish every piece until both
 * instances end. Writes target/reliability/engine-switch.json.
 *
 * <p>This class is compiled by the Operaton build only ({@code src/operaton}, copied without the
 * rewriting): {@code ./mvnw -Poperaton verify -Dit.test=EngineSwitchIT} after {@code ./mvnw
 * package} made the Camunda jar. A missing jar fails the test.
 */
class EngineSwitchIT {

  static final String COORDINATOR = RestLoad.COORDINATOR + ":" + AppNode.PASSWORD;
  static final String LEAD = "soNoiVu";
  static final List<String> FANOUT_BODIES =
      List.of("soTaiChinh", "mttqTinh", "ldldTinh", "hoiNongDanTinh");

  @Test
  void workLeftByTheCamundaBuildEndsOnTheOperatonBuild() throws Exception {
    Path camundaJar = AppNode.jarIn(Path.of("target"));
    Path operatonJar = AppNode.jarIn(Path.of("target", "operaton"));
    String url = PostgresApp.freshDatabase("danvan_engine_switch");
    NodeDatabase db = new NodeDatabase(url);
    Map<String, Object> summary = new LinkedHashMap<>();
    Instant t0 = Instant.now();

    String assignment;
    String fanout;
    String attachment;
    String reminder;
    byte[] file = TestFiles.pdf(300_000); // two stored parts
    List<String> unanswered = new ArrayList<>();
    String back;
    try (AppNode camunda = node("switch-camunda", camundaJar, url)) {
      camunda.start().awaitReady(Duration.ofMinutes(3));
      summary.put("camundaReadySeconds", seconds(t0));
      Http http = camunda.http();

      // an assignment: the staff's task open, a file on it, its reminder due in a month's time
      String deadline = LocalDate.now(Deadlines.ZONE).plusMonths(1).toString();
      assignment = RestLoad.startAssignments(camunda.port(), List.of(LEAD), 1, 1, deadline).get(0);
      String perform = task(http, assignment, "Task_Perform", staff(LEAD));
      Http.Reply added =
          http.postPart(
              "/api/tep-dinh-kem/cong-viec/" + perform,
              staff(LEAD),
              "tep",
              "Báo cáo kết quả.pdf",
              file);
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      attachment = json(added.body()).get("id").asText();
      JsonNode timer =
          RestLoad.read(
                  http.get(
                      "/engine-rest/job?processInstanceId="
                          + assignment
                          + "&activityId=StartEvent_ReminderDue",
                      AppNode.ADMIN))
              .get(0);
      reminder = timer.get("id").asText();
      assertThat(Instant.parse(timer.get("dueDate").asText().replaceAll("\\+0000$", "Z")))
          .as("the reminder falls due in the future")
          .isAfter(Instant.now().plus(Duration.ofDays(7)));

      // a fan-out to four bodies, two of them answered
      Http.Reply started =
          http.postJson(
              "/engine-rest/process-definition/key/fanout/start",
              COORDINATOR,
              "{\"businessKey\":\"CV-SWITCH/BDV\",\"variables\":{"
                  + "\"bodies\":{\"value\":\""
                  + String.join(",", FANOUT_BODIES)
                  + "\"},\"monitorBody\":{\"value\":\"bdvTU\"},"
                  + "\"taskContent\":{\"value\":\"Báo cáo kết quả thực hiện\"},"
                  + "\"deadline\":{\"value\":\""
                  + deadline
                  + "\"},\"leaderReview\":{\"value\":false},"
                  + "\"confirmation\":{\"value\":false}}}");
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      fanout = json(started.body()).get("id").asText();
      for (int i = 0; i < FANOUT_BODIES.size(); i++) {
        String body = FANOUT_BODIES.get(i);
        String work = businessKeyTask(http, "CV-SWITCH/BDV", staff(body));
        if (i < 2) {
          complete(http, work, staff(body), RestLoad.REPORT);
        } else {
          unanswered.add(body);
        }
      }
      summary.put(
          "camundaWorkLeftSeconds", seconds(t0) - (double) summary.get("camundaReadySeconds"));
      summary.put("namesOfCamundaClassesStored", camundaNames(db));
    }
    long definitions = db.count("select count(*) from act_re_procdef");
    summary.put("openTasksAtSwitch", db.count("select count(*) from act_ru_task"));
    summary.put("jobsAtSwitch", db.count("select count(*) from act_ru_job"));

    Instant switched = Instant.now();
    try (AppNode operaton = node("switch-operaton", operatonJar, url)) {
      operaton.start().awaitReady(Duration.ofMinutes(3));
      summary.put("operatonReadySeconds", seconds(switched));
      Http http = operaton.http();

      // the engine's changesets are Operaton's, none run twice
      assertThat(
              db.count(
                  "select count(*) from databasechangelog where filename like"
                      + " '%camunda-changelog.xml'"))
          .isZero();
      assertThat(
              db.count(
                  "select count(*) from databasechangelog where id = '7.16.0-baseline'"
                      + " and filename like '%/operaton-changelog.xml'"))
          .isEqualTo(1);
      summary.put(
          "engineChangesetsCarriedOver",
          db.count(
              "select count(*) from databasechangelog where filename like"
                  + " '%/operaton-changelog.xml'"));
      assertThat(db.count("select count(*) from act_re_procdef"))
          .as("the models are not deployed again")
          .isEqualTo(definitions);
      // the administrator is still one
      assertThat(http.get("/api/to-chuc/chuyen-giao", AppNode.ADMIN).status()).isEqualTo(200);

      // the file, as it was sent
      Http.Download read = http.download("/api/tep-dinh-kem/" + attachment, staff(LEAD));
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body()).isEqualTo(file);

      // the reminder, brought forward by the administrator as in Cockpit, fires
      RestLoad.moveReminders(http, List.of(assignment), Instant.now().plusSeconds(1));
      assertThat(CrashRecoveryIT.waitForReminders(db, List.of(assignment), Duration.ofSeconds(60)))
          .as("the reminder timer the Camunda build made fires on Operaton")
          .isEqualTo(1);
      assertThat(db.count("select count(*) from act_ru_job where id_ = ?", reminder)).isZero();

      // the people finish the assignment
      String perform = task(http, assignment, "Task_Perform", staff(LEAD));
      complete(http, perform, staff(LEAD), RestLoad.REPORT);
      complete(
          http,
          task(http, assignment, "Task_ApproveResult", LEAD + "LanhDao:" + AppNode.PASSWORD),
          LEAD + "LanhDao:" + AppNode.PASSWORD,
          "{\"variables\":{\"approved\":{\"value\":true}}}");
      complete(
          http,
          task(http, assignment, "Task_ConfirmResult", COORDINATOR),
          COORDINATOR,
          "{\"variables\":{\"confirmed\":{\"value\":true}}}");
      // and the bodies that had not answered the fan-out
      for (String body : unanswered) {
        complete(
            http,
            businessKeyTask(http, "CV-SWITCH/BDV", staff(body)),
            staff(body),
            RestLoad.REPORT);
      }
      for (String instance : List.of(assignment, fanout)) {
        assertThat(awaitState(http, instance, Duration.ofSeconds(30)))
            .as(instance + " ended")
            .isEqualTo("COMPLETED");
      }
      assertThat(
              db.count(
                  "select count(*) from act_ru_execution where proc_inst_id_ in (?, ?)",
                  assignment,
                  fanout))
          .isZero();
      // the file stays readable from the history
      assertThat(http.download("/api/tep-dinh-kem/" + attachment, COORDINATOR).body())
          .isEqualTo(file);
      summary.put("operatonWorkFinishedSeconds", seconds(switched));
      // work the Operaton build gives out, left for the way back
      back =
          RestLoad.startAssignments(
                  operaton.port(),
                  List.of(LEAD),
                  1,
                  1,
                  LocalDate.now(Deadlines.ZONE).plusMonths(1).toString(),
                  Map.of("leaderReview", false, "confirmation", false))
              .get(0);
      task(http, back, "Task_Perform", staff(LEAD));
    }

    // going back: the Camunda build takes the database over again
    Instant returned = Instant.now();
    try (AppNode camunda = node("switch-back-camunda", camundaJar, url)) {
      camunda.start().awaitReady(Duration.ofMinutes(3));
      summary.put("camundaAgainReadySeconds", seconds(returned));
      Http http = camunda.http();
      assertThat(
              db.count(
                  "select count(*) from databasechangelog where filename like"
                      + " '%/operaton-changelog.xml'"))
          .isZero();
      assertThat(http.get("/api/to-chuc/chuyen-giao", AppNode.ADMIN).status()).isEqualTo(200);
      assertThat(http.download("/api/tep-dinh-kem/" + attachment, COORDINATOR).body())
          .isEqualTo(file);
      complete(http, task(http, back, "Task_Perform", staff(LEAD)), staff(LEAD), RestLoad.REPORT);
      assertThat(awaitState(http, back, Duration.ofSeconds(30)))
          .as("the Operaton build's work ends on the Camunda build")
          .isEqualTo("COMPLETED");
    }
    summary.put("totalSeconds", seconds(t0));
    new ReliabilityReport("engine-switch").write(summary);
  }

  /** A node of {@code jar}; the quick compiler only: the nodes live for a minute or two. */
  private static AppNode node(String name, Path jar, String url) throws IOException {
    return AppNode.on(
        name,
        jar,
        url,
        ReliabilityReport.FOLDER,
        List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"),
        "classpath:org/demo-province.yaml");
  }

  private static String staff(String body) {
    return body + "CanBo:" + AppNode.PASSWORD;
  }

  /** The one open task {@code key} of {@code instance} (waits for it), as {@code user} sees it. */
  private static String task(Http http, String instance, String key, String user)
      throws InterruptedException {
    return awaitTask(
        http,
        "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key,
        user);
  }

  /** The open task the person sees under {@code businessKey} (the fan-out's chunks start them). */
  private static String businessKeyTask(Http http, String businessKey, String user)
      throws InterruptedException {
    return awaitTask(
        http,
        "/engine-rest/task?processInstanceBusinessKey="
            + businessKey
            + "&taskDefinitionKey=Task_Perform",
        user);
  }

  private static String awaitTask(Http http, String query, String user)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode tasks;
    while ((tasks = RestLoad.read(http.get(query, user))).isEmpty()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("no task for " + user + ": " + query);
      }
      Thread.sleep(200);
    }
    assertThat(tasks).as(query).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static void complete(Http http, String task, String user, String payload) {
    Http.Reply reply = http.postJson("/engine-rest/task/" + task + "/complete", user, payload);
    assertThat(reply.status()).as(user + " completes " + task + ": " + reply.body()).isEqualTo(204);
  }

  private static String awaitState(Http http, String instance, Duration timeout)
      throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    String state;
    do {
      state =
          RestLoad.read(http.get("/engine-rest/history/process-instance/" + instance, COORDINATOR))
              .get("state")
              .asText();
      if ("COMPLETED".equals(state)) {
        return state;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < until);
    return state;
  }

  /**
   * Where the running work names a class of Camunda's packages: a variable's type or its
   * serialization, a job's handler or configuration. None: Operaton reads them under its own.
   */
  private static List<String> camundaNames(NodeDatabase db) throws Exception {
    List<String> found = new ArrayList<>();
    found.addAll(
        db.column(
            "select distinct 'variable ' || name_ || ': ' || type_ || ' ' || coalesce(text2_, '')"
                + " from act_ru_variable where type_ like '%camunda%'"
                + " or text2_ like '%camunda%'"));
    found.addAll(
        db.column(
            "select distinct 'job ' || handler_type_ || ': ' || coalesce(handler_cfg_, '')"
                + " from act_ru_job where handler_type_ like '%camunda%'"
                + " or handler_cfg_ like '%camunda%'"));
    assertThat(found).as("names of Camunda's classes in the running work").isEmpty();
    return found;
  }

  private static JsonNode json(String body) {
    return RestLoad.read(new Http.Reply(200, body));
  }

  private static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
  }
}
