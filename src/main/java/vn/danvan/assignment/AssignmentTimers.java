package vn.danvan.assignment;

import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.REMINDER_DAYS;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.Inputs;
import vn.danvan.variable.SharedVariables;

/**
 * When the assignment's timers fire, computed from the approved deadline in Vietnam's zone: {@code
 * ${assignmentTimers.reminderAt(execution)}} and {@code ${assignmentTimers.chaseCycle(execution)}}
 * in {@code assignment.bpmn} (and {@code fanout.bpmn}, with its re-check {@code
 * ${assignmentTimers.recheckAt(execution)}}).
 */
@Component
public class AssignmentTimers {

  /** Timer ids in assignment.bpmn that follow the deadline. */
  static final String REMINDER_TIMER = "StartEvent_ReminderDue";

  static final String CHASE_TIMER = "StartEvent_ChaseDue";

  /** "Never" for work without a deadline: the timer waits, harmlessly, for ever. */
  static final ZonedDateTime NEVER = ZonedDateTime.of(9999, 12, 31, 0, 0, 0, 0, Deadlines.ZONE);

  static final int DEFAULT_REMINDER_DAYS = 3;
  static final String DEFAULT_CHASE_INTERVAL = "P7D";

  /** How long after its deadline a fan-out re-checks every night; on Mondays after. */
  static final int DAILY_RECHECK_DAYS = 30;

  /** How long after its deadline a fan-out re-checks on Mondays; on the 1st of each month after. */
  static final int WEEKLY_RECHECK_DAYS = 180;

  private final Deadlines deadlines;

  public AssignmentTimers(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** {@code reminderDays} (default 3) before the deadline ends; never if that is already past. */
  public Date reminderAt(VariableScope vars) {
    return reminderOn(deadline(vars), reminderDays(vars));
  }

  Date reminderOn(LocalDate deadline, int reminderDays) {
    if (deadline == null) {
      return Date.from(NEVER.toInstant());
    }
    Date at =
        Date.from(
            deadlines
                .endOfDate(deadline)
                .toInstant()
                .minus(java.time.Duration.ofDays(reminderDays)));
    return at.before(Date.from(deadlines.now().toInstant())) ? Date.from(NEVER.toInstant()) : at;
  }

  /**
   * First chase when the deadline's day is over (00:00 the next day in Vietnam), then every {@code
   * chaseInterval} (ISO period, default P7D). Re-evaluated after each chase, so an extension moves
   * the whole series. The expressions hand the variables over; the timings are computed from plain
   * values.
   */
  public String chaseCycle(VariableScope vars) {
    return chaseCycleFrom(deadline(vars), chaseInterval(vars));
  }

  static String chaseCycleFrom(LocalDate deadline, String interval) {
    ZonedDateTime start =
        deadline == null ? NEVER : deadline.plusDays(1).atStartOfDay(Deadlines.ZONE);
    return "R/" + start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/" + interval;
  }

  /**
   * A fan-out's safety-net re-check ({@code ${assignmentTimers.recheckAt(execution)}}): at midnight
   * in Vietnam, daily from the day after the deadline on; daily from tomorrow without a deadline.
   * Before the deadline the last body's wake-up moves the fan-out on; one lost to a node stopping
   * at that moment is caught as the deadline's day ends, when the chases begin. From {@link
   * #DAILY_RECHECK_DAYS} days after the deadline on, every Monday; from {@link
   * #WEEKLY_RECHECK_DAYS} days on, the 1st of every month: a body that stays silent for years (a
   * period's report never sent) would otherwise cost a job every night, and a periodic report
   * compiles its period on its own date, not when the fan-out ends. The weekly and monthly turns
   * fall on the same midnights for every fan-out, so that a directive's many silent fan-outs wake
   * together and a rehearsal moves its clock a few times a month, not every day.
   */
  public Date recheckAt(VariableScope vars) {
    return recheckAfter(deadline(vars));
  }

  Date recheckAfter(LocalDate deadline) {
    Date tomorrow = deadlines.startOfNextDay();
    if (deadline == null) {
      return tomorrow;
    }
    LocalDate today = deadlines.today();
    if (today.isAfter(deadline.plusDays(WEEKLY_RECHECK_DAYS))) {
      return midnight(today.withDayOfMonth(1).plusMonths(1));
    }
    if (today.isAfter(deadline.plusDays(DAILY_RECHECK_DAYS))) {
      return midnight(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
    }
    Date afterDeadline = midnight(deadline.plusDays(1));
    return afterDeadline.after(tomorrow) ? afterDeadline : tomorrow;
  }

  private static Date midnight(LocalDate day) {
    return Date.from(day.atStartOfDay(Deadlines.ZONE).toInstant());
  }

  /** Coordinating bodies contribute once, in the first round; reworks do not ask them again. */
  public Collection<String> contributors(VariableScope vars) {
    return SharedVariables.round(vars) == 0 ? AssignmentRules.coordinatingBodies(vars) : List.of();
  }

  /** After an extension: move the waiting reminder and chase timers to the new deadline. */
  void reschedule(DelegateExecution execution) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (Job job :
        management
            .createJobQuery()
            .timers()
            .processInstanceId(execution.getProcessInstanceId())
            .list()) {
      String activity =
          management
              .createJobDefinitionQuery()
              .jobDefinitionId(job.getJobDefinitionId())
              .singleResult()
              .getActivityId();
      if (REMINDER_TIMER.equals(activity)) {
        management.setJobDuedate(job.getId(), reminderAt(execution));
      } else if (CHASE_TIMER.equals(activity)) {
        LocalDate deadline = Inputs.date(execution, DEADLINE, "Hạn hoàn thành");
        management.setJobDuedate(
            job.getId(), Date.from(deadline.plusDays(1).atStartOfDay(Deadlines.ZONE).toInstant()));
      }
    }
  }

  /**
   * The deadline; from its phrase while the start listener has not yet written it: a fan-out's
   * timers are the process's own, scheduled before its start event runs.
   */
  private LocalDate deadline(VariableScope vars) {
    Object phrase = vars.getVariable(DEADLINE_PHRASE);
    if (vars.getVariable(DEADLINE) == null
        && phrase instanceof String p
        && !p.isBlank()
        && deadlines.read(vars, p) instanceof Schedule.Once once) {
      return once.due();
    }
    return Inputs.date(vars, DEADLINE, "Hạn hoàn thành");
  }

  /** A number or its digits (an element template writes text), checked at start; default 3. */
  private static int reminderDays(VariableScope vars) {
    return Inputs.days(vars, REMINDER_DAYS, "Số ngày nhắc trước hạn", DEFAULT_REMINDER_DAYS);
  }

  private static String chaseInterval(VariableScope vars) {
    Object value = vars.getVariable(CHASE_INTERVAL);
    return value == null ? DEFAULT_CHASE_INTERVAL : String.valueOf(value);
  }
}
