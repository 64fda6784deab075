package vn.danvan.rehearsal;

import static vn.danvan.variable.SharedVariables.FANOUT_ID;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import vn.danvan.deadline.Deadlines;

/**
 * What a directive's lifetime did, read from the engine's history, year by year (Vietnam's
 * calendar): the same definitions for a rehearsal and for the lifetime benchmark.
 */
public final class LifetimeFigures {

  /** A fan-out reminding the bodies that have not answered, before the deadline. */
  public static final String REMINDER = "Task_RemindOpenBodies";

  /** A fan-out chasing the bodies that have not answered, past the deadline. */
  public static final String CHASE = "Task_ChaseOpenBodies";

  /** A review (sơ kết, tổng kết) concluded. */
  public static final String REVIEW = "Task_ConcludeReview";

  /** The period of a periodic report: a body's work under it is a report submitted. */
  public static final String REPORT_PERIOD = "reportPeriod";

  /** A body's own work: a report when given in a report period. */
  static final Set<String> BODY_WORK = Set.of("Task_Perform", "Task_ReportFigures");

  private LifetimeFigures() {}

  /** How many reminders were sent in all. */
  public static long reminders(HistoryService history) {
    return history.createHistoricActivityInstanceQuery().activityId(REMINDER).count();
  }

  /** How many chases were sent in all. */
  public static long chases(HistoryService history) {
    return history.createHistoricActivityInstanceQuery().activityId(CHASE).count();
  }

  /** Reminders (or chases, or any activity) by the year they ran. */
  static Map<Integer, Long> activitiesByYear(HistoryService history, String activity) {
    Map<Integer, Long> years = new TreeMap<>();
    for (HistoricActivityInstance a :
        history.createHistoricActivityInstanceQuery().activityId(activity).list()) {
      years.merge(year(a.getStartTime()), 1L, Long::sum);
    }
    return years;
  }

  /** Tasks by the year they were given. */
  static Map<Integer, Long> tasksByYear(HistoryService history) {
    Map<Integer, Long> years = new TreeMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().list()) {
      years.merge(year(t.getStartTime()), 1L, Long::sum);
    }
    return years;
  }

  /** Reviews concluded, by the year they were concluded. */
  static Map<Integer, Long> reviewsByYear(HistoryService history) {
    Map<Integer, Long> years = new TreeMap<>();
    for (HistoricTaskInstance t :
        history.createHistoricTaskInstanceQuery().taskDefinitionKey(REVIEW).finished().list()) {
      years.merge(year(t.getEndTime()), 1L, Long::sum);
    }
    return years;
  }

  /**
   * Periodic reports submitted: a body's work done in a process that a report period called (at any
   * depth), by the year it was done.
   */
  static Map<Integer, Long> reportsByYear(HistoryService history) {
    Map<String, HistoricProcessInstance> instances = new HashMap<>();
    history.createHistoricProcessInstanceQuery().list().forEach(p -> instances.put(p.getId(), p));
    // a fan-out's members are started on their own: each names its fan-out
    Map<String, String> fanoutOf = new HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .variableName(FANOUT_ID)
        .disableCustomObjectDeserialization()
        .list()
        .forEach(v -> fanoutOf.putIfAbsent(v.getProcessInstanceId(), String.valueOf(v.getValue())));
    Map<String, Boolean> inPeriod = new HashMap<>();
    Map<Integer, Long> years = new TreeMap<>();
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().finished().list()) {
      if (BODY_WORK.contains(t.getTaskDefinitionKey())
          && underReportPeriod(t.getProcessInstanceId(), instances, fanoutOf, inPeriod)) {
        years.merge(year(t.getEndTime()), 1L, Long::sum);
      }
    }
    return years;
  }

  /**
   * Whether a report period called the instance, or the fan-out it is a member of, at any depth.
   */
  private static boolean underReportPeriod(
      String id,
      Map<String, HistoricProcessInstance> instances,
      Map<String, String> fanoutOf,
      Map<String, Boolean> known) {
    Boolean answer = known.get(id);
    if (answer == null) {
      known.put(id, false); // no cycles
      HistoricProcessInstance p = instances.get(id);
      String caller =
          p == null
              ? null
              : p.getSuperProcessInstanceId() != null
                  ? p.getSuperProcessInstanceId()
                  : fanoutOf.get(id);
      answer =
          p != null
              && (REPORT_PERIOD.equals(p.getProcessDefinitionKey())
                  || caller != null
                      && !caller.equals(id)
                      && underReportPeriod(caller, instances, fanoutOf, known));
      known.put(id, answer);
    }
    return answer;
  }

  static LocalDate day(Date date) {
    return day(date.toInstant());
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(Deadlines.ZONE).toLocalDate();
  }

  static int year(Date date) {
    return day(date).getYear();
  }
}
