package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.ProcessTestEngine;

/** A directive made with the element template calls the block with the right variables. */
class BlockCompositionTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverageReport();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    ProcessEngine e = engine.getProcessEngine();
    e.getRepositoryService()
        .createDeploymentQuery()
        .list()
        .forEach(d -> e.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void theTemplatesBindingsReachTheBlock() {
    ProcessEngine e = engine.getProcessEngine();
    e.getRepositoryService()
        .createDeployment()
        .addClasspathResource("processes/blocks/assignment.bpmn")
        .addClasspathResource("fixtures/sample-directive.bpmn")
        .deploy();
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse("2016-05-21T09:00").atZone(Deadlines.ZONE).toInstant()));

    ProcessInstance directive =
        e.getRuntimeService()
            .startProcessInstanceByKey(
                "sampleDirective", "24-NQ/TU", Map.of("issuedDate", "2016-05-20"));

    ProcessInstance block =
        e.getRuntimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(directive.getId())
            .singleResult();
    assertThat(block.getBusinessKey()).isEqualTo("24-NQ/TU");
    Map<String, Object> vars = e.getRuntimeService().getVariables(block.getId());
    assertThat(vars)
        .containsEntry("leadBody", "soNoiVu")
        .containsEntry("monitorBody", "bdvTU")
        .containsEntry("deadline", "2016-08-31")
        .containsEntry("coordinatingBodies", "soTaiChinh,mttqTinh");
    assertThat(
            e.getTaskService()
                .createTaskQuery()
                .processInstanceId(block.getId())
                .taskDefinitionKey("Task_Contribute")
                .count())
        .isEqualTo(2);
  }

  @Test
  void anUnreadablePhraseStopsTheDeploymentAndIsQuoted() {
    ProcessEngine e = engine.getProcessEngine();
    assertThatThrownBy(
            () ->
                e.getRepositoryService()
                    .createDeployment()
                    .addClasspathResource("fixtures/sample-directive-bad-phrase.bpmn")
                    .deploy())
        .hasMessageContaining("\"sớm nhất có thể\"")
        .hasMessageContaining("CallActivity_Plan");
    assertThat(e.getRepositoryService().createDeploymentQuery().count()).isZero();
  }
}
