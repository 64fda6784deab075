package vn.danvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.org.IdentitySync;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/**
 * Who may do what through the REST API, on the running application with the demo province: nobody
 * anonymously, each body only its own tasks.
 */
class SecurityMatrixIT extends RunningDemoApp {

  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/task",
        "/engine-rest/task/count",
        "/engine-rest/process-definition",
        "/engine-rest/process-instance",
        "/engine-rest/deployment",
        "/engine-rest/execution",
        "/engine-rest/variable-instance",
        "/engine-rest/job",
        "/engine-rest/incident",
        "/engine-rest/history/process-instance",
        "/engine-rest/history/task",
        "/engine-rest/history/variable-instance",
        "/engine-rest/history/activity-instance",
        "/engine-rest/user",
        "/engine-rest/group",
        "/engine-rest/authorization",
        "/engine-rest/filter",
        "/engine-rest/decision-definition",
        "/engine-rest/metrics",
        "/engine-rest/identity/groups?userId=demo",
        "/engine-rest/default/task"
      })
  void anonymousReadsNothing(String path) {
    assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
  }

  @Test
  void anonymousWritesNothingAndOnlyTheEngineListIsOpen() {
    assertThat(http.postJson(START_ASSIGNMENT, null, "{}").status()).isEqualTo(401);
    assertThat(http.postJson("/engine-rest/message", null, "{\"messageName\":\"x\"}").status())
        .isEqualTo(401);
    assertThat(http.get("/engine-rest/task", "soLDTBXHCanBo:wrong").status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine", null).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "list,          GET,  /engine-rest/task?processInstanceId={pi}",
    "count,         GET,  /engine-rest/task/count?processInstanceId={pi}",
    "read,          GET,  /engine-rest/task/{task}",
    "variables,     GET,  /engine-rest/task/{task}/variables",
    "form variables,GET,  /engine-rest/task/{task}/form-variables",
    "form,          GET,  /engine-rest/task/{task}/form",
    "deployed form, GET,  /engine-rest/task/{task}/deployed-form",
    "instance vars, GET,  /engine-rest/process-instance/{pi}/variables",
    "history,       GET,  /engine-rest/history/task?processInstanceId={pi}",
    "history vars,  GET,  /engine-rest/history/variable-instance?processInstanceId={pi}",
    "claim,         POST, /engine-rest/task/{task}/claim",
    "complete,      POST, /engine-rest/task/{task}/complete",
    "set assignee,  POST, /engine-rest/task/{task}/assignee",
    "add variable,  POST, /engine-rest/task/{task}/variables"
  })
  void anotherBodyCanNeitherSeeNorTouchTheTask(String what, String method, String template) {
    String pi = assign("soNoiVu");
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    String path = template.replace("{pi}", pi).replace("{task}", task.getId());

    for (String intruder : List.of(OTHER_STAFF, OTHER_LEADER)) {
      Reply reply =
          method.equals("GET")
              ? http.get(path, intruder)
              : http.postJson(
                  path,
                  intruder,
                  "{\"userId\":\"soTaiChinhCanBo\","
                      + "\"variables\":{\"resultReport\":{\"value\":\"x\"}},"
                      + "\"modifications\":{\"evil\":{\"value\":\"x\"}}}");
      if (reply.status() == 200) {
        // queries answer 200 with nothing in them
        assertThat(reply.body()).as(what + " by " + intruder).isIn("[]", "{\"count\":0}");
      } else {
        assertThat(reply.status())
            .as(what + " by " + intruder + ": " + reply.body())
            .isIn(403, 404);
      }
    }
    Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after.getAssignee()).isNull();
    assertThat(tasks.getVariables(task.getId()))
        .doesNotContainKey("evil")
        .doesNotContainKey("resultReport");
  }

  @Test
  void theLeadBodyWorksItsTaskAndOnlyItsLeadersApprove() {
    String pi = assign("soNoiVu");
    String task = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();

    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi, STAFF).body()).contains(task);
    assertThat(http.get("/engine-rest/task/" + task, STAFF).status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + task + "/variables", STAFF).body())
        .contains("Xây dựng kế hoạch");
    assertThat(http.get("/engine-rest/task/" + task + "/form-variables", STAFF).status())
        .isEqualTo(200);
    Reply form = http.get("/engine-rest/task/" + task + "/deployed-form", STAFF);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("form_thucHienNhiemVu").contains("Báo cáo kết quả");
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task + "/claim", STAFF, "{\"userId\":\"soNoiVuCanBo\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task + "/complete",
                    STAFF,
                    "{\"variables\":{\"resultReport\":{\"value\":\"Đã ban hành kế hoạch\"}}}")
                .status())
        .isEqualTo(204);

    String approval = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    assertThat(http.get("/engine-rest/task/count?processInstanceId=" + pi, STAFF).body())
        .isEqualTo("{\"count\":0}");
    assertThat(http.get("/engine-rest/task/count?processInstanceId=" + pi, LEADER).body())
        .isEqualTo("{\"count\":1}");
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + approval + "/complete",
                    LEADER,
                    "{\"variables\":{\"approved\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);

    // the monitoring body (Ban Dân vận) confirms; the lead body cannot
    String confirmation = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + confirmation + "/complete",
                    LEADER,
                    "{\"variables\":{\"confirmed\":{\"value\":true}}}")
                .status())
        .isIn(403, 404);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + confirmation + "/complete",
                    COORDINATOR,
                    "{\"variables\":{\"confirmed\":{\"value\":true}}}")
                .status())
        .isEqualTo(204);

    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(pi)
                .singleResult()
                .getEndTime())
        .isNotNull();
  }

  @Test
  void theTasklistSessionHasTheSameLimits() {
    String pi = assign("soNoiVu");
    String task = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    String webappApi = "/camunda/api/engine/engine/default/task/";

    Http intruder = new Http(port);
    assertThat(intruder.loginToWebapp("tasklist", "soTaiChinhCanBo", "demo").status())
        .isEqualTo(200);
    assertThat(intruder.get(webappApi + task, null).status()).isIn(403, 404);
    assertThat(intruder.get(webappApi + task + "/variables", null).status()).isIn(403, 404);
    assertThat(intruder.get(webappApi + "?processInstanceId=" + pi, null).body()).isEqualTo("[]");

    Http owner = new Http(port);
    assertThat(owner.loginToWebapp("tasklist", "soNoiVuCanBo", "demo").status()).isEqualTo(200);
    assertThat(owner.get(webappApi + task, null).status()).isEqualTo(200);
  }

  @Test
  void staffLookUpTheirOwnGroupsOnlyAndTheAdministratorAnyones() {
    String others = "/engine-rest/identity/groups?userId=soTaiChinhCanBo";
    Reply refused = http.get(others, STAFF);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body())
        .isEqualTo(
            "{\"type\":\"AuthorizationException\",\"message\":"
                + "\"Chỉ xem được nhóm và vai trò của chính mình (soTaiChinhCanBo)\"}");
    for (String path :
        List.of(
            "/engine-rest/group?member=soNoiVuCanBo&member=soTaiChinhCanBo",
            "/engine-rest/group/?member=soTaiChinhCanBo",
            "/engine-rest//group/count?member=soTaiChinhCanBo",
            "/engine-rest/engine/default/identity/groups?userId=soTaiChinhCanBo")) {
      assertThat(http.get(path, LEADER).status()).as(path).isIn(403, 404);
    }
    assertThat(http.get("/engine-rest/identity/groups?userId=a%22b%5C", STAFF).body())
        .endsWith("(a\\\"b\\\\)\"}");
    assertThat(http.get("/engine-rest/identity/groups?userId=soNoiVuCanBo", STAFF).body())
        .contains("\"soNoiVu\"")
        .contains("vaiTroCanBo");
    assertThat(http.get("/engine-rest/group?member=soNoiVuCanBo", STAFF).body())
        .contains("vaiTroCanBo");
    assertThat(http.get(others, "demo:demo").body()).contains("\"soTaiChinh\"");

    Http tasklist = new Http(port);
    assertThat(tasklist.loginToWebapp("tasklist", "soNoiVuCanBo", "demo").status()).isEqualTo(200);
    String webappApi = "/camunda/api/engine/engine/default";
    assertThat(tasklist.get(webappApi + "/identity/groups?userId=soTaiChinhCanBo", null).status())
        .isEqualTo(403);
    assertThat(tasklist.get(webappApi + "/group?member=soTaiChinhCanBo", null).status())
        .isEqualTo(403);
    assertThat(tasklist.get(webappApi + "/identity/groups?userId=soNoiVuCanBo", null).body())
        .contains("\"soNoiVu\"");
  }

  @Test
  void theBodyTaskFilterShowsEachPersonTheirOwnBodysTasks() {
    String ours =
        tasks.createTaskQuery().processInstanceId(assign("soNoiVu")).singleResult().getId();
    String theirs =
        tasks.createTaskQuery().processInstanceId(assign("soTaiChinh")).singleResult().getId();
    String filter =
        filters.createFilterQuery().filterName(IdentitySync.FILTER_MY_BODY).singleResult().getId();

    Reply mine = http.postJson("/engine-rest/filter/" + filter + "/list", STAFF, "{}");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.body()).contains(ours).doesNotContain(theirs);
    Reply other = http.postJson("/engine-rest/filter/" + filter + "/list", OTHER_STAFF, "{}");
    assertThat(other.body()).contains(theirs).doesNotContain(ours);
  }

  @Test
  void anyBodyRaisesAnAdhocReportForItselfOnly() {
    Reply raised =
        http.postJson(
            "/engine-rest/process-definition/key/adhocReport/start",
            OTHER_STAFF,
            "{\"variables\":{\"incidentTitle\":{\"value\":\"Tụ tập đông người\"},"
                + "\"incidentDetails\":{\"value\":\"Khoảng 30 người tại trụ sở\"},"
                + "\"severity\":{\"value\":\"nghiemTrong\"}}}");
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);
    String pi = raised.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(runtime.getVariable(pi, "reportingBody")).isEqualTo("soTaiChinh");
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi, OTHER_STAFF).body())
        .isEqualTo("[]");
    assertThat(http.get("/engine-rest/task?processInstanceId=" + pi, COORDINATOR).body())
        .contains("Task_HandleIncident");

    Reply forAnother =
        http.postJson(
            "/engine-rest/process-definition/key/adhocReport/start",
            OTHER_STAFF,
            "{\"variables\":{\"incidentTitle\":{\"value\":\"x\"},"
                + "\"incidentDetails\":{\"value\":\"Nội"
                + " dung vụ việc\"},"
                + "\"severity\":{\"value\":\"binhThuong\"},"
                + "\"reportingBody\":{\"value\":\"soNoiVu\"}}}");
    assertThat(forAnother.status()).isEqualTo(400);
    assertThat(forAnother.body()).contains("Chỉ được báo cáo đột xuất cho đơn vị của mình");
  }

  @Test
  void anyBodyRegistersDanVanKheoModelsForItselfOnly() {
    String fields =
        "\"modelName\":{\"value\":\"Một cửa thân thiện\"},"
            + "\"workField\":{\"value\":\"kinhTe\"},\"reason\":{\"value\":\"Lý do\"},"
            + "\"goals\":{\"value\":\"Mục tiêu\"},\"content\":{\"value\":\"Cách làm\"},"
            + "\"area\":{\"value\":\"Địa bàn\"},\"participants\":{\"value\":\"Sở chủ trì\"},"
            + "\"resources\":{\"value\":\"Kinh phí\"},\"timeline\":{\"value\":\"Năm nay\"},"
            + "\"outputs\":{\"value\":\"Số hồ sơ\"},\"sustainability\":{\"value\":\"Nhân rộng\"}";
    Reply registered =
        http.postJson(
            "/engine-rest/process-definition/key/skilfulModel/start",
            OTHER_STAFF,
            "{\"variables\":{" + fields + "}}");
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    String pi = registered.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(runtime.getVariable(pi, "body")).isEqualTo("soTaiChinh");
    assertThat(runtime.getVariable(pi, "registrant")).isEqualTo("soTaiChinhCanBo");

    Reply forAnother =
        http.postJson(
            "/engine-rest/process-definition/key/skilfulModel/start",
            OTHER_STAFF,
            "{\"variables\":{" + fields + ",\"body\":{\"value\":\"soNoiVu\"}}}");
    assertThat(forAnother.status()).isEqualTo(400);
    assertThat(forAnother.body()).contains("Chỉ được đăng ký mô hình cho đơn vị của mình");
    Reply badField =
        http.postJson(
            "/engine-rest/process-definition/key/skilfulModel/start",
            OTHER_STAFF,
            "{\"variables\":{" + fields.replace("kinhTe", "theThao") + "}}");
    assertThat(badField.status()).isEqualTo(400);
    assertThat(badField.body()).contains("Lĩnh vực \\\"theThao\\\" không hợp lệ");
  }

  @Test
  void staffCannotStartADirectiveButCoordinatorsCan() {
    String body = "{\"variables\":{\"leadBody\":{\"value\":\"soNoiVu\"}}}";
    // they may not even read the definition: 404 "no matching definition" or 403
    assertThat(http.postJson(START_ASSIGNMENT, STAFF, body).status()).isIn(403, 404);
    assertThat(http.postJson(START_ASSIGNMENT, LEADER, body).status()).isIn(403, 404);
    assertThat(http.get("/engine-rest/process-definition", STAFF).body())
        .contains("\"key\":\"adhocReport\"")
        .doesNotContain("\"key\":\"assignment\"");
    assertThat(assign("soTaiChinh")).isNotBlank();
  }
}
