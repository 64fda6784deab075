package vn.danvan.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.engine.ModelChecks;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/**
 * The checks a deployment runs, over REST as the demo administrator with authorization on: the
 * check endpoint answers a model's errors and warnings and deploys nothing; a deployment with only
 * warnings goes ahead, logs them and answers them afterwards; staff get 403, anonymous 401.
 */
class ModelCheckIT extends RunningDemoApp {

  static final String ADMIN = "demo:demo";
  static final String CHECK = "/api/mo-hinh/kiem-tra";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repository;

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = new ClassPathResource("fixtures/model-checks/" + name).getInputStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void theCheckAnswersErrorsAndWarningsWithElementAndFieldAndDeploysNothing() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    Reply reply =
        http.postPart(
            CHECK,
            ADMIN,
            "file",
            "errors-and-warnings.bpmn",
            fixture("errors-and-warnings.bpmn"),
            "issued",
            "01/01/2016");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(reply.body());
    assertThat(answer.path("file").asText()).isEqualTo("errors-and-warnings.bpmn");
    assertThat(answer.path("errors")).hasSize(2);
    JsonNode unknown = answer.path("errors").get(0);
    if (!unknown.path("field").asText().equals("leadBody")) {
      unknown = answer.path("errors").get(1);
    }
    assertThat(unknown.path("element").asText())
        .isEqualTo("CallActivity_Plan \"1. Xây dựng kế hoạch\"");
    assertThat(unknown.path("field").asText()).isEqualTo("leadBody");
    assertThat(unknown.path("message").asText())
        .isEqualTo("đơn vị \"soKhongCo\" không có trong sổ đăng ký tổ chức");
    assertThat(answer.path("warnings").toString())
        .contains("\"field\":\"deadlinePhrase\"")
        .contains("trước ngày ban hành 25/07/2016")
        .contains("đã chuyển thành Sở Nông nghiệp và Môi trường (soNNMT)");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aModelWithoutAnIssueDateIsReadAgainstTheOneAsked() throws Exception {
    byte[] model = fixture("deadline-before-today.bpmn");
    Reply today = http.postPart(CHECK, ADMIN, "file", "a.bpmn", model);
    assertThat(JSON.readTree(today.body()).path("warnings").toString())
        .contains("mô hình không nêu ngày ban hành");
    Reply asked = http.postPart(CHECK, ADMIN, "file", "a.bpmn", model, "issued", "2020-01-02");
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    assertThat(JSON.readTree(asked.body()).path("warnings")).isEmpty();
  }

  @Test
  void aDeploymentWithOnlyWarningsGoesAheadAndItsWarningsComeBack() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger(ModelChecks.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    String id;
    try {
      Reply deployed =
          http.postFile(
              "/engine-rest/deployment/create",
              ADMIN,
              "warnings-only.bpmn",
              fixture("warnings-only.bpmn"),
              "deployment-name",
              "canh-bao-thu-nghiem");
      assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
      id = JSON.readTree(deployed.body()).path("id").asText();
    } finally {
      log.detachAppender(logged);
    }
    try {
      assertThat(logged.list)
          .anySatisfy(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage())
                    .contains("canh-bao-thu-nghiem")
                    .contains("warnings-only.bpmn, phần tử CallActivity_Plan")
                    .contains("đã chuyển thành");
              });
      String path = "/api/mo-hinh/trien-khai/" + id + "/canh-bao";
      Reply warnings = http.get(path, ADMIN);
      assertThat(warnings.status()).as(warnings.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(warnings.body());
      assertThat(answer.path("name").asText()).isEqualTo("canh-bao-thu-nghiem");
      assertThat(answer.path("warnings")).hasSize(1);
      JsonNode warning = answer.path("warnings").get(0);
      assertThat(warning.path("file").asText()).isEqualTo("warnings-only.bpmn");
      assertThat(warning.path("field").asText()).isEqualTo("leadBody");
      assertThat(warning.path("message").asText()).contains("đã chuyển thành");

      assertThat(http.get(path, STAFF).status()).isEqualTo(403);
      assertThat(http.get(path, null).status()).isEqualTo(401);
      assertThat(http.get("/api/mo-hinh/trien-khai/khongCo/canh-bao", ADMIN).status())
          .isEqualTo(404);
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  @Test
  void onlyAdministratorsCheckModels() throws Exception {
    byte[] model = fixture("clean.bpmn");
    Reply staff = http.postPart(CHECK, STAFF, "file", "clean.bpmn", model);
    assertThat(staff.status()).as(staff.body()).isEqualTo(403);
    assertThat(staff.body()).contains("Chỉ quản trị hệ thống");
    assertThat(http.postPart(CHECK, null, "file", "clean.bpmn", model).status()).isEqualTo(401);
    Reply admin = http.postPart(CHECK, ADMIN, "file", "clean.bpmn", model);
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(admin.body()).contains("\"errors\":[]").contains("\"warnings\":[]");
  }
}
