package vn.danvan.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.notification.Notifications;
import vn.danvan.support.EngineState;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.ReliabilityReport;
import vn.danvan.support.RunningDemoApp;

/**
 * Malformed and hostile requests on the running application: each is answered 4xx with a clear
 * message (never 5xx), and nothing changes — no instance, task, deployment or variable appears, the
 * tasks stay open with their variables as they were. Every case is a row of {@code
 * target/reliability/bad-input.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends RunningDemoApp {

  static final String JSON = "application/json";
  static final String START_ADHOC = "/engine-rest/process-definition/key/adhocReport/start";
  static final String START_MODEL = "/engine-rest/process-definition/key/skilfulModel/start";
  static final String START_DIRECTIVE =
      "/engine-rest/process-definition/key/chiThi03XuanLoc2023/start";
  static final String WEBAPP = "/camunda/api/engine/engine/default";

  /** A Tasklist session of Sở Nội vụ's staff (login, then the CSRF header on every request). */
  static final String TASKLIST_STAFF = "tasklist:soNoiVuCanBo";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;

  private final ReliabilityReport report = new ReliabilityReport("bad-input");
  private final Map<String, String> fixture = new LinkedHashMap<>();
  private Http tasklist;

  /** A case: who sends what; {@code expected} is a part of the message the answer must carry. */
  record Case(
      String name,
      String actor,
      String method,
      String path,
      String contentType,
      String body,
      String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  void openWork() {
    Http http = new Http(port);
    String work = assign(http, "soNoiVu");
    fixture.put("{work}", taskOf(work, "Task_Perform"));

    String extended = assign(http, "soNoiVu");
    Reply asked =
        http.postJson(
            "/engine-rest/task/" + taskOf(extended, "Task_Perform") + "/complete",
            STAFF,
            "{\"variables\":{\"requestExtension\":{\"value\":true},"
                + "\"requestedDeadline\":{\"value\":\"2031-01-31\"},"
                + "\"extensionReason\":{\"value\":\"Chờ số liệu của các huyện\"}}}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(204);
    fixture.put("{decide}", taskOf(extended, "Task_DecideExtension"));

    Reply raised =
        http.postJson(
            START_ADHOC,
            OTHER_STAFF,
            "{\"variables\":{"
                + "\"incidentTitle\":{\"value\":\"Tụ tập đông người\"},"
                + "\"incidentDetails\":{\"value\":\"Khoảng 30 người tại trụ sở\"},"
                + "\"severity\":{\"value\":\"binhThuong\"}}}");
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);
    fixture.put("{incident}", taskOf(id(raised), "Task_HandleIncident"));

    // work under a directive's number, for the board's cases
    Reply directive =
        http.postJson(
            START_ASSIGNMENT,
            COORDINATOR,
            "{\"businessKey\":\"24-CT/TU\"," + BadInputCases.assignment("x", null).substring(1));
    assertThat(directive.status()).as(directive.body()).isEqualTo(200);

    tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "soNoiVuCanBo", "demo").status()).isEqualTo(200);
  }

  Stream<Case> cases() {
    return Stream.of(
            BadInputCases.engineStarts(),
            BadInputCases.taskCompletions(),
            BadInputCases.payloads(),
            BadInputCases.deployments(),
            BadInputCases.modelChecks(),
            BadInputCases.productApis(),
            BadInputCases.webapp())
        .flatMap(List::stream);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithAClearMessageAndNothingChanges(Case c) {
    String path = c.path();
    String body = c.body();
    for (Map.Entry<String, String> placeholder : fixture.entrySet()) {
      path = path.replace(placeholder.getKey(), placeholder.getValue());
      body = body == null ? null : body.replace(placeholder.getKey(), placeholder.getValue());
    }
    Map<String, String> before = state();

    Reply reply =
        c.actor().equals(TASKLIST_STAFF)
            ? tasklist.send(c.method(), path, null, c.contentType(), body)
            : http.send(c.method(), path, c.actor(), c.contentType(), body);

    Map<String, String> after = state();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", c.name());
    row.put("method", c.method());
    row.put("path", c.path());
    row.put("status", reply.status());
    row.put("message", ReliabilityReport.excerpt(reply.body(), 200));
    row.put("unchanged", before.equals(after));
    report.add(row);

    assertThat(reply.status()).as(c.name() + ": " + reply.body()).isBetween(400, 499);
    assertThat(reply.body()).as(c.name()).contains(c.expected());
    assertThat(after).as(c.name()).isEqualTo(before);
  }

  @AfterAll
  void writeReport() throws IOException {
    List<Map<String, Object>> rows = report.rows();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("cases", rows.size());
    summary.put("4xx", rows.stream().filter(r -> (int) r.get("status") / 100 == 4).count());
    summary.put("5xx", rows.stream().filter(r -> (int) r.get("status") / 100 == 5).count());
    summary.put("changed", rows.stream().filter(r -> !(boolean) r.get("unchanged")).count());
    report.write(summary);
  }

  /** What a refused request must leave as it was, and the reminder setting of Sở Nội vụ's staff. */
  private Map<String, String> state() {
    Map<String, String> state =
        EngineState.of(
            engine, fixture.get("{work}"), fixture.get("{decide}"), fixture.get("{incident}"));
    state.put(
        "reminders",
        String.valueOf(
            engine.getIdentityService().getUserInfo("soNoiVuCanBo", Notifications.REMINDERS)));
    return state;
  }

  private String taskOf(String processInstance, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstance)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }

  private static String id(Reply started) {
    return started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }
}
