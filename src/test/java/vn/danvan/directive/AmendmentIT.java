package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.ModelerDeploymentIT.ADMIN;
import static vn.danvan.directive.ModelerDeploymentIT.JSON;
import static vn.danvan.directive.ModelerDeploymentIT.VN;
import static vn.danvan.directive.ModelerDeploymentIT.deployAsModeler;
import static vn.danvan.directive.ModelerDeploymentIT.directive;
import static vn.danvan.directive.ModelerDeploymentIT.start;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.directive.ModelerDeploymentIT.Item;
import vn.danvan.support.Http;
import vn.danvan.support.RunningDemoApp;

/**
 * A directive amended (văn bản sửa đổi, bổ sung) while it runs: the administrator deploys the new
 * version from Modeler and moves the running instances over REST ({@code POST
 * /api/van-ban/{key}/chuyen-phien-ban}); a staff member may not. Items added, removed and with a
 * changed deadline; the bodies' open work (the called assignments, their tasks and reminders) stays
 * as it was, and the people finish it over REST.
 */
class AmendmentIT extends RunningDemoApp {

  static final String LEADER_OF_LEAD = "soNoiVuLanhDao:demo";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  static final Item PLAN = new Item("CallActivity_Plan", "1. Xây dựng kế hoạch", "trong 30 ngày");
  static final Item REPORT = new Item("CallActivity_Report", "2. Báo cáo kết quả", "trong 60 ngày");
  static final Item REVIEW = new Item("CallActivity_Review", "3. Sơ kết", "trong 90 ngày");

  private String deploy(String key, Item... items) {
    Http.Reply deployed = deployAsModeler(http, ADMIN, key + ".bpmn", directive(key, items));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private Http.Reply amend(String key, String user, String request) {
    return http.postJson("/api/van-ban/" + key + "/chuyen-phien-ban", user, request);
  }

  private String definitionOf(String instance) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(instance)
        .singleResult()
        .getProcessDefinitionId();
  }

  /** The assignment the directive's instance runs now (its called instance). */
  private ProcessInstance calledBy(String instance) {
    List<ProcessInstance> called =
        runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list();
    assertThat(called).hasSize(1);
    return called.get(0);
  }

  private void runMessageJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** The people finish an assignment: staff report, their leader approves, Ban Dân vận confirms. */
  private void finish(String assignment) {
    complete(assignment, STAFF, "{\"resultReport\":{\"value\":\"Đã xây dựng kế hoạch\"}}");
    complete(assignment, LEADER_OF_LEAD, "{\"approved\":{\"value\":true}}");
    complete(assignment, COORDINATOR, "{\"confirmed\":{\"value\":true}}");
    runMessageJobs();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(assignment).count()).isZero();
  }

  private void complete(String instance, String user, String variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    Http.Reply done =
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/complete",
            user,
            "{\"variables\":" + variables + "}");
    assertThat(done.status()).as(task.getName() + ": " + done.body()).isEqualTo(204);
  }

  private static String key(String name) {
    return name + System.nanoTime() % 1_000_000;
  }

  @Test
  void anAddedItemRunsWhenReachedAndTheOpenWorkStays() throws Exception {
    String key = key("vanBanThemMuc");
    String v1 = deploy(key, PLAN);
    String instance = start(http, key, "11/CT-UBND-" + key);
    runMessageJobs();
    ProcessInstance plan = calledBy(instance);
    Task planTask = tasks.createTaskQuery().processInstanceId(plan.getId()).singleResult();
    String v2 = deploy(key, PLAN, REPORT);

    // nobody but an administrator
    for (String user : List.of(STAFF, COORDINATOR)) {
      Http.Reply denied = amend(key, user, "{\"dryRun\":false}");
      assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    }
    assertThat(http.postJson("/api/van-ban/" + key + "/chuyen-phien-ban", null, "{}").status())
        .isEqualTo(401);

    Http.Reply dry = amend(key, ADMIN, "{\"dryRun\":true}");
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    JsonNode tried = JSON.readTree(dry.body());
    assertThat(tried.get("toVersion").asInt()).isEqualTo(2);
    assertThat(tried.get("migrated").asInt()).isZero();
    assertThat(tried.get("instances")).hasSize(1);
    assertThat(tried.at("/instances/0/movable").asBoolean()).isTrue();
    assertThat(definitionOf(instance)).isEqualTo(v1); // a dry run changes nothing

    Http.Reply moved = amend(key, ADMIN, "{}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(JSON.readTree(moved.body()).get("migrated").asInt()).isOne();
    assertThat(definitionOf(instance)).isEqualTo(v2);
    // the body's open work is the same: its instance, its task; the history stays
    assertThat(calledBy(instance).getId()).isEqualTo(plan.getId());
    assertThat(tasks.createTaskQuery().taskId(planTask.getId()).singleResult()).isNotNull();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("StartEvent_DirectiveIssued")
                .count())
        .isOne();

    // the added item runs when reached
    finish(plan.getId());
    ProcessInstance report = calledBy(instance);
    assertThat(runtime.getVariable(report.getId(), "taskContent")).isEqualTo(REPORT.name());
  }

  @Test
  void aRemovedItemThatIsRunningStopsTheMoveAndOneNotReachedIsDropped() throws Exception {
    String key = key("vanBanBotMuc");
    String v1 = deploy(key, PLAN, REPORT);
    String waiting = start(http, key, "12/CT-UBND-" + key);
    String reporting = start(http, key, "13/CT-UBND-" + key);
    runMessageJobs();
    finish(calledBy(reporting).getId()); // now at the item v2 removes
    ProcessInstance report = calledBy(reporting);
    String v2 = deploy(key, PLAN);

    Http.Reply dry = amend(key, ADMIN, "{\"dryRun\":true,\"toVersion\":2}");
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    JsonNode tried = JSON.readTree(dry.body());
    assertThat(movable(tried, waiting)).isTrue();
    assertThat(movable(tried, reporting)).isFalse();
    JsonNode problem = instance(tried, reporting).at("/problems/0");
    assertThat(problem.get("summary").asText())
        .contains("\"2. Báo cáo kết quả\" (CallActivity_Report) đang thực hiện")
        .contains("phiên bản 2 không có bước tương ứng");
    assertThat(problem.get("detail").asText()).isNotBlank();

    // the real run is refused whole: nothing moves
    Http.Reply refused = amend(key, ADMIN, "{\"dryRun\":false}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("CallActivity_Report").contains("không phiên nào");
    assertThat(definitionOf(waiting)).isEqualTo(v1);
    assertThat(definitionOf(reporting)).isEqualTo(v1);

    // once the running item is done, the waiting instance moves and skips the removed item
    finish(report.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(reporting).count()).isZero();
    Http.Reply moved = amend(key, ADMIN, "{}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(definitionOf(waiting)).isEqualTo(v2);
    finish(calledBy(waiting).getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting).count()).isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(waiting)
                .activityId(REPORT.id())
                .count())
        .isZero();
  }

  @Test
  void aChangedDeadlineIsUsedWhenReachedAndRunningRemindersKeepTheirDates() throws Exception {
    String key = key("vanBanDoiHan");
    deploy(key, PLAN, REPORT);
    String instance = start(http, key, "14/CT-UBND-" + key);
    runMessageJobs();
    ProcessInstance plan = calledBy(instance);
    Job reminder =
        management.createJobQuery().processInstanceId(plan.getId()).timers().list().stream()
            .filter(job -> job.getDuedate().toInstant().isBefore(due(30).toInstant()))
            .findFirst()
            .orElseThrow();
    Date reminderDue = reminder.getDuedate();
    String v2 = deploy(key, PLAN, new Item(REPORT.id(), REPORT.name(), "trong 90 ngày"));

    Http.Reply moved = amend(key, ADMIN, "{\"dryRun\":false}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(definitionOf(instance)).isEqualTo(v2);
    // the running item's reminder: the same timer, the same day
    Job after = management.createJobQuery().jobId(reminder.getId()).singleResult();
    assertThat(after).isNotNull();
    assertThat(after.getDuedate()).isEqualTo(reminderDue);
    assertThat(runtime.getVariable(plan.getId(), "deadline"))
        .isEqualTo(LocalDate.now(VN).plusDays(30).toString());

    // reached after the move, the item reads its new deadline (90 days, not 60)
    finish(plan.getId());
    assertThat(runtime.getVariable(calledBy(instance).getId(), "deadline"))
        .isEqualTo(LocalDate.now(VN).plusDays(90).toString());
  }

  private static Date due(int days) {
    return Date.from(LocalDate.now(VN).plusDays(days).atStartOfDay(VN).toInstant());
  }

  private static JsonNode instance(JsonNode result, String id) {
    for (JsonNode instance : result.get("instances")) {
      if (instance.get("id").asText().equals(id)) {
        return instance;
      }
    }
    throw new AssertionError(id + " not in " + result);
  }

  private static boolean movable(JsonNode result, String id) {
    return instance(result, id).get("movable").asBoolean();
  }
}
