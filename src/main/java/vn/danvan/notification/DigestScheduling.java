package vn.danvan.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.danvan.deadline.Deadlines;

/**
 * Sends the daily digest at each digest time ({@link DigestSchedule}, Vietnam time whatever the
 * server's zone). Shortly after start-up ({@code danvan.notification.digest-catch-up}, default one
 * minute) a node that was down at today's digest time sends it to whoever has not had it; a digest
 * time of an earlier day is not caught up (its work is in the next digest).
 */
@Configuration
class DigestScheduling implements SchedulingConfigurer {

  private static final Duration EARLY = Duration.ofMinutes(1);

  private final Digests digests;
  private final Duration catchUp;

  DigestScheduling(
      Digests digests, @Value("${danvan.notification.digest-catch-up:PT1M}") Duration catchUp) {
    this.digests = digests;
    this.catchUp = catchUp;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addTriggerTask(
        this::run,
        context ->
            context.lastCompletion() == null
                ? Instant.now().plus(catchUp)
                : digests.schedule().next(Instant.now()).toInstant());
  }

  /**
   * Today's digest, if today is a working day past its digest time (a run fired a little early by
   * the scheduler's clock still counts as that digest time's).
   */
  private void run() {
    if (!digests.active()) {
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ZonedDateTime due = digests.schedule().previous(now.plus(EARLY));
    if (due.toLocalDate().equals(now.atZone(Deadlines.ZONE).toLocalDate())) {
      digests.send(due.toInstant());
    }
  }
}
