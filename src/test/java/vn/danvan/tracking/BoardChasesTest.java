package vn.danvan.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_ID;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.OrgRegistryLoader;
import vn.danvan.support.ProcessTestEngine;

/**
 * The board's chase count is about the board's own work: chase notices an assignment called or a
 * fan-out started count; those of a yearly "Dân vận khéo" quota or of an evaluation sheet, under
 * the same directive number, do not.
 */
@Deployment(resources = "processes/blocks/chaseNotice.bpmn")
class BoardChasesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverageReport();

  static final String DIRECTIVE = "CT-05";

  @Test
  void onlyChasesAboutTheBoardsWorkAreCounted() {
    for (String caller : new String[] {"assignment", "bodyEvaluation"}) {
      repositoryService()
          .createDeployment()
          .addModelInstance(
              caller + ".bpmn",
              Bpmn.createExecutableProcess(caller)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .callActivity()
                  .calledElement("chaseNotice")
                  .camundaIn(LEAD_BODY, LEAD_BODY)
                  .camundaIn(DEADLINE, DEADLINE)
                  .camundaIn(TASK_CONTENT, TASK_CONTENT)
                  .endEvent()
                  .done())
          .deploy();
    }
    Map<String, Object> soNoiVu =
        Variables.putValue(LEAD_BODY, "soNoiVu")
            .putValue(DEADLINE, "2025-09-30")
            .putValue(TASK_CONTENT, "Báo cáo quý");
    // called by an assignment, started by a fan-out: on the board
    start("assignment", Variables.fromMap(soNoiVu));
    start("chaseNotice", Variables.fromMap(soNoiVu).putValue(FANOUT_ID, "fanout-1"));
    // a quota's chase and an evaluation sheet's: not on the board
    start("chaseNotice", Variables.fromMap(soNoiVu).putValue(QUOTA_ID, "quota-1"));
    start("bodyEvaluation", Variables.fromMap(soNoiVu));

    Board board =
        new Board(
            new Deadlines(),
            OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml")),
            new BoardStore(
                ((ProcessEngineConfigurationImpl)
                        BpmnAwareTests.processEngine().getProcessEngineConfiguration())
                    .getDataSource()));
    Map<String, Integer> chases =
        board.of(DIRECTIVE, null, body -> true).bodies().stream()
            .collect(Collectors.toMap(Board.BodyFigures::body, Board.BodyFigures::chases));
    assertThat(chases).containsExactly(Map.entry("soNoiVu", 2));
  }

  private static void start(String key, Map<String, Object> variables) {
    runtimeService().startProcessInstanceByKey(key, DIRECTIVE, variables);
  }
}
