package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.support.FanoutRun;
import vn.danvan.support.NationalRegistry;
import vn.danvan.support.PostgresApp;

/**
 * 200 bodies, 8 threads completing at once, on PostgreSQL with the job executor running: no
 * completion fails, each is counted once, the directive moves on after the last; then the same with
 * every reminder and chase timer firing during the completions. (The 3,400-body figures come from
 * the benchmark command, not from this test.)
 */
class FanoutConcurrencyIT {

  static final int BODIES = 200;

  @TempDir Path dir;

  @Test
  void twoHundredBodiesEightClientsNoErrorsExactCounts() throws Exception {
    String url = PostgresApp.freshDatabase("danvan_it_fanout");
    Path registry = NationalRegistry.write(dir, BODIES);
    try (ConfigurableApplicationContext app =
        PostgresApp.start(
            url,
            null,
            "--camunda.bpm.admin-user.password=it-only",
            "--danvan.org.registry=file:" + registry)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      List<String> bodies = NationalRegistry.communeIds(BODIES);
      assertExact(FanoutRun.run(engine, bodies, 8, 120));
      // every reminder and chase timer due while the clients complete: the job executor fires
      // them on the same process instances the clients are ending
      assertExact(FanoutRun.run(engine, bodies, 8, 120, true));
      // chased, then each body answers while its leaders acknowledge the notice: both end it
      Map<String, Object> chase = FanoutRun.chaseEveryBody(engine, bodies, 8, 120, true);
      System.out.println("chase " + chase);
      assertThat(chase)
          .containsEntry("answerErrors", 0)
          .containsEntry("noticesLeft", 0L)
          .containsEntry("notices", (long) BODIES);
      assertThat((int) chase.get("answers") + (int) chase.get("gone"))
          .as("every answer and every acknowledgement went through, or found its notice ended")
          .isEqualTo(2 * BODIES);
      // chased while every body answers: the chase's chunks run beside the answers
      for (int run = 1; run <= 3; run++) {
        Map<String, Object> race = FanoutRun.chaseWhileAnswering(engine, bodies, 8, 120);
        System.out.println("chase while answering " + race);
        assertThat(race)
            .containsEntry("answerErrors", 0)
            .containsEntry("answers", BODIES)
            .containsEntry("noticesLeft", 0L);
      }
      // withdrawn: deleting the fan-out ends every body's work
      Map<String, Object> withdrawn = FanoutRun.withdraw(engine, bodies, 120);
      System.out.println("withdrawn " + withdrawn);
      assertThat(withdrawn).containsEntry("instancesLeft", 0L).containsEntry("tasksLeft", 0L);
    }
  }

  private static void assertExact(FanoutRun.Result result) {
    System.out.println("fan-out " + result.asMap());
    assertThat(result.errorSamples()).isEmpty();
    assertThat(result.errors()).isZero();
    assertThat(result.completions()).isEqualTo(BODIES);
    assertThat(result.membersEnded()).isEqualTo(BODIES);
    assertThat(result.counterDone()).isEqualTo(BODIES);
    assertThat(result.parentEnded()).isTrue();
    assertThat(result.noticesLeft()).as("chase notices about work already finished").isZero();
  }
}
