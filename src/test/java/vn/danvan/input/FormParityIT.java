package vn.danvan.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.FormAnswers;
import vn.danvan.support.FormAnswers.Violation;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/**
 * Every field of every form in {@code forms/}, answered over REST by a body's staff member with
 * authorization on: each value the form refuses ({@link FormAnswers}, the tests' own reading of the
 * form) is refused by the server with 400 and the field's Vietnamese label, and changes nothing;
 * the answer the form accepts completes the task. Each form is shown on a one-task process of its
 * own offered to Sở Nội vụ, so that every form is reached whatever model uses it.
 */
class FormParityIT extends RunningDemoApp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERSON = STAFF;

  @Autowired ProcessEngine engine;

  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theServerRefusesWhatTheFormRefusesWithTheFieldsLabelAndAcceptsWhatItAccepts()
      throws Exception {
    Map<String, JsonNode> forms = FormAnswers.forms(Path.of("forms"));
    DeploymentBuilder models = engine.getRepositoryService().createDeployment().name("formParity");
    for (JsonNode form : forms.values()) {
      String id = form.get("id").asText();
      models.addString(processId(id) + ".bpmn", definitions(process(id)));
    }
    deployment = models.deploy();

    List<String> misses = new ArrayList<>();
    int probes = 0;
    int fields = 0;
    for (Map.Entry<String, JsonNode> entry : forms.entrySet()) {
      JsonNode form = entry.getValue();
      for (JsonNode field : FormAnswers.inputs(form)) {
        fields++;
        String where = entry.getKey() + " " + FormAnswers.key(field);
        Map<String, Object> answer = FormAnswers.answerShowing(form, field);
        if (answer == null) {
          misses.add(where + ": no values show it");
          continue;
        }
        Task task = open(form.get("id").asText(), startVariables(answer, form));
        String base = "/engine-rest/task/" + task.getId();
        Reply claim =
            http.postJson(base + "/claim", PERSON, "{\"userId\":\"" + PERSON.split(":")[0] + "\"}");
        assertThat(claim.status()).as(where + " claim " + claim.body()).isEqualTo(204);
        for (Violation violation : FormAnswers.violations(field)) {
          probes++;
          Map<String, Object> wrong = new HashMap<>(answer);
          wrong.put(FormAnswers.key(field), violation.value());
          Reply reply = http.postJson(base + "/complete", PERSON, variables(wrong));
          String refusal =
              reply.status() == 400 ? JSON.readTree(reply.body()).path("message").asText() : "";
          boolean longerThanKept =
              violation.rule().equals("maxLength")
                  && ((String) violation.value()).length() > FormRules.MAX_TEXT;
          boolean named =
              longerThanKept
                  ? refusal.endsWith("(" + FormAnswers.key(field) + ")")
                  : refusal.startsWith(FormAnswers.label(field))
                      && refusal.contains("(" + FormAnswers.key(field) + ")");
          if (!named) {
            misses.add(where + " " + violation.rule() + ": " + reply.status() + " " + reply.body());
          }
          if (engine.getTaskService().createTaskQuery().taskId(task.getId()).count() != 1
              || !engine
                  .getRuntimeService()
                  .getVariables(task.getExecutionId())
                  .keySet()
                  .equals(startVariables(answer, form).keySet())) {
            misses.add(where + " " + violation.rule() + ": something was saved");
          }
        }
        Reply done = http.postJson(base + "/complete", PERSON, variables(answer));
        if (done.status() != 204) {
          misses.add(where + ": the valid answer got " + done.status() + " " + done.body());
        }
      }
    }
    System.out.printf(
        "form parity: %d forms, %d fields, %d refusals probed, %d misses%n",
        forms.size(), fields, probes, misses.size());
    assertThat(misses).isEmpty();
    assertThat(fields).as("fields walked").isGreaterThan(40);
    assertThat(probes).as("refusals probed").isGreaterThan(60);
  }

  @Test
  void aTwoLetterReportSentFromTasklistIsRefusedWithTheFieldsLabel() throws Exception {
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name("formParity")
            .addString("formParity.bpmn", definitions(process("form_thucHienNhiemVu")))
            .deploy();
    Task task = open("form_thucHienNhiemVu", Map.of());
    assertThat(http.loginToWebapp("tasklist", "soNoiVuCanBo", "demo").status()).isEqualTo(200);
    Reply reply =
        http.postInSession(
            "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
            "{\"variables\":{\"resultReport\":{\"value\":\"ok\"},"
                + "\"requestExtension\":{\"value\":false}}}",
            false);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(JSON.readTree(reply.body()).path("message").asText())
        .isEqualTo("Báo cáo kết quả thực hiện phải có ít nhất 10 ký tự (hiện có 2) (resultReport)");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  /** A new instance of the form's process, with these variables. */
  private Task open(String formId, Map<String, Object> variables) {
    String instance =
        engine.getRuntimeService().startProcessInstanceByKey(processId(formId), variables).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
  }

  /**
   * The variables the instance starts with: the values that show the field and the lists of
   * choices, but none of the form's own fields (those are the person's answer).
   */
  private static Map<String, Object> startVariables(Map<String, Object> answer, JsonNode form) {
    Map<String, Object> start = new HashMap<>();
    List<String> fields = FormAnswers.inputs(form).stream().map(FormAnswers::key).toList();
    answer.forEach(
        (name, value) -> {
          if (!fields.contains(name)) {
            start.put(
                name,
                value instanceof String s && s.startsWith("[")
                    ? SpinValues.jsonValue(s).create()
                    : value);
          }
        });
    return start;
  }

  /** The answer as the REST API takes it; lists as JSON. */
  private static String variables(Map<String, Object> answer) {
    ObjectNode variables = JSON.createObjectNode();
    answer.forEach(
        (name, value) -> {
          ObjectNode v = variables.putObject(name);
          if (value instanceof List<?> list) {
            v.put("type", "Json").put("value", JSON.valueToTree(list).toString());
          } else {
            v.set("value", JSON.valueToTree(value));
          }
        });
    return JSON.createObjectNode().set("variables", variables).toString();
  }

  private static String processId(String formId) {
    return "formParity_" + formId.replaceAll("\\W", "_");
  }

  private static String process(String formId) {
    String id = processId(formId);
    return "<bpmn:process id=\""
        + id
        + "\" name=\"Biểu mẫu "
        + formId
        + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"StartEvent_1\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"Task_1\"/>"
        + "<bpmn:userTask id=\"Task_1\" name=\"Trả lời\" camunda:candidateGroups=\"soNoiVu\""
        + " camunda:formRef=\""
        + formId
        + "\" camunda:formRefBinding=\"latest\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_1\" targetRef=\"EndEvent_1\"/>"
        + "<bpmn:endEvent id=\"EndEvent_1\"/></bpmn:process>";
  }

  private static String definitions(String processes) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_formParity\""
        + " targetNamespace=\"http://danvan.vn/test\">"
        + processes
        + "</bpmn:definitions>";
  }
}
