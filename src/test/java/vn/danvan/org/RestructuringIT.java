package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.danvan.input.Inputs;
import vn.danvan.support.Http;

/**
 * Restructuring as the people do it, over REST with their own logins: the administrator ends a body
 * and its open work moves to the successor, whose staff then see and finish it while the ended
 * body's staff no longer can; the registry file is edited and read again without a restart; bad
 * endings and bad files are refused whole. Its own application and database: the endings it
 * declares must not reach the other tests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:danvan-restructure;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "danvan.demo.directives=false"
    })
@ActiveProfiles("demo")
class RestructuringIT {

  static final String ADMIN = "demo:demo";
  static final String COORDINATOR = "bdvTUDieuPhoi:demo";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path REGISTRY = registryCopy();

  @LocalServerPort int port;
  @Autowired FilterService filters;
  Http http;

  @DynamicPropertySource
  static void registry(DynamicPropertyRegistry properties) {
    properties.add("danvan.org.registry", () -> "file:" + REGISTRY);
  }

  /** The demo province in a file the test may edit, as an administrator edits theirs. */
  private static Path registryCopy() {
    try {
      Path file = Files.createTempFile("danvan-registry", ".yaml");
      Files.write(file, new ClassPathResource("org/demo-province.yaml").getContentAsByteArray());
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
  }

  /** An assignment a coordinator gives a body; the id of its instance. */
  private String assign(String leadBody, String content) throws IOException {
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/assignment/start",
            COORDINATOR,
            """
            {"businessKey": "CV-TC-1", "variables": {
              "leadBody": {"value": "%s"}, "monitorBody": {"value": "bdvTU"},
              "taskContent": {"value": "%s"}, "deadline": {"value": "%s"},
              "leaderReview": {"value": false}, "confirmation": {"value": false}}}\
            """
                .formatted(leadBody, content, today().plusDays(20)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return JSON.readTree(started.body()).path("id").asText();
  }

  /** The tasks a person sees in Tasklist's "Việc của đơn vị tôi". */
  private JsonNode myBodysTasks(String user) throws IOException {
    String filter =
        filters.createFilterQuery().filterName(IdentitySync.FILTER_MY_BODY).singleResult().getId();
    Http.Reply list = http.postJson("/engine-rest/filter/" + filter + "/list", user, "{}");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body());
  }

  private static boolean lists(JsonNode tasks, String instance) {
    for (JsonNode task : tasks) {
      if (task.path("processInstanceId").asText().equals(instance)) {
        return true;
      }
    }
    return false;
  }

  private String taskOf(String instance, String user) throws IOException {
    for (JsonNode task : myBodysTasks(user)) {
      if (task.path("processInstanceId").asText().equals(instance)) {
        return task.path("id").asText();
      }
    }
    throw new AssertionError("no task of " + instance + " for " + user);
  }

  private Http.Reply end(String user, String body, String json) {
    return http.postJson("/api/to-chuc/don-vi/" + body + "/ket-thuc", user, json);
  }

  @Test
  void anEndedBodysWorkMovesToItsSuccessorWhoseStaffFinishIt() throws IOException {
    // work the body finished before it ended: its history
    String finished = assign("hoiCCBTinh", "Tổng kết phong trào năm trước");
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + taskOf(finished, "hoiCCBTinhCanBo:demo") + "/complete",
                    "hoiCCBTinhCanBo:demo",
                    """
                    {"variables": {"requestExtension": {"value": false},
                      "resultReport": {"value": "Đã tổng kết"}}}\
                    """)
                .status())
        .isEqualTo(204);
    String instance = assign("hoiCCBTinh", "Báo cáo kết quả vận động hội viên");
    String task = taskOf(instance, "hoiCCBTinhCanBo:demo");
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task + "/claim",
                    "hoiCCBTinhCanBo:demo",
                    "{\"userId\": \"hoiCCBTinhCanBo\"}")
                .status())
        .isEqualTo(204);
    String ending =
        """
        {"validTo": "%s", "successors": ["mttqTinh"], "reason": "Hội sáp nhập vào Mặt trận"%s}\
        """;
    String yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString();

    // only an administrator, signed in
    assertThat(end(null, "hoiCCBTinh", ending.formatted(yesterday, "")).status()).isEqualTo(401);
    Http.Reply notAdmin = end(COORDINATOR, "hoiCCBTinh", ending.formatted(yesterday, ""));
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.body()).contains("quản trị");

    // the dry run lists what will move and changes nothing
    Http.Reply dryRun = end(ADMIN, "hoiCCBTinh", ending.formatted(yesterday, ", \"dryRun\": true"));
    assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
    JsonNode planned = JSON.readTree(dryRun.body());
    assertThat(planned.path("heir").asText()).isEqualTo("mttqTinh");
    assertThat(planned.path("work").path("instances").asInt()).isEqualTo(1);
    assertThat(planned.path("work").path("tasks").asInt()).isEqualTo(1);
    assertThat(planned.path("work").path("holdings").get(0).path("processInstanceId").asText())
        .isEqualTo(instance);
    assertThat(lists(myBodysTasks("hoiCCBTinhCanBo:demo"), instance)).isTrue();
    assertThat(lists(myBodysTasks("mttqTinhCanBo:demo"), instance)).isFalse();

    Http.Reply ended = end(ADMIN, "hoiCCBTinh", ending.formatted(yesterday, ""));
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(JSON.readTree(ended.body()).path("work").path("tasks").asInt()).isEqualTo(1);

    // the successor's staff see it in Tasklist's filter and finish it; the task says why
    assertThat(lists(myBodysTasks("mttqTinhCanBo:demo"), instance)).isTrue();
    assertThat(lists(myBodysTasks("hoiCCBTinhCanBo:demo"), instance)).isFalse();
    Http.Reply comments = http.get("/engine-rest/task/" + task + "/comment", ADMIN);
    assertThat(comments.body())
        .contains(
            "Chuyển từ Hội Cựu chiến binh tỉnh (hoiCCBTinh) sang", "Hội sáp nhập vào Mặt trận");
    // the ended body's staff member who had claimed it can no longer read or finish it
    assertThat(http.get("/engine-rest/task/" + task, "hoiCCBTinhCanBo:demo").status())
        .isIn(403, 404);
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + task + "/complete",
                    "hoiCCBTinhCanBo:demo",
                    "{\"variables\": {\"resultReport\": {\"value\": \"x\"}}}")
                .status())
        .isIn(403, 404);
    Http.Reply done =
        http.postJson(
            "/engine-rest/task/" + task + "/complete",
            "mttqTinhCanBo:demo",
            """
            {"variables": {"requestExtension": {"value": false},
              "resultReport": {"value": "Đã vận động 120 hội viên tham gia"}}}\
            """);
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    // the record: from, to, why, which instance
    Http.Reply record = http.get("/api/to-chuc/chuyen-giao?donVi=hoiCCBTinh", ADMIN);
    assertThat(record.status()).isEqualTo(200);
    JsonNode move = JSON.readTree(record.body()).get(0);
    assertThat(move.path("from").asText()).isEqualTo("hoiCCBTinh");
    assertThat(move.path("to").asText()).isEqualTo("mttqTinh");
    assertThat(move.path("processInstanceId").asText()).isEqualTo(instance);
    assertThat(move.path("reason").asText()).isEqualTo("Hội sáp nhập vào Mặt trận");
    assertThat(move.path("by").asText()).isEqualTo("demo");

    // history stays true: the finished work is the ended body's, shown as ended with its
    // successor, whose leaders read it; the moved work is the successor's
    Http.Reply board = http.get("/api/bang-theo-doi?vanBan=CV-TC-1", "mttqTinhLanhDao:demo");
    assertThat(board.status()).as(board.body()).isEqualTo(200);
    JsonNode view = JSON.readTree(board.body());
    JsonNode old = null;
    for (JsonNode body : view.path("bodies")) {
      if (body.path("body").asText().equals("hoiCCBTinh")) {
        old = body;
      }
    }
    assertThat(old).as(board.body()).isNotNull();
    assertThat(old.path("ended").asText()).isEqualTo(Inputs.day(today().minusDays(1)));
    assertThat(old.path("successorName").asText())
        .isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    for (JsonNode item : view.path("items")) {
      String expected =
          item.path("instanceId").asText().equals(finished) ? "hoiCCBTinh" : "mttqTinh";
      assertThat(item.path("body").asText()).as(item.toString()).isEqualTo(expected);
    }
    assertThat(view.path("items")).hasSize(2);

    // no new work for the ended body: the demo routes it to the successor (endedBodyPolicy)
    String next = assign("hoiCCBTinh", "Việc giao sau khi hội đã kết thúc");
    assertThat(lists(myBodysTasks("mttqTinhCanBo:demo"), next)).isTrue();
    assertThat(lists(myBodysTasks("hoiCCBTinhCanBo:demo"), next)).isFalse();
  }

  @Test
  void badEndingsAreRefusedWithAPreciseMessageAndChangeNothing() throws IOException {
    String yesterday = today().minusDays(1).toString();
    Http.Reply unknown =
        end(
            ADMIN,
            "soTaiChinh",
            "{\"validTo\": \"" + yesterday + "\", \"successors\": [\"khongCo\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body())
        .contains(
            "Đơn vị kế thừa \\\"khongCo\\\" không có trong sổ đăng ký" + " tổ chức (successors)");

    Http.Reply endedSuccessor =
        end(
            ADMIN,
            "soTaiChinh",
            "{\"validTo\": \"" + yesterday + "\", \"successors\": [\"phongNoiVuXuanLoc\"]}");
    assertThat(endedSuccessor.status()).isEqualTo(400);
    assertThat(endedSuccessor.body())
        .contains(
            "đơn vị kế thừa \\\"phongNoiVuXuanLoc\\\" của" + " \\\"soTaiChinh\\\" đã kết thúc");

    // tinhDoan → soTaiChinh in a month is fine; then soTaiChinh → tinhDoan would close a cycle
    String later = today().plusDays(30).toString();
    Http.Reply first =
        end(
            ADMIN,
            "tinhDoan",
            "{\"validTo\": \"" + later + "\", \"successors\": [\"soTaiChinh\"]}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).path("movesNow").asBoolean()).isFalse();
    Http.Reply cycle =
        end(
            ADMIN,
            "soTaiChinh",
            "{\"validTo\": \"" + today().plusDays(60) + "\", \"successors\": \"tinhDoan\"}");
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.body()).contains("vòng lặp: soTaiChinh → tinhDoan → soTaiChinh");
    Http.Reply noSuccessor = end(ADMIN, "tinhDoan", "{\"validTo\": \"" + later + "\"}");
    assertThat(noSuccessor.status()).isEqualTo(400);
    assertThat(noSuccessor.body()).contains("(successors)");
    Http.Reply badDate =
        end(ADMIN, "tinhDoan", "{\"validTo\": \"31/02/2025\", \"successors\": [\"soTaiChinh\"]}");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.body()).contains("(validTo)");
    Http.Reply unknownBody =
        end(ADMIN, "khongCo", "{\"validTo\": \"" + later + "\", \"successors\": [\"soTaiChinh\"]}");
    assertThat(unknownBody.status()).isEqualTo(400);
    assertThat(http.get("/api/to-chuc/chuyen-giao?donVi=soTaiChinh", ADMIN).body()).isEqualTo("[]");
  }

  @Test
  void theRegistryFileIsReadAgainWithoutARestartAndABadOneChangesNothing() throws IOException {
    String original = Files.readString(REGISTRY, StandardCharsets.UTF_8);
    try {
      String instance = assign("daiPTTH", "Phát sóng chuyên mục Dân vận khéo");
      assertThat(lists(myBodysTasks("daiPTTHCanBo:demo"), instance)).isTrue();

      // removing a body that still holds open work: refused, nothing changes
      String withoutDai =
          original
              .replaceAll("(?m)^  - id: daiPTTH\\n(    .*\\n)+", "")
              .replaceAll("(?m)^  - id: daiPTTH(LanhDao|CanBo)\\n(    .*\\n)+", "");
      Files.writeString(REGISTRY, withoutDai, StandardCharsets.UTF_8);
      Http.Reply removed = http.postJson("/api/to-chuc/tai-lai", ADMIN, "{}");
      assertThat(removed.status()).as(removed.body()).isEqualTo(400);
      assertThat(removed.body()).contains("\\\"daiPTTH\\\"", "1 hồ sơ đang mở");

      // a cycle of successors: refused with the bodies named
      String cycle =
          original
              .replace(
                  "    type: suNghiep\n    parent: ubndTinh\n",
                  "    type: suNghiep\n    parent: ubndTinh\n    validTo: 2026-01-31\n"
                      + "    successor: baoTinh\n")
              .replace(
                  "    type: suNghiep\n    parent: bdvTU\n",
                  "    type: suNghiep\n    parent: bdvTU\n    validTo: 2026-03-31\n"
                      + "    successor: daiPTTH\n");
      assertThat(cycle).contains("successor: baoTinh", "successor: daiPTTH");
      Files.writeString(REGISTRY, cycle, StandardCharsets.UTF_8);
      Http.Reply cyclic = http.postJson("/api/to-chuc/tai-lai", ADMIN, "{}");
      assertThat(cyclic.status()).as(cyclic.body()).isEqualTo(400);
      assertThat(cyclic.body()).contains("vòng lặp");
      assertThat(lists(myBodysTasks("daiPTTHCanBo:demo"), instance)).isTrue();

      // the file ends Đài PT-TH yesterday, merged into Báo tỉnh: reloaded, the work moves
      String merged =
          original.replace(
              "    type: suNghiep\n    parent: ubndTinh\n",
              "    type: suNghiep\n    parent: ubndTinh\n    validTo: "
                  + today().minusDays(1)
                  + "\n    successor: baoTinh\n");
      Files.writeString(REGISTRY, merged, StandardCharsets.UTF_8);
      assertThat(http.postJson("/api/to-chuc/tai-lai", COORDINATOR, "{}").status()).isEqualTo(403);
      Http.Reply reloaded = http.postJson("/api/to-chuc/tai-lai", ADMIN, "{}");
      assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
      assertThat(lists(myBodysTasks("baoTinhCanBo:demo"), instance)).isTrue();
      assertThat(lists(myBodysTasks("daiPTTHCanBo:demo"), instance)).isFalse();

      // where the administrator refuses work for ended bodies: a start naming one gets 400
      Files.writeString(
          REGISTRY,
          merged.replace("endedBodyPolicy: successor", "endedBodyPolicy: refuse"),
          StandardCharsets.UTF_8);
      assertThat(http.postJson("/api/to-chuc/tai-lai", ADMIN, "{}").status()).isEqualTo(200);
      Http.Reply refused =
          http.postJson(
              "/engine-rest/process-definition/key/assignment/start",
              COORDINATOR,
              """
              {"variables": {"leadBody": {"value": "soNoiVu"}, "monitorBody": {"value": "daiPTTH"},
                "taskContent": {"value": "Việc mới"}}}\
              """);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body())
          .contains(
              "Đơn vị theo dõi \\\"daiPTTH\\\"",
              "đã kết thúc hoạt động ngày " + Inputs.day(today().minusDays(1)),
              "đơn vị kế thừa: Báo tỉnh (baoTinh)",
              "(assignment › StartEvent_TaskAssigned \\\"Nhiệm vụ được giao\\\", trường"
                  + " monitorBody)");
    } finally {
      Files.writeString(REGISTRY, original, StandardCharsets.UTF_8);
      assertThat(http.postJson("/api/to-chuc/tai-lai", ADMIN, "{}").status()).isEqualTo(200);
    }
  }
}
