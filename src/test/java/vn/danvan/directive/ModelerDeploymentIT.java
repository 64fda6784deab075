package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningDemoApp;

/**
 * A directive deployed from Camunda Modeler 5 to the running application: the same multipart
 * request the Modeler sends ({@code deployment-name}, {@code deployment-source} "Camunda Modeler",
 * {@code enable-duplicate-filtering}, the diagram in a part named after its file, {@code text/xml})
 * with HTTP Basic as the demo administrator; a staff member may not deploy; a directive without its
 * start checks is refused naming the file.
 */
class ModelerDeploymentIT extends RunningDemoApp {

  static final String ADMIN = "demo:demo";
  static final String DEPLOY = "/engine-rest/deployment/create";
  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired RepositoryService repository;

  /** One item of a test directive: an assignment to Sở Nội vụ, monitored by Ban Dân vận. */
  record Item(String id, String name, String deadlinePhrase) {}

  /** A small directive as the templates make it: "Văn bản được ban hành", then the items. */
  static String directive(String key, Item... items) {
    StringBuilder flow =
        new StringBuilder(
            "<bpmn:startEvent id=\"StartEvent_DirectiveIssued\" name=\"Văn bản được ban hành\""
                + " camunda:modelerTemplate=\"vn.danvan.event.directiveIssued\""
                + " camunda:modelerTemplateVersion=\"1\""
                + " camunda:formKey=\"embedded:deployment:forms/khoiTaoVanBan.html\">"
                + "<bpmn:extensionElements>"
                + "<camunda:executionListener delegateExpression=\"${directiveStarted}\""
                + " event=\"start\"/></bpmn:extensionElements></bpmn:startEvent>");
    String previous = "StartEvent_DirectiveIssued";
    for (Item item : items) {
      flow.append(sequence(previous, item.id()))
          .append("<bpmn:callActivity id=\"")
          .append(item.id())
          .append("\" name=\"")
          .append(item.name())
          .append(
              "\" calledElement=\"assignment\" camunda:calledElementBinding=\"latest\""
                  + " camunda:modelerTemplate=\"vn.danvan.block.assignment\""
                  + " camunda:modelerTemplateVersion=\"2\"><bpmn:extensionElements>"
                  + "<camunda:in businessKey=\"#{execution.processBusinessKey}\"/>"
                  + "<camunda:in source=\"issuedDate\" target=\"issuedDate\"/>"
                  + "<camunda:in source=\"replayYears\" target=\"replayYears\"/>"
                  + "<camunda:in sourceExpression=\"")
          .append(item.name())
          .append(
              "\" target=\"taskContent\"/>"
                  + "<camunda:in sourceExpression=\"soNoiVu\" target=\"leadBody\"/>"
                  + "<camunda:in sourceExpression=\"bdvTU\" target=\"monitorBody\"/>"
                  + "<camunda:in sourceExpression=\"")
          .append(item.deadlinePhrase())
          .append(
              "\" target=\"deadlinePhrase\"/>"
                  + "<camunda:in sourceExpression=\"3\" target=\"reminderDays\"/>"
                  + "<camunda:in sourceExpression=\"P7D\" target=\"chaseInterval\"/>"
                  + "</bpmn:extensionElements></bpmn:callActivity>");
      previous = item.id();
    }
    flow.append(sequence(previous, "EndEvent_DirectiveClosed"))
        .append(
            "<bpmn:endEvent id=\"EndEvent_DirectiveClosed\" name=\"Văn bản đã thực hiện xong\"/>");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_"
        + key
        + "\" targetNamespace=\"http://bpmn.io/schema/bpmn\" exporter=\"Camunda Modeler\""
        + " exporterVersion=\"5.31.0\"><bpmn:process id=\""
        + key
        + "\" name=\"Văn bản thử nghiệm\" isExecutable=\"true\""
        + " camunda:historyTimeToLive=\"3650\">"
        + flow
        + "</bpmn:process></bpmn:definitions>";
  }

  private static String sequence(String from, String to) {
    return "<bpmn:sequenceFlow id=\"Flow_To_"
        + to
        + "\" sourceRef=\""
        + from
        + "\" targetRef=\""
        + to
        + "\"/>";
  }

  /** The request Camunda Modeler 5 sends for "Deploy" to a Camunda 7 endpoint with Basic auth. */
  static Http.Reply deployAsModeler(Http http, String user, String fileName, String bpmn) {
    String boundary = "----WebKitFormBoundaryDanVan" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    String[] fields = {
      "deployment-name", fileName.replace(".bpmn", ""),
      "deployment-source", "Camunda Modeler",
      "enable-duplicate-filtering", "true"
    };
    for (int i = 0; i < fields.length; i += 2) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(fields[i])
          .append("\"\r\n\r\n")
          .append(fields[i + 1])
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"")
        .append(fileName)
        .append("\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: text/xml\r\n\r\n")
        .append(bpmn)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return http.send(
        "POST", DEPLOY, user, "multipart/form-data; boundary=" + boundary, body.toString());
  }

  /** Starts the directive {@code key} as the coordinator, numbered, issued today; its id. */
  static String start(Http http, String key, String number) {
    Http.Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/" + key + "/start",
            COORDINATOR,
            "{\"businessKey\":\""
                + number
                + "\",\"variables\":{\"issuedDate\":{\"value\":\""
                + LocalDate.now(VN)
                + "\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void anAdministratorDeploysADirectiveFromModelerAndItStartsWithItsNumberAndDate()
      throws Exception {
    String key = "vanBanModeler" + System.nanoTime() % 1_000_000;
    String bpmn =
        directive(key, new Item("CallActivity_Plan", "1. Xây dựng kế hoạch", "trong 30 ngày"));

    // a staff member may not deploy (authorization on)
    Http.Reply staff = deployAsModeler(http, STAFF, key + ".bpmn", bpmn);
    assertThat(staff.status()).as(staff.body()).isEqualTo(403);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();

    Http.Reply deployed = deployAsModeler(http, ADMIN, key + ".bpmn", bpmn);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    JsonNode deployment = JSON.readTree(deployed.body());
    assertThat(deployment.get("source").asText()).isEqualTo("Camunda Modeler");
    assertThat(deployment.get("deployedProcessDefinitions").toString()).contains(key);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult())
        .satisfies(definition -> assertThat(definition.getVersion()).isOne());

    // deploying the same file again (Modeler's duplicate filtering) adds no version
    Http.Reply again = deployAsModeler(http, ADMIN, key + ".bpmn", bpmn);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("id").asText())
        .isEqualTo(deployment.get("id").asText());
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();

    // the start form travels with the diagram: Tasklist finds it in the model's own deployment
    Http.Reply form =
        http.get(
            "/engine-rest/process-definition/key/" + key + "/deployed-start-form", COORDINATOR);
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("soKyHieu");

    // startable with a number and a date; without the number refused
    String number = "7/CT-UBND-" + System.nanoTime() % 100_000;
    String instance = start(http, key, number);
    assertThat(http.get("/engine-rest/process-instance/" + instance, COORDINATOR).body())
        .contains(number);
    Http.Reply unnumbered =
        http.postJson(
            "/engine-rest/process-definition/key/" + key + "/start",
            COORDINATOR,
            "{\"variables\":{\"issuedDate\":{\"value\":\"" + LocalDate.now(VN) + "\"}}}");
    assertThat(unnumbered.status()).as(unnumbered.body()).isEqualTo(400);
    assertThat(unnumbered.body()).contains("Số, ký hiệu văn bản là bắt buộc");
  }

  @Test
  void aDirectiveWithoutItsStartChecksIsRefusedNamingTheFile() {
    String key = "vanBanThieuKiemTra" + System.nanoTime() % 1_000_000;
    String bpmn =
        directive(key, new Item("CallActivity_Plan", "1. Xây dựng kế hoạch", "trong 30 ngày"))
            .replaceAll(
                "<bpmn:extensionElements><camunda:executionListener[^/]*/>"
                    + "</bpmn:extensionElements>",
                "");
    Http.Reply refused = deployAsModeler(http, ADMIN, key + ".bpmn", bpmn);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body())
        .contains(key + ".bpmn, phần tử StartEvent_DirectiveIssued")
        .contains("trường camunda:executionListener: quy trình " + key)
        .contains("phải kiểm tra số và ngày ban hành");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }
}
