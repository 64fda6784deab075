package vn.danvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import vn.danvan.engine.ModelDeployer;
import vn.danvan.input.BadInputCases;
import vn.danvan.org.IdentitySync;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/** The endpoints and actors of {@link SecurityMatrixReportIT}, and what each actor may get. */
final class SecurityMatrix {

  private SecurityMatrix() {}

  /** Who asks: HTTP Basic for the APIs, a webapp session for the webapps' APIs. */
  enum Actor {
    ANONYMOUS("anonymous", null, null),
    // Camunda locks an account after a few wrong passwords: undoAdministration unlocks it
    WRONG_PASSWORD("wrong password", "daiPTTHCanBo", null),
    OTHER_BODY("staff of another body", "soTaiChinhCanBo", "tasklist"),
    OTHER_LEADER("leader of another body", "soTaiChinhLanhDao", "tasklist"),
    STAFF("staff", "soNoiVuCanBo", "tasklist"),
    LEADER("leader", "soNoiVuLanhDao", "tasklist"),
    COORDINATOR("coordinator", "bdvTUDieuPhoi", "cockpit"),
    ADMIN("administrator", "demo", "admin");

    private final String label;
    private final String user;
    private final String webapp;

    Actor(String label, String user, String webapp) {
      this.label = label;
      this.user = user;
      this.webapp = webapp;
    }

    String label() {
      return label;
    }

    String user() {
      return user;
    }

    String webapp() {
      return webapp;
    }

    String credentials() {
      return user == null ? null : user + (this == WRONG_PASSWORD ? ":sai" : ":demo");
    }
  }

  /** What an actor must get. */
  enum Expect {
    /** 401 (a webapp may refuse an anonymous write earlier: 403 of its CSRF filter). */
    AUTHENTICATE("401") {
      @Override
      boolean accepts(Probe probe, Reply reply, boolean unchanged) {
        return unchanged && (reply.status() == 401 || probe.webapp() && reply.status() == 403);
      }
    },
    /** Refused (403, 404, 400) or answered with nothing of it; the engine unchanged. */
    DENIED("403/404/empty, unchanged") {
      @Override
      boolean accepts(Probe probe, Reply reply, boolean unchanged) {
        int status = reply.status();
        boolean refused = status == 403 || status == 404 || status == 400;
        boolean nothing =
            empty(reply)
                || probe.marker() != null
                    && !probe.marker().isEmpty()
                    && !reply.body().contains(probe.resolvedMarker());
        return unchanged && (refused || status / 100 == 2 && nothing);
      }
    },
    /** Served, with what was asked for (the marker; without one, anything; "" even nothing). */
    ALLOWED("2xx") {
      @Override
      boolean accepts(Probe probe, Reply reply, boolean unchanged) {
        if (probe.marker() != null) {
          return reply.status() / 100 == 2 && reply.body().contains(probe.resolvedMarker());
        }
        return reply.status() / 100 == 2 && (!probe.method().equals("GET") || !empty(reply));
      }
    },
    /** Open to anyone (health, the engine list). */
    OPEN("2xx, open") {
      @Override
      boolean accepts(Probe probe, Reply reply, boolean unchanged) {
        return unchanged && reply.status() / 100 == 2;
      }
    };

    private final String label;

    Expect(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    abstract boolean accepts(Probe probe, Reply reply, boolean unchanged);

    static boolean empty(Reply reply) {
      String body = reply.body().trim();
      return body.isEmpty() || body.equals("[]") || body.equals("{\"count\":0}");
    }
  }

  /** One endpoint: the request, and what each actor must get. */
  record Probe(
      String method,
      String path,
      String body,
      String contentType,
      String marker,
      Map<Actor, Expect> expected,
      Map<String, String> fixture) {

    boolean webapp() {
      return path.startsWith("/camunda/");
    }

    String resolvedMarker() {
      String resolved = marker;
      for (Map.Entry<String, String> value : fixture.entrySet()) {
        resolved = resolved.replace(value.getKey(), value.getValue());
      }
      return resolved;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final String JSON = "application/json";
  static final List<Actor> SIGNED_IN =
      List.of(
          Actor.OTHER_BODY,
          Actor.OTHER_LEADER,
          Actor.STAFF,
          Actor.LEADER,
          Actor.COORDINATOR,
          Actor.ADMIN);
  static final List<Actor> ADMINS = List.of(Actor.ADMIN);
  static final List<Actor> NOT_ADMINS = List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR);
  static final List<Actor> COORDINATORS = List.of(Actor.COORDINATOR, Actor.ADMIN);
  static final List<Actor> BODIES = List.of(Actor.STAFF, Actor.LEADER);
  static final List<Actor> OTHER_BODY = List.of(Actor.OTHER_BODY, Actor.OTHER_LEADER);
  static final List<Actor> NOBODY = List.of();

  /** Filled by {@link #fixture}: the ids the probes name. */
  private static final Map<String, String> FIXTURE = new LinkedHashMap<>();

  static Probe probe(
      String method,
      String path,
      String body,
      String marker,
      List<Actor> allowed,
      List<Actor> denied) {
    Map<Actor, Expect> expected = new EnumMap<>(Actor.class);
    expected.put(Actor.ANONYMOUS, Expect.AUTHENTICATE);
    expected.put(Actor.WRONG_PASSWORD, Expect.AUTHENTICATE);
    denied.forEach(actor -> expected.put(actor, Expect.DENIED));
    allowed.forEach(actor -> expected.put(actor, Expect.ALLOWED));
    String type =
        body == null
            ? null
            : body.startsWith("--") ? "multipart/form-data; boundary=----danvanBoundary" : JSON;
    return new Probe(method, path, body, type, marker, expected, FIXTURE);
  }

  static Probe get(String path, String marker, List<Actor> allowed, List<Actor> denied) {
    return probe("GET", path, null, marker, allowed, denied);
  }

  static Probe open(String path) {
    Map<Actor, Expect> expected = new EnumMap<>(Actor.class);
    for (Actor actor : Actor.values()) {
      expected.put(actor, Expect.OPEN);
    }
    return new Probe("GET", path, null, null, null, expected, FIXTURE);
  }

  /**
   * Work of Sở Nội vụ ({task} of {pi}, under the number MT-1/BDV), an instance and a deployment
   * only the administrator may delete, and the body filter.
   */
  static Map<String, String> fixture(Http http, ProcessEngine engine) {
    Reply started =
        http.postJson(
            RunningDemoApp.START_ASSIGNMENT,
            RunningDemoApp.COORDINATOR,
            "{\"businessKey\":\"MT-1/BDV\",\"variables\":{\"leadBody\":{\"value\":\"soNoiVu\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Rà soát quy chế\"},"
                + "\"deadline\":{\"value\":\"2030-08-31\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    FIXTURE.put("{pi}", pi);
    FIXTURE.put(
        "{task}",
        engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId());
    FIXTURE.put(
        "{definition}",
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(pi)
            .singleResult()
            .getProcessDefinitionId());
    Reply attached =
        http.send(
            "POST",
            ATTACHMENTS + "/cong-viec/" + FIXTURE.get("{task}"),
            RunningDemoApp.STAFF,
            "multipart/form-data; boundary=----danvanBoundary",
            attachment(FILE_NAME));
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    FIXTURE.put("{file}", attached.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
    FIXTURE.put("{victim}", RunningDemoApp.assign(http, "soTaiChinh"));
    FIXTURE.put(
        "{deployment}",
        engine
            .getRepositoryService()
            .createDeployment()
            .name("ma-tran-xoa")
            .addInputStream(
                "maTranXoa.bpmn",
                new ByteArrayInputStream(
                    BadInputCases.bpmn("camunda:historyTimeToLive=\"1\"", "")
                        .getBytes(StandardCharsets.UTF_8)))
            .deploy()
            .getId());
    FIXTURE.put(
        "{models}",
        engine
            .getRepositoryService()
            .createDeploymentQuery()
            .deploymentName(ModelDeployer.DEPLOYMENT_NAME)
            .orderByDeploymentTime()
            .desc()
            .list()
            .get(0)
            .getId());
    FIXTURE.put(
        "{filter}",
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName(IdentitySync.FILTER_MY_BODY)
            .singleResult()
            .getId());
    return Map.copyOf(FIXTURE);
  }

  static final String MATRIX_TASK = "Việc ma trận";

  static final String ATTACHMENTS = "/api/tep-dinh-kem";
  static final String FILE_NAME = "Tệp ma trận.pdf";

  /** A multipart body of a small directive's text (.txt) and a key, as the draft API reads it. */
  static String directiveText() {
    return "------danvanBoundary\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n"
        + "chiThi9MaTran\r\n"
        + "------danvanBoundary\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"chi-thi-9.txt\"\r\nContent-Type: text/plain\r\n\r\n"
        + "ỦY BAN NHÂN DÂN TỈNH\nSố: 9/CT-UBND\nTỉnh Mẫu, ngày 10 tháng 3 năm 2027\nCHỈ THỊ\n"
        + "Về công tác dân vận\n1. Sở Nội vụ chủ trì xây dựng kế hoạch thực hiện Chỉ thị này,"
        + " hoàn thành trước ngày 30/6/2027.\n"
        + "\r\n------danvanBoundary--\r\n";
  }

  /** A multipart body asking to rehearse a deployed directive issued on {@code issued}. */
  static String rehearsal(String key, String issued) {
    return "------danvanBoundary\r\nContent-Disposition: form-data; name=\"processDefinitionKey\""
        + "\r\n\r\n"
        + key
        + "\r\n------danvanBoundary\r\nContent-Disposition: form-data; name=\"issued\"\r\n\r\n"
        + issued
        + "\r\n------danvanBoundary--\r\n";
  }

  /** A multipart body of one small PDF in the part the attachments API reads. */
  static String attachment(String fileName) {
    return "------danvanBoundary\r\nContent-Disposition: form-data; name=\"tep\"; filename=\""
        + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n"
        + "%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
        + "\r\n------danvanBoundary--\r\n";
  }

  /**
   * Files of Sở Nội vụ's task and of its instance: read by the body (staff and leaders, whom the
   * engine lets work the body's task), the coordinators and the administrator, added by whoever
   * works the task; the instance's own files added by coordinators, read by the body working under
   * it; another body nothing.
   */
  static List<Probe> attachments() {
    List<Actor> readers = List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.ADMIN);
    return List.of(
        get(ATTACHMENTS + "/cong-viec/{task}", FILE_NAME, readers, OTHER_BODY),
        get(ATTACHMENTS + "/{file}", "%PDF-1.4", readers, OTHER_BODY),
        get(ATTACHMENTS + "/cong-viec/{task}/truoc-do", "", readers, OTHER_BODY),
        probe(
            "POST",
            ATTACHMENTS + "/cong-viec/{task}",
            attachment("Thêm.pdf"),
            "\"id\"",
            List.of(Actor.STAFF, Actor.LEADER, Actor.ADMIN),
            List.of(Actor.OTHER_BODY, Actor.OTHER_LEADER, Actor.COORDINATOR)),
        probe(
            "POST",
            ATTACHMENTS + "/quy-trinh/{pi}",
            attachment("Văn bản.pdf"),
            "\"id\"",
            COORDINATORS,
            List.of(Actor.OTHER_BODY, Actor.OTHER_LEADER, Actor.STAFF, Actor.LEADER)),
        get(
            ATTACHMENTS + "/quy-trinh/{pi}",
            null,
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.ADMIN),
            OTHER_BODY));
  }

  /** Removes what the administrator's rightful requests created, for the tests that follow. */
  static void undoAdministration(ProcessEngine engine) {
    engine
        .getTaskService()
        .createTaskQuery()
        .taskName(MATRIX_TASK)
        .list()
        .forEach(t -> engine.getTaskService().deleteTask(t.getId(), true));
    engine.getIdentityService().unlockUser(Actor.WRONG_PASSWORD.user);
    engine.getIdentityService().deleteUser("maTranMoi");
    engine.getIdentityService().deleteGroup("nhomMaTran");
    engine.getIdentityService().deleteTenant("tenantMaTran");
    engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .userIdIn("nguoiMaTran")
        .list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    engine
        .getFilterService()
        .createFilterQuery()
        .filterName("Lọc ma trận")
        .list()
        .forEach(f -> engine.getFilterService().deleteFilter(f.getId()));
    engine
        .getRepositoryService()
        .createDeploymentQuery()
        .deploymentName("thu-nghiem")
        .list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  static List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    probes.add(open("/engine-rest/engine"));
    probes.add(open("/actuator/health"));
    probes.addAll(engineReads());
    probes.addAll(bodyWork());
    probes.addAll(coordinatorWork());
    probes.addAll(administration());
    probes.addAll(productApis());
    probes.addAll(attachments());
    probes.addAll(webapps());
    // last: it changes the task the others probe
    probes.add(
        probe(
            "POST",
            "/engine-rest/task/{task}/claim",
            "{\"userId\":\"soNoiVuCanBo\"}",
            null,
            List.of(Actor.STAFF),
            OTHER_BODY));
    return probes;
  }

  /** The engine's lists: the administrator's, the coordinators', everyone's. */
  static List<Probe> engineReads() {
    List<Probe> probes = new ArrayList<>();
    for (String path :
        List.of(
            "/engine-rest/user?id=soTaiChinhCanBo",
            "/engine-rest/group?id=soTaiChinh",
            "/engine-rest/authorization",
            "/engine-rest/authorization/count")) {
      probes.add(get(path, null, ADMINS, NOT_ADMINS));
    }
    for (String path :
        List.of(
            "/engine-rest/user/count?id=soTaiChinhCanBo",
            "/engine-rest/group/count?id=soTaiChinh")) {
      probes.add(get(path, "\"count\":1", ADMINS, NOT_ADMINS));
    }
    probes.add(
        get(
            "/engine-rest/identity/groups?userId=soTaiChinhCanBo",
            "soTaiChinh",
            ADMINS,
            NOT_ADMINS));
    probes.addAll(membershipLookups("/engine-rest"));
    probes.addAll(membershipLookups("/engine-rest/engine/default"));
    for (String path :
        List.of(
            "/engine-rest/tenant",
            "/engine-rest/batch",
            "/engine-rest/schema/log",
            "/engine-rest/incident",
            "/engine-rest/external-task",
            "/engine-rest/history/incident",
            "/engine-rest/history/batch",
            "/engine-rest/history/external-task-log",
            "/engine-rest/history/decision-instance",
            "/engine-rest/case-definition",
            "/engine-rest/case-instance",
            "/engine-rest/case-execution",
            "/engine-rest/history/case-instance",
            "/engine-rest/decision-requirements-definition",
            "/engine-rest/telemetry/data")) {
      // empty in this application, or figures: the administrator is served, others see nothing
      probes.add(probe("GET", path, null, "", ADMINS, NOT_ADMINS));
    }
    for (String path :
        List.of(
            "/engine-rest/deployment?name=danvan-models",
            "/engine-rest/decision-definition?key=chiTieuDanVanKheo",
            "/engine-rest/process-definition?key=assignment",
            "/engine-rest/process-definition/key/assignment/xml",
            "/engine-rest/job?processInstanceId={pi}",
            "/engine-rest/job-definition?processDefinitionId={definition}",
            "/engine-rest/process-instance?processInstanceIds={pi}",
            "/engine-rest/process-instance/{pi}",
            "/engine-rest/process-instance/{pi}/variables",
            "/engine-rest/process-instance/{pi}/activity-instances",
            "/engine-rest/execution?processInstanceId={pi}",
            "/engine-rest/variable-instance?processInstanceIdIn={pi}",
            "/engine-rest/history/process-instance?processInstanceId={pi}",
            "/engine-rest/history/activity-instance?processInstanceId={pi}",
            "/engine-rest/history/task?processInstanceId={pi}",
            "/engine-rest/history/variable-instance?processInstanceId={pi}")) {
      probes.add(
          get(
              path,
              null,
              COORDINATORS,
              List.of(Actor.OTHER_BODY, Actor.OTHER_LEADER, Actor.STAFF, Actor.LEADER)));
    }
    // kept only at some history levels: may be empty for everyone
    for (String path :
        List.of(
            "/engine-rest/event-subscription?processInstanceId={pi}",
            "/engine-rest/history/identity-link-log?processInstanceId={pi}",
            "/engine-rest/history/job-log?processInstanceId={pi}",
            "/engine-rest/history/user-operation?processInstanceId={pi}",
            "/engine-rest/history/detail?processInstanceId={pi}")) {
      probes.add(
          get(
              path,
              "",
              COORDINATORS,
              List.of(Actor.OTHER_BODY, Actor.OTHER_LEADER, Actor.STAFF, Actor.LEADER)));
    }
    probes.add(
        get("/engine-rest/metrics/activity-instance-start/sum", "result", COORDINATORS, BODIES));
    // the nightly window of history cleanup: no one's data
    probes.add(get("/engine-rest/history/cleanup/configuration", "batchWindow", SIGNED_IN, NOBODY));
    probes.add(get("/engine-rest/filter", "{filter}", SIGNED_IN, NOBODY));
    return probes;
  }

  /**
   * Whose groups and roles one may look up under an engine API root: one's own (the staff of
   * another body asking about themselves), anyone's for the administrator, no one else's (the role
   * groups both share are not shown either).
   */
  static List<Probe> membershipLookups(String root) {
    List<Actor> selfOrAdmin = List.of(Actor.OTHER_BODY, Actor.ADMIN);
    return List.of(
        get(
            root + "/identity/groups?userId=soTaiChinhCanBo",
            "vaiTroCanBo",
            selfOrAdmin,
            NOT_ADMINS),
        get(root + "/group?member=soTaiChinhCanBo", "vaiTroCanBo", selfOrAdmin, NOT_ADMINS),
        get(root + "/group/count?member=soTaiChinhCanBo", "\"count\":2", selfOrAdmin, NOT_ADMINS),
        get(root + "/user/soTaiChinhCanBo/profile", "soTaiChinhCanBo", selfOrAdmin, NOT_ADMINS));
  }

  /** Sở Nội vụ's task: its staff work it, another body can neither see nor touch it. */
  static List<Probe> bodyWork() {
    List<Probe> probes = new ArrayList<>();
    for (String path :
        List.of(
            "/engine-rest/task?processInstanceId={pi}",
            "/engine-rest/task/count?processInstanceId={pi}",
            "/engine-rest/task/{task}",
            "/engine-rest/task/{task}/variables",
            "/engine-rest/task/{task}/form-variables",
            "/engine-rest/task/{task}/deployed-form",
            "/engine-rest/task/{task}/identity-links",
            "/engine-rest/task/{task}/comment",
            "/engine-rest/task/{task}/attachment",
            "/engine-rest/task/{task}/form")) {
      probes.add(
          get(
              path,
              path.contains("count") ? "\"count\":1" : null,
              path.endsWith("/comment") || path.endsWith("/attachment") || path.endsWith("/form")
                  ? List.of()
                  : List.of(Actor.STAFF),
              OTHER_BODY));
    }
    probes.add(
        probe(
            "POST",
            "/engine-rest/filter/{filter}/list",
            "{}",
            "{task}",
            List.of(Actor.STAFF, Actor.LEADER),
            OTHER_BODY));
    String evil =
        "{\"userId\":\"soTaiChinhCanBo\",\"message\":\"Ý kiến\","
            + "\"variables\":{\"resultReport\":{\"value\":\"Đã xong\"}},"
            + "\"modifications\":{\"lanTruyen\":{\"value\":\"x\"}}}";
    for (String action :
        List.of("complete", "submit-form", "assignee", "delegate", "variables", "comment/create")) {
      probes.add(
          probe("POST", "/engine-rest/task/{task}/" + action, evil, null, List.of(), OTHER_BODY));
    }
    probes.add(
        probe(
            "PUT",
            "/engine-rest/task/{task}/variables/lanTruyen",
            "{\"value\":\"x\"}",
            null,
            List.of(),
            OTHER_BODY));
    probes.add(
        probe(
            "DELETE",
            "/engine-rest/task/{task}/variables/taskContent",
            null,
            null,
            List.of(),
            OTHER_BODY));
    probes.add(
        probe(
            "POST",
            "/engine-rest/task/{task}/identity-links",
            "{\"groupId\":\"soTaiChinh\",\"type\":\"candidate\"}",
            null,
            List.of(),
            OTHER_BODY));
    probes.add(
        probe(
            "DELETE",
            "/engine-rest/task/{task}",
            null,
            null,
            List.of(),
            List.of(Actor.OTHER_BODY, Actor.STAFF, Actor.COORDINATOR)));
    return probes;
  }

  /** What coordinators do: start work and directives, follow them, plan migrations. */
  static List<Probe> coordinatorWork() {
    String work =
        "{\"variables\":{\"leadBody\":{\"value\":\"soTaiChinh\"},"
            + "\"monitorBody\":{\"value\":\"bdvTU\"},\"taskContent\":{\"value\":\"Báo cáo\"},"
            + "\"deadline\":{\"value\":\"2030-12-31\"}}}";
    return List.of(
        probe(
            "POST",
            RunningDemoApp.START_ASSIGNMENT,
            work,
            "\"id\"",
            List.of(Actor.COORDINATOR),
            List.of(Actor.STAFF, Actor.LEADER, Actor.OTHER_BODY)),
        probe(
            "POST",
            "/engine-rest/process-definition/key/chiThi03XuanLoc2023/start",
            "{\"businessKey\":\"03/CT-UBND-MT\",\"variables\":{\"issuedDate\":"
                + "{\"value\":\"2023-07-12\"}}}",
            "\"id\"",
            List.of(Actor.COORDINATOR),
            BODIES),
        probe(
            "POST",
            "/engine-rest/migration/generate",
            "{\"sourceProcessDefinitionId\":\"{definition}\","
                + "\"targetProcessDefinitionId\":\"{definition}\"}",
            "instructions",
            COORDINATORS,
            BODIES),
        // Cockpit's "Công việc của người dùng": open tasks per body, for those who read every task
        get(
            "/engine-rest/task/report/candidate-group-count",
            "\"soNoiVu\"",
            COORDINATORS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.OTHER_BODY)));
  }

  /** What only the administrator does: identities, authorizations, deployments, repairs. */
  static List<Probe> administration() {
    String deployment =
        BadInputCases.multipart(
            "maTranMoi.bpmn", BadInputCases.bpmn("camunda:historyTimeToLive=\"1\"", ""));
    List<Actor> everyoneElse =
        List.of(Actor.OTHER_BODY, Actor.STAFF, Actor.LEADER, Actor.COORDINATOR);
    return List.of(
        probe(
            "POST",
            "/engine-rest/user/create",
            "{\"profile\":{\"id\":\"maTranMoi\","
                + "\"firstName\":\"Ma\",\"lastName\":\"Trận\",\"email\":\"mt@danvan.vn\"},"
                + "\"credentials\":{\"password\":\"MatKhau2026\"}}",
            null,
            ADMINS,
            NOT_ADMINS),
        probe(
            "POST",
            "/engine-rest/group/create",
            "{\"id\":\"nhomMaTran\",\"name\":\"Nhóm\",\"type\":\"WORKFLOW\"}",
            null,
            ADMINS,
            NOT_ADMINS),
        probe(
            "POST",
            "/engine-rest/tenant/create",
            "{\"id\":\"tenantMaTran\",\"name\":\"T\"}",
            null,
            ADMINS,
            NOT_ADMINS),
        probe(
            "POST",
            "/engine-rest/authorization/create",
            "{\"type\":1,"
                + "\"permissions\":[\"ALL\"],\"userId\":\"nguoiMaTran\",\"resourceType\":0,"
                + "\"resourceId\":\"*\"}",
            null,
            ADMINS,
            NOT_ADMINS),
        probe(
            "PUT",
            "/engine-rest/group/soTaiChinh/members/soNoiVuCanBo",
            null,
            null,
            List.of(),
            everyoneElse),
        probe(
            "PUT",
            "/engine-rest/user/soTaiChinhCanBo/credentials",
            "{\"password\":\"MatKhauMoi1\",\"authenticatedUserPassword\":\"demo\"}",
            null,
            List.of(),
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR)),
        probe(
            "PUT",
            "/engine-rest/user/soTaiChinhCanBo/profile",
            "{\"id\":\"soTaiChinhCanBo\",\"firstName\":\"X\",\"lastName\":\"Y\"}",
            null,
            List.of(),
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR)),
        probe("DELETE", "/engine-rest/user/soTaiChinhCanBo", null, null, List.of(), everyoneElse),
        probe("POST", "/engine-rest/deployment/create", deployment, "\"id\"", ADMINS, everyoneElse),
        probe(
            "DELETE",
            "/engine-rest/deployment/{deployment}?cascade=true",
            null,
            null,
            ADMINS,
            everyoneElse),
        probe("DELETE", "/engine-rest/process-instance/{victim}", null, null, ADMINS, everyoneElse),
        probe(
            "POST",
            "/engine-rest/process-instance/{pi}/variables",
            "{\"modifications\":{\"lanTruyen\":{\"value\":\"x\"}}}",
            null,
            ADMINS,
            everyoneElse),
        probe(
            "PUT",
            "/engine-rest/process-definition/key/assignment/suspended",
            "{\"suspended\":true,\"includeProcessInstances\":true}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "PUT",
            "/engine-rest/process-instance/{pi}/suspended",
            "{\"suspended\":true}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/modification/execute",
            "{\"processDefinitionId\":\"{definition}\",\"processInstanceIds\":[\"{pi}\"],"
                + "\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_Perform\"}]}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/migration/execute",
            "{\"migrationPlan\":{"
                + "\"sourceProcessDefinitionId\":\"{definition}\","
                + "\"targetProcessDefinitionId\":\"{definition}\",\"instructions\":[]},"
                + "\"processInstanceIds\":[\"{pi}\"]}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/process-instance/delete",
            "{\"processInstanceIds\":" + "[\"{pi}\"],\"deleteReason\":\"x\"}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/job/retries",
            "{\"jobQuery\":{\"processInstanceId\":\"{pi}\"}," + "\"retries\":0}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/message",
            "{\"messageName\":\"khongCo\",\"all\":true}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST", "/engine-rest/signal", "{\"name\":\"khongCo\"}", null, List.of(), everyoneElse),
        probe(
            "POST",
            "/engine-rest/condition",
            "{\"variables\":{\"x\":{\"value\":1}}}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/external-task/fetchAndLock",
            "{\"workerId\":\"w\","
                + "\"maxTasks\":5,\"topics\":[{\"topicName\":\"x\",\"lockDuration\":1000}]}",
            null,
            List.of(),
            everyoneElse),
        probe(
            "POST",
            "/engine-rest/filter/create",
            "{\"resourceType\":\"Task\"," + "\"name\":\"Lọc ma trận\",\"query\":{}}",
            null,
            ADMINS,
            everyoneElse),
        probe("POST", "/engine-rest/history/cleanup", null, null, List.of(), everyoneElse),
        // Tasklist offers "Tạo công việc" to those only
        probe(
            "POST",
            "/engine-rest/task/create",
            "{\"name\":\"" + MATRIX_TASK + "\"}",
            null,
            ADMINS,
            everyoneElse));
  }

  /** The board, its sheet, the consolidated report's draft, the reminder setting, the metrics. */
  static List<Probe> productApis() {
    return List.of(
        get(
            "/api/bang-theo-doi?vanBan=MT-1/BDV",
            "soNoiVu",
            List.of(Actor.COORDINATOR, Actor.ADMIN, Actor.LEADER),
            List.of(Actor.STAFF, Actor.OTHER_BODY, Actor.OTHER_LEADER)),
        get(
            "/api/bang-theo-doi/van-ban",
            "03/CT-UBND-MT",
            List.of(Actor.COORDINATOR, Actor.ADMIN),
            List.of(Actor.STAFF, Actor.OTHER_BODY)),
        get(
            "/api/bang-theo-doi/qua-han",
            "03/CT-UBND-MT",
            List.of(Actor.COORDINATOR, Actor.ADMIN, Actor.LEADER),
            List.of(Actor.STAFF, Actor.OTHER_BODY)),
        get(
            "/api/bang-theo-doi/bieu-tong-hop.xlsx?vanBan=MT-1/BDV",
            null,
            List.of(Actor.COORDINATOR, Actor.ADMIN),
            List.of(Actor.STAFF, Actor.OTHER_BODY)),
        // the draft of a consolidated report: {task} is no compile task (404), nor the others'
        get("/api/bao-cao-tong-hop/{task}.docx", null, NOBODY, SIGNED_IN),
        get("/api/bao-cao-tong-hop/{task}.xlsx", null, NOBODY, SIGNED_IN),
        get("/api/thong-bao/nhac-han", "nhacHan", SIGNED_IN, NOBODY),
        probe(
            "PUT",
            "/api/thong-bao/nhac-han",
            "{\"nhacHan\":true}",
            "nhacHan",
            List.of(Actor.STAFF),
            NOBODY),
        // checking a model deploys nothing; a deployment's warnings are read again from its files
        probe(
            "POST",
            "/api/mo-hinh/kiem-tra",
            BadInputCases.multipart(
                "file",
                "issued",
                "2026-01-02",
                "maTranKiemTra.bpmn",
                BadInputCases.bpmn("camunda:historyTimeToLive=\"1\"", "")),
            "\"warnings\"",
            ADMINS,
            List.of(Actor.OTHER_BODY, Actor.STAFF, Actor.LEADER, Actor.COORDINATOR)),
        get(
            "/api/mo-hinh/trien-khai/{models}/canh-bao",
            "\"warnings\"",
            ADMINS,
            List.of(Actor.OTHER_BODY, Actor.STAFF, Actor.LEADER, Actor.COORDINATOR)),
        // amending a directive: a dry run (nothing changes) for administrators only
        probe(
            "POST",
            "/api/van-ban/chiThi03XuanLoc2023/chuyen-phien-ban",
            "{\"dryRun\":true}",
            "\"processDefinitionKey\":\"chiThi03XuanLoc2023\"",
            ADMINS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.OTHER_BODY)),
        // a draft model from a directive's text: administrators only, nothing stored
        probe(
            "POST",
            "/api/soan-thao",
            directiveText(),
            "\"key\":\"chiThi9MaTran\"",
            ADMINS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.OTHER_BODY)),
        probe(
            "POST",
            "/api/soan-thao.bpmn",
            directiveText(),
            "id=\"chiThi9MaTran\"",
            ADMINS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.OTHER_BODY)),
        // rehearsing a directive (its own JVM, nothing of the application's changes): admins only
        get(
            "/api/dien-tap/van-ban",
            "chiThi03XuanLoc2023",
            ADMINS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.OTHER_BODY)),
        probe(
            "POST",
            "/api/dien-tap",
            rehearsal("chiThi03XuanLoc2023", "01/08/2023"),
            "\"ending\"",
            ADMINS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.COORDINATOR, Actor.OTHER_BODY)),
        get(
            "/actuator/prometheus",
            "danvan_",
            COORDINATORS,
            List.of(Actor.STAFF, Actor.LEADER, Actor.OTHER_BODY)));
  }

  /** The webapps' own APIs, through each actor's session (Tasklist, Cockpit, Admin). */
  static List<Probe> webapps() {
    String engine = "/camunda/api/engine/engine/default";
    List<Probe> probes = new ArrayList<>(membershipLookups(engine));
    probes.addAll(webappWork(engine));
    return probes;
  }

  private static List<Probe> webappWork(String engine) {
    return List.of(
        get(engine + "/task/{task}", "{task}", List.of(Actor.STAFF), OTHER_BODY),
        get(engine + "/task?processInstanceId={pi}", "{task}", List.of(Actor.STAFF), OTHER_BODY),
        get(engine + "/task/{task}/variables", "taskContent", List.of(Actor.STAFF), OTHER_BODY),
        probe(
            "POST",
            engine + "/task/{task}/submit-form",
            "{\"variables\":{\"resultReport\":{\"value\":\"Đã xong\"}}}",
            null,
            List.of(),
            OTHER_BODY),
        get(engine + "/filter?itemCount=true", "{filter}", SIGNED_IN, NOBODY),
        get(engine + "/user?id=soTaiChinhCanBo", "soTaiChinhCanBo", ADMINS, NOT_ADMINS),
        get(engine + "/authorization", null, ADMINS, NOT_ADMINS),
        get(engine + "/deployment?name=danvan-models", "danvan-models", COORDINATORS, BODIES),
        get(
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "assignment",
            COORDINATORS,
            BODIES),
        get(
            "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
                + "?subscriptionStartDate=2026-01-01&groupBy=month",
            "",
            ADMINS,
            List.of(Actor.COORDINATOR, Actor.STAFF)),
        probe(
            "POST",
            "/camunda/api/admin/setup/default/user/create",
            "{\"profile\":{\"id\":"
                + "\"keXam\",\"firstName\":\"K\",\"lastName\":\"X\"},\"credentials\":"
                + "{\"password\":\"MatKhau2026\"}}",
            null,
            List.of(),
            SIGNED_IN));
  }
}
