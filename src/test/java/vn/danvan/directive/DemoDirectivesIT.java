package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.DanVanApplication;
import vn.danvan.deadline.Deadlines;
import vn.danvan.tracking.WorkStatus;

/** What a newcomer finds in the demo: the five directives in a realistic present. */
class DemoDirectivesIT {

  static ConfigurableApplicationContext app;
  static ProcessEngine engine;

  @BeforeAll
  static void startDemo() throws Exception {
    app = new SpringApplicationBuilder(DanVanApplication.class).profiles("demo").run(
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:danvan-demo;DB_CLOSE_DELAY=-1");
    engine = app.getBean(ProcessEngine.class);
    // the job executor creates the fan-outs' tasks and fires the timers already due
    long until = System.currentTimeMillis() + 60_000;
    while (engine.getManagementService().createJobQuery().executable().count() > 0
        && System.currentTimeMillis() < until) {
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stopDemo() {
    app.close();
  }

  static List<Task> open(String body, String definitionKey) {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(body)
        .taskDefinitionKey(definitionKey).list();
  }

  @Test
  void theFiveDirectivesRunReplayedFromTheirLatestAnniversary() {
    LocalDate today = LocalDate.now(Deadlines.ZONE);
    for (DemoDirectives.Seed seed : DemoDirectives.SEEDS) {
      var instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(seed.key()).processInstanceBusinessKey(seed.number()).singleResult();
      assertThat(instance).as(seed.number()).isNotNull();
      LocalDate issued = LocalDate.parse((String) engine.getRuntimeService()
          .getVariable(instance.getId(), "issuedDate"));
      assertThat(issued).as(seed.number()).isBefore(today.minusDays(29))
          .isAfter(today.minusYears(1).minusDays(31));
      assertThat(issued.getDayOfMonth()).isEqualTo(seed.textIssued().getDayOfMonth());
    }
  }

  @Test
  void tasklistShowsARealisticPresent() {
    Instant now = Instant.now();
    // overdue work: Bắc Giang's departments' rules were due on 30/9 of the replay year
    List<Task> rules = open("soTaiChinh", "Task_Perform");
    assertThat(rules).isNotEmpty().anySatisfy(t -> assertThat(t.getDueDate()).isBefore(
        java.util.Date.from(now)));
    // done and confirmed
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("assignment").processInstanceBusinessKey("NQ-DV-BG-2016")
        .finished().count()).isGreaterThanOrEqualTo(1);
    // returned to Ban Tổ chức, with the reason
    Task returned = open("btcTU", "Task_Perform").get(0);
    assertThat(engine.getTaskService().getVariable(returned.getId(), "returnCount")).isEqualTo(1);
    // an extension waiting for Ban Thường vụ
    assertThat(open("btvTU", "Task_DecideExtension")).hasSize(1);
    // due in two days
    Task quick = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("CV-BDV-NHANH")
        .singleResult();
    assertThat(WorkStatus.of(new WorkStatus.Facts(quick.getDueDate().toInstant(), null, null,
        false), now, WorkStatus.DUE_SOON_WINDOW)).isEqualTo(WorkStatus.DUE_SOON);
    // an ad-hoc report waiting for Ban Dân vận
    assertThat(open("bdvTU", "Task_HandleIncident")).hasSize(1);
    // the year's evaluation of the Bắc Giang resolution (sheets open a month before 15/11)
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("annualEvaluation").processInstanceBusinessKey("NQ-DV-BG-2016")
        .count()).isOne();
    // "Dân vận khéo": a commune's model to appraise, Sở Nội vụ's recognised
    assertThat(open("bdvTU", "Task_AppraiseModel")).singleElement().satisfies(t -> assertThat(
        engine.getTaskService().getVariable(t.getId(), "body")).isEqualTo("ubndXaXuanLoc"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("modelStatus").variableValueEquals("modelStatus", "Được công nhận").count())
        .isOne();
    // work already overdue is chased at the next weekly turn of its fan-out's chase cycle
    assertThat(engine.getManagementService().createJobQuery().timers().list().stream()
        .filter(j -> "StartEvent_ChaseDue".equals(engine.getManagementService()
            .createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
            .getActivityId()))
        .filter(j -> j.getDuedate().toInstant().isBefore(now.plus(java.time.Duration.ofDays(7)))))
        .isNotEmpty();
  }

  @Test
  void aRestartStartsNothingMore() throws Exception {
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();
    app.getBean(DemoDirectives.class).run(new DefaultApplicationArguments());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
  }
}
