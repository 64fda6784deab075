package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history cleanup the application configures ({@code endTimeBased}, no removal time; the
 * strategies are checked in {@code DemoApplicationIT}) still removes what is past its time to live,
 * and only that: an instance is removed one day after it ended (time to live 1 day), a newer one
 * stays.
 */
class HistoryCleanupTest {

  static final long DAY = 24L * 3600 * 1000;
  ProcessEngine engine;

  @AfterEach
  void stop() {
    ClockUtil.reset();
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void historyPastItsTimeToLiveIsRemovedCountedFromTheInstancesEnd() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:history-cleanup;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("history-cleanup");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("audit");
    configuration.setHistoryCleanupStrategy("endTimeBased");
    configuration.setHistoryRemovalTimeStrategy("none");
    engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "short.bpmn",
            Bpmn.createExecutableProcess("short")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("doIt")
                .endEvent()
                .done())
        .deploy();

    Date start = new Date(1_700_000_000_000L);
    ClockUtil.setCurrentTime(start);
    String old = finishedInstance();
    ClockUtil.setCurrentTime(new Date(start.getTime() + DAY / 2));
    String newer = finishedInstance();

    ClockUtil.setCurrentTime(new Date(start.getTime() + DAY + 3600_000)); // old: 1 day and 1 h
    HistoryService history = engine.getHistoryService();
    Job cleanup = history.cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old).count())
        .isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(old).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(newer).count())
        .isOne();
  }

  private String finishedInstance() {
    String id = engine.getRuntimeService().startProcessInstanceByKey("short").getId();
    engine
        .getTaskService()
        .complete(
            engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId());
    return id;
  }
}
