package vn.danvan.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/**
 * A period of a periodic report lived by its people over REST, authorization on: the bodies' staff
 * report and their leaders approve, the consolidating body's staff returns one body's report with a
 * reason; only that body works again, then the period is compiled.
 */
class PeriodReturnIT extends RunningDemoApp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CONSOLIDATOR = "bdvTUCanBo:demo";

  /** Only to show what the directive waits for when a task does not come. */
  static final String ADMIN = "demo:demo";

  /** To run the jobs in the job executor's place (it is off in these tests). */
  @Autowired ProcessEngine engine;

  static final String KEY = "BC-TRA-LAI-" + System.nanoTime();

  @Test
  void theConsolidatorReturnsOneBodysReportAndOnlyThatBodyWorksAgain() throws Exception {
    // quý I/2026, long past: it opens and its compile day comes at once; mttqTinh never answers
    Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/periodicReport/start",
            COORDINATOR,
            "{\"businessKey\":\""
                + KEY
                + "\",\"variables\":{\"cyclePhrase\":{\"value\":\"hằng"
                + " quý\"},\"issuedDate\":{\"value\":\"2026-01-01\"},"
                + "\"endDate\":{\"value\":\"2026-03-31\"},"
                + "\"reportingBodies\":{\"value\":\"soNoiVu,soTaiChinh,mttqTinh\"},"
                + "\"consolidatingBody\":{\"value\":\"bdvTU\"},"
                + "\"recipientBody\":{\"value\":\"btvTU\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"tình"
                + " hình thực hiện quy chế dân chủ\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    JsonNode compile = waitFor(CONSOLIDATOR, "Task_Consolidate");
    assertThat(variable(CONSOLIDATOR, compile, "missingCount"))
        .as("nobody has answered yet")
        .isEqualTo("3");

    report(STAFF, LEADER, "Sở Nội vụ: số liệu quý");
    report(OTHER_STAFF, OTHER_LEADER, "Sở Tài chính: số liệu quý");

    String complete = "/engine-rest/task/" + compile.get("id").asText() + "/complete";
    Reply noReason =
        http.postJson(
            complete,
            CONSOLIDATOR,
            "{\"variables\":{\"returnOne\":{\"value\":true},"
                + "\"returnBody\":{\"value\":\"soTaiChinh\"}}}");
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("Lý do trả lại là bắt buộc");

    Reply returned =
        http.postJson(
            complete,
            CONSOLIDATOR,
            "{\"variables\":{\"returnOne\":{\"value\":true},"
                + "\"returnBody\":{\"value\":\"soTaiChinh\"},"
                + "\"returnReason\":{\"value\":\"Thiếu số liệu chi ngân sách\"}}}");
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);

    JsonNode redo = waitFor(OTHER_STAFF, "Task_Perform");
    assertThat(variable(OTHER_STAFF, redo, "taskContent")).contains("Thiếu số liệu chi ngân sách");
    assertThat(tasks(STAFF, "Task_Perform")).as("the other body is untouched").isEmpty();

    report(OTHER_STAFF, OTHER_LEADER, "Sở Tài chính: bổ sung số liệu chi ngân sách");
    JsonNode again = waitFor(CONSOLIDATOR, "Task_Consolidate");
    Reply summary =
        http.postJson(
            "/engine-rest/task/" + again.get("id").asText() + "/complete",
            CONSOLIDATOR,
            "{\"variables\":{\"periodSummary\":{\"value\":"
                + "\"Tổng hợp quý: hai sở đã báo cáo đủ\"}}}");
    assertThat(summary.status()).as(summary.body()).isEqualTo(204);
    assertThat(waitFor("btvTULanhDao:demo", "Task_Conclude")).isNotNull();
  }

  /** A variable of the task's instance, as its user reads it. */
  String variable(String user, JsonNode task, String name) throws Exception {
    Reply reply =
        http.get("/engine-rest/task/" + task.get("id").asText() + "/variables/" + name, user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return JSON.readTree(reply.body()).path("value").asText();
  }

  /** The body's staff reports and its leader approves, each as themselves. */
  void report(String staff, String leader, String text) throws Exception {
    JsonNode task = waitFor(staff, "Task_Perform");
    Reply done =
        http.postJson(
            "/engine-rest/task/" + task.get("id").asText() + "/complete",
            staff,
            "{\"variables\":{\"requestExtension\":{\"value\":false},"
                + "\"resultReport\":{\"value\":\""
                + text
                + "\"}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    JsonNode approval = waitFor(leader, "Task_ApproveResult");
    Reply approved =
        http.postJson(
            "/engine-rest/task/" + approval.get("id").asText() + "/complete",
            leader,
            "{\"variables\":{\"approved\":{\"value\":true}}}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
  }

  /** Runs the due jobs of the directive's instances, as the job executor does. */
  void runDueJobs() {
    for (ProcessInstance instance :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(KEY)
            .list()) {
      engine
          .getManagementService()
          .createJobQuery()
          .processInstanceId(instance.getId())
          .executable()
          .list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  List<JsonNode> tasks(String user, String key) throws Exception {
    Reply reply =
        http.get(
            "/engine-rest/task?processInstanceBusinessKey=" + KEY + "&taskDefinitionKey=" + key,
            user);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<JsonNode> list = new java.util.ArrayList<>();
    JSON.readTree(reply.body()).forEach(list::add);
    return list;
  }

  /**
   * The user's task of that kind, once the directive's due jobs have run (the job executor is off
   * in these tests: the test runs them in its place).
   */
  JsonNode waitFor(String user, String key) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(end)) {
      runDueJobs();
      List<JsonNode> found = tasks(user, key);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        user
            + " has no "
            + key
            + " within 30 s; the directive's work: "
            + http.get("/engine-rest/process-instance?businessKey=" + KEY, ADMIN).body()
            + " jobs: "
            + http.get("/engine-rest/job", ADMIN).body()
            + " tasks: "
            + http.get("/engine-rest/task?processInstanceBusinessKey=" + KEY, ADMIN).body());
  }
}
