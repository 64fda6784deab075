package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a restart deploys: nothing when nothing changed; a changed model with the embedded forms it
 * shows; a changed embedded form with every model that shows it (an embedded form is read from the
 * model's own deployment, so a model deployed without it would show no form).
 */
class ModelDeployerChangesTest {

  private ProcessEngine engine;
  private RepositoryService repository;
  private final Map<String, byte[]> files = new TreeMap<>();

  @BeforeEach
  void engine() {
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:deployer-" + UUID.randomUUID())
            .setProcessEngineName("deployer-" + UUID.randomUUID())
            .setJobExecutorActivate(false)
            .buildProcessEngine();
    repository = engine.getRepositoryService();
    files.put("processes/sheet.bpmn", process("sheet", "embedded:deployment:forms/sheet.html", 1));
    files.put("processes/plain.bpmn", process("plain", null, 1));
    files.put("forms/sheet.html", "<form>1</form>".getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void onlyWhatChangedGoesOutWithTheFormsItShowsAndTheModelsThatShowIt() throws Exception {
    assertThat(ModelDeployer.deploy(repository, files)).hasSize(2);
    assertThat(ModelDeployer.deploy(repository, files)).as("nothing changed").isEmpty();
    assertThat(repository.createDeploymentQuery().count()).isOne();

    // the plain model changes: it alone goes out
    files.put("processes/plain.bpmn", process("plain", null, 2));
    assertThat(ModelDeployer.deploy(repository, files)).hasSize(1);
    assertThat(names(latest("plain"))).containsExactly("processes/plain.bpmn");

    // the sheet's model changes: it goes out with its form, though the form did not change
    files.put("processes/sheet.bpmn", process("sheet", "embedded:deployment:forms/sheet.html", 2));
    assertThat(ModelDeployer.deploy(repository, files)).hasSize(1);
    assertThat(names(latest("sheet"))).containsExactly("forms/sheet.html", "processes/sheet.bpmn");

    // the form changes: the model that shows it goes out with it and shows the new form
    files.put("forms/sheet.html", "<form>2</form>".getBytes(StandardCharsets.UTF_8));
    assertThat(ModelDeployer.deploy(repository, files)).hasSize(1);
    ProcessDefinition sheet = latest("sheet");
    assertThat(sheet.getVersion()).isEqualTo(3);
    assertThat(names(sheet)).containsExactly("forms/sheet.html", "processes/sheet.bpmn");
    assertThat(
            new String(
                repository
                    .getResourceAsStream(sheet.getDeploymentId(), "forms/sheet.html")
                    .readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo("<form>2</form>");
    assertThat(latest("plain").getVersion()).as("untouched").isEqualTo(2);
    assertThat(ModelDeployer.deploy(repository, files)).isEmpty();
  }

  private ProcessDefinition latest(String key) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult();
  }

  private java.util.List<String> names(ProcessDefinition definition) {
    return repository.getDeploymentResourceNames(definition.getDeploymentId()).stream()
        .sorted()
        .toList();
  }

  private static byte[] process(String key, String formKey, int revision) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d_"
            + key
            + "\" targetNamespace=\"t\"><bpmn:process id=\""
            + key
            + "\" name=\"Bản "
            + revision
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + "<bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"f1\" sourceRef=\"s\""
            + " targetRef=\"t\"/><bpmn:userTask id=\"t\""
            + (formKey == null ? "" : " camunda:formKey=\"" + formKey + "\"")
            + "/><bpmn:sequenceFlow id=\"f2\" sourceRef=\"t\" targetRef=\"e\"/>"
            + "<bpmn:endEvent id=\"e\"/></bpmn:process></bpmn:definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
