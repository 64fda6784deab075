package vn.danvan.rehearsal;

import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.evaluation.EvaluationVariables.RANKING_APPROVED;
import static vn.danvan.evaluation.EvaluationVariables.RETURN_FOR_CORRECTION;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS_REQUIRED;
import static vn.danvan.inspection.InspectionVariables.CORRECTION_DEADLINE;
import static vn.danvan.inspection.InspectionVariables.FINDINGS;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_CONCLUSION;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_DATE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_SCHEDULE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_TEAM;
import static vn.danvan.inspection.InspectionVariables.PLAN_APPROVED;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_CONCLUSION;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_SUMMARY;
import static vn.danvan.review.ReviewVariables.REVIEW_CONCLUSION;
import static vn.danvan.variable.SharedVariables.ASSESSMENT;
import static vn.danvan.variable.SharedVariables.FIGURE_COLUMNS;
import static vn.danvan.variable.SharedVariables.KIND;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.OrgRegistry;

/**
 * Lives a directive through with the engine clock: at each moment every body answers at once
 * whatever it was given (a report, an approval, a conclusion), then the clock moves to the next
 * timer. Records every task as it appears: who got what, when, due when. Runs on any engine: the
 * process tests', a benchmark's, a rehearsal's ({@link RehearsalMain}, in a JVM of its own: the
 * engine clock is the JVM's). With {@link #late} a seeded share of the bodies' work is answered
 * only days after its deadline, so reminders and chases fire; with {@link #silentShare} a seeded
 * share of the bodies never answers. {@link #tolerant} turns a failing job into an incident and
 * work nobody knows how to answer into work left open, as a rehearsal of any model needs.
 */
public class DirectiveRun {

  /** A task as a body received it. */
  public record Received(
      String task, String body, String content, LocalDate given, LocalDate due) {}

  /** A job that failed or work that could not be answered: where, why, when (engine clock). */
  public record Trouble(String activity, String message, Date at) {}

  /** How a rehearsal's run stopped: the directive ended, or the clock stopped at {@code at}. */
  public record Stop(boolean ended, String reason, Date at) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String LEADERS = OrgRegistry.LEADERS_SUFFIX;

  /** The bodies' own work, which a late body leaves open past its deadline. */
  private static final Set<String> WORK =
      Set.of("Task_Perform", "Task_ReportFigures", "Task_SelfAssess");

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final List<Received> received = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private boolean recording = true;
  private double lateShare;
  private Random random;
  private long lateDays;

  /** Work given so far: task id → answered late. */
  private final Map<String, Boolean> late = new HashMap<>();

  private final AtomicLong jobsExecuted = new AtomicLong();
  private final AtomicLong tasksCompleted = new AtomicLong();
  private int threads = 1;

  /** Bodies that never answer anything (neither they nor their leaders). */
  private final Set<String> silent = new HashSet<>();

  /** Whether each task seen is a silent body's (read once). */
  private final Map<String, Boolean> silentTasks = new HashMap<>();

  /** With {@link #silentShare}: each body, drawn silent or not as its first work appears. */
  private final Map<String, Boolean> drawnSilent = new TreeMap<>();

  private double silentShare;
  private Random silentRandom;

  /** Failing jobs and unanswerable work become incidents and open work ({@link #tolerant}). */
  private boolean tolerant;

  /** Work nobody knows how to answer (its task id), left open ({@link #tolerant}). */
  private final Set<String> unanswerable = new HashSet<>();

  /** What went wrong in a {@link #tolerant} run, as it happened. */
  private final List<Trouble> troubles = new ArrayList<>();

  /** Records every task as it first appears, answered or not (else as it is answered). */
  private boolean recordingOnSight;

  /** The latest deadline of the work answered so far (a rehearsal's horizon counts from it). */
  private Date lastAnsweredDue;

  /** Where the run's time went, in nanoseconds: see {@link #timeSpent}. */
  private final Map<String, AtomicLong> spent = new LinkedHashMap<>();

  /** Jobs run, by process and activity: how many, nanoseconds (see {@link #jobsByActivity}). */
  private final Map<String, long[]> jobsByActivity = new ConcurrentHashMap<>();

  private final Map<String, String> activities = new ConcurrentHashMap<>();

  /** Answer rounds by how many tasks they completed at once: 1, 2–7, 8–63, 64 or more. */
  private final long[] roundSizes = new long[4];

  public DirectiveRun(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
  }

  /**
   * A {@code share} of the bodies' work (drawn with {@code seed}) is answered only once the clock
   * is {@code days} days past its deadline; the rest on the day it is given.
   */
  public DirectiveRun late(double share, long seed, int days) {
    this.lateShare = share;
    this.random = new Random(seed);
    this.lateDays = days;
    return this;
  }

  /**
   * The bodies answer on {@code threads} threads at once, as their people do (one by default); an
   * answer that collides with another's in the same instance is given again in the next round.
   */
  public DirectiveRun parallel(int threads) {
    this.threads = threads;
    return this;
  }

  /** {@code body} and its leaders never answer: its work stays open for ever. */
  public DirectiveRun silent(String body) {
    silent.add(body);
    silent.add(body + LEADERS);
    return this;
  }

  /**
   * A {@code share} of the bodies (drawn with {@code seed}, each as its first work appears, in the
   * order they are met in) and their leaders never answer: their work stays open.
   */
  public DirectiveRun silentShare(double share, long seed) {
    this.silentShare = share;
    this.silentRandom = new Random(seed);
    return this;
  }

  /**
   * A failing job is left with an incident (as the job executor leaves it once its retries are
   * spent) and work of a kind nobody knows how to answer stays open, instead of failing the run.
   */
  public DirectiveRun tolerant() {
    this.tolerant = true;
    return this;
  }

  /** Records every task as it first appears, the silent bodies' and the late work too. */
  public DirectiveRun recordingOnSight() {
    this.recordingOnSight = true;
    return this;
  }

  /** The bodies that never answer (named with {@link #silent} or drawn). */
  public Set<String> silentBodies() {
    Set<String> bodies = new java.util.TreeSet<>();
    silent.stream().filter(b -> !b.endsWith(LEADERS)).forEach(bodies::add);
    drawnSilent.forEach(
        (body, isSilent) -> {
          if (isSilent) {
            bodies.add(body);
          }
        });
    return bodies;
  }

  /** What went wrong in a {@link #tolerant} run. */
  public List<Trouble> troubles() {
    return troubles;
  }

  /** Without recording who received what (each record reads the task's group and content). */
  public DirectiveRun withoutRecording() {
    this.recording = false;
    return this;
  }

  /** The ids of the work answered late. */
  public List<String> lateTasks() {
    return late.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  public long jobsExecuted() {
    return jobsExecuted.get();
  }

  public long tasksCompleted() {
    return tasksCompleted.get();
  }

  /**
   * Where the run's wall time went, in seconds: the timers due at each move of the clock, the
   * asynchronous jobs, the bodies' answers, and the run's own reads (what is open, what is due,
   * whether the directive ended); with the answer rounds counted by size.
   */
  public Map<String, Object> timeSpent() {
    Map<String, Object> figures = new LinkedHashMap<>();
    spent.forEach(
        (what, nanos) -> figures.put(what + "Seconds", Math.round(nanos.get() / 1e7) / 100.0));
    figures.put(
        "answerRoundsBySize",
        Map.of(
            "1", roundSizes[0], "2-7", roundSizes[1], "8-63", roundSizes[2], "64+", roundSizes[3]));
    return figures;
  }

  /**
   * The jobs run, by process and activity ({@code fanoutChunk/StartEvent_ChunkQueued}): how many,
   * and the seconds their threads spent in them (jobs of different instances run side by side, so
   * these add up to more than the wall time).
   */
  public Map<String, Map<String, Object>> jobsByActivity() {
    Map<String, Map<String, Object>> jobs = new TreeMap<>();
    jobsByActivity.forEach(
        (activity, n) -> {
          synchronized (n) {
            jobs.put(
                activity, Map.of("jobs", n[0], "threadSeconds", Math.round(n[1] / 1e7) / 100.0));
          }
        });
    return jobs;
  }

  private <T> T timed(String what, Supplier<T> action) {
    long t0 = System.nanoTime();
    try {
      return action.get();
    } finally {
      spent.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(System.nanoTime() - t0);
    }
  }

  public static void at(String vietnamTime) {
    ClockUtil.setCurrentTime(
        Date.from(LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant()));
  }

  public List<Received> received() {
    return received;
  }

  /**
   * Runs until the directive ends, or fails after {@code maxSteps} moves of the clock: each time to
   * the next timer, then every timer due runs, then every body answers.
   */
  public void untilEnded(ProcessInstance directive, int maxSteps) {
    for (int step = 0; step < maxSteps; step++) {
      answerEverything();
      if (timed(
              "reads",
              () ->
                  history
                      .createHistoricProcessInstanceQuery()
                      .processInstanceId(directive.getId())
                      .finished()
                      .count())
          == 1) {
        return;
      }
      Job next =
          timed(
                  "reads",
                  () ->
                      management.createJobQuery().timers().orderByJobDuedate().asc().listPage(0, 1))
              .stream()
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the directive waits for nothing: "
                              + runtime
                                  .createExecutionQuery()
                                  .processInstanceId(directive.getId())
                                  .list()));
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      // every timer due now, as the job executor runs them
      List<Job> dueNow =
          timed(
              "reads",
              () ->
                  management
                      .createJobQuery()
                      .timers()
                      .executable()
                      .orderByJobDuedate()
                      .asc()
                      .list());
      // the next timer cannot run (no retries left): let it say why
      timed("timers", () -> runJobs(dueNow.isEmpty() ? List.of(next) : dueNow));
    }
    throw new IllegalStateException("not ended after " + maxSteps + " moves of the clock");
  }

  /**
   * A rehearsal's run: until the directive ends; or until nothing is left to wait for but work that
   * stays open (no timer left); or until the next timer is due more than {@code horizon} after the
   * latest deadline of the work answered so far (a silent body's chases go on for ever); or after
   * {@code maxSteps} moves of the clock. Each time to the next timer, then every timer due runs,
   * then every body answers.
   */
  public Stop lifetime(ProcessInstance directive, java.time.Period horizon, int maxSteps) {
    for (int step = 0; step < maxSteps; step++) {
      answerEverything();
      if (history
              .createHistoricProcessInstanceQuery()
              .processInstanceId(directive.getId())
              .finished()
              .count()
          == 1) {
        Date end =
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId())
                .singleResult()
                .getEndTime();
        return new Stop(true, "Văn bản đã kết thúc", end);
      }
      Job next =
          management
              .createJobQuery()
              .timers()
              .withRetriesLeft()
              .orderByJobDuedate()
              .asc()
              .listPage(0, 1)
              .stream()
              .findFirst()
              .orElse(null);
      if (next == null) {
        return new Stop(false, "Không còn mốc thời gian nào: chỉ còn việc chưa ai trả lời", now());
      }
      Date limit =
          lastAnsweredDue == null
              ? null
              : Date.from(
                  lastAnsweredDue.toInstant().atZone(Deadlines.ZONE).plus(horizon).toInstant());
      if (limit != null && next.getDuedate().after(limit)) {
        ClockUtil.setCurrentTime(limit.after(now()) ? limit : now());
        return new Stop(
            false,
            "Dừng ở giới hạn mô phỏng: "
                + horizon.getYears()
                + " năm sau hạn cuối của việc đã trả lời",
            now());
      }
      if (next.getDuedate().after(now())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      List<Job> dueNow =
          management.createJobQuery().timers().executable().orderByJobDuedate().asc().list();
      runJobs(dueNow.isEmpty() ? List.of(next) : dueNow);
    }
    return new Stop(false, "Dừng sau " + maxSteps + " lần dời đồng hồ", now());
  }

  private static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /**
   * Runs until the next timer is due after {@code vietnamTime} (work that never ends, such as a
   * silent body's, keeps the directive running), or fails after {@code maxSteps} moves of the
   * clock; the clock then stands at {@code vietnamTime}.
   */
  public void until(String vietnamTime, int maxSteps) {
    Date end = Date.from(LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant());
    for (int step = 0; step < maxSteps; step++) {
      answerEverything();
      Job next =
          management.createJobQuery().timers().orderByJobDuedate().asc().listPage(0, 1).stream()
              .findFirst()
              .orElse(null);
      if (next == null || next.getDuedate().after(end)) {
        ClockUtil.setCurrentTime(end);
        answerEverything();
        return;
      }
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      List<Job> dueNow =
          management.createJobQuery().timers().executable().orderByJobDuedate().asc().list();
      timed("timers", () -> runJobs(dueNow.isEmpty() ? List.of(next) : dueNow));
    }
    throw new IllegalStateException(
        "not at " + vietnamTime + " after " + maxSteps + " moves of the clock");
  }

  /** Every body answers everything open now (asynchronous work first), a late body not yet. */
  public void answerEverything() {
    boolean more = true;
    while (more) {
      List<Job> jobs =
          timed(
              "reads",
              () ->
                  tolerant
                      ? management.createJobQuery().messages().withRetriesLeft().list()
                      : management.createJobQuery().messages().list());
      more = timed("asyncJobs", () -> runJobs(jobs));
      List<Task> open = timed("reads", () -> tasks.createTaskQuery().list());
      drawLateness(open);
      List<Task> due =
          open.stream()
              .filter(task -> !late.getOrDefault(task.getId(), false) || overdueEnough(task))
              .filter(task -> (silent.isEmpty() && silentShare == 0) || !silent(task))
              .filter(task -> !unanswerable.contains(task.getId()))
              .toList();
      if (recording) {
        (recordingOnSight ? open : due).forEach(this::record);
      }
      if (!due.isEmpty()) {
        roundSizes[due.size() == 1 ? 0 : due.size() < 8 ? 1 : due.size() < 64 ? 2 : 3]++;
      }
      more |=
          timed(
              "answers",
              () ->
                  each(
                      due,
                      task -> {
                        try {
                          tasks.complete(task.getId(), answer(task));
                        } catch (RuntimeException failed) {
                          if (!tolerant || failed instanceof OptimisticLockingException) {
                            throw failed;
                          }
                          unanswerable.add(task.getId());
                          trouble(task.getTaskDefinitionKey(), failed);
                          return;
                        }
                        tasksCompleted.incrementAndGet();
                        answered(task);
                      }));
    }
  }

  /**
   * Runs jobs as the job executor does: in parallel, but one process instance's one after another
   * (Camunda's jobs are exclusive by default), so that the instances' own jobs do not collide.
   */
  private boolean runJobs(List<Job> jobs) {
    Map<String, List<Job>> byInstance = new LinkedHashMap<>();
    jobs.forEach(
        job ->
            byInstance
                .computeIfAbsent(job.getProcessInstanceId(), k -> new ArrayList<>())
                .add(job));
    each(
        List.copyOf(byInstance.values()),
        instanceJobs ->
            instanceJobs.forEach(
                job -> {
                  long t0 = System.nanoTime();
                  try {
                    management.executeJob(job.getId());
                  } catch (RuntimeException failed) {
                    if (!tolerant || failed instanceof OptimisticLockingException) {
                      throw failed;
                    }
                    // as the job executor leaves it once the retries are spent: an incident
                    management.setJobRetries(job.getId(), 0);
                    trouble(activity(job), failed);
                    return;
                  }
                  jobsExecuted.incrementAndGet();
                  long[] n = jobsByActivity.computeIfAbsent(activity(job), k -> new long[2]);
                  synchronized (n) {
                    n[0]++;
                    n[1] += System.nanoTime() - t0;
                  }
                }));
    return !jobs.isEmpty();
  }

  /** {@code process/activity} of a job, its job definition read once. */
  private String activity(Job job) {
    if (job.getJobDefinitionId() == null) {
      return job.getProcessDefinitionKey() + "/?";
    }
    return activities.computeIfAbsent(
        job.getJobDefinitionId(),
        id ->
            job.getProcessDefinitionKey()
                + "/"
                + management
                    .createJobDefinitionQuery()
                    .jobDefinitionId(id)
                    .singleResult()
                    .getActivityId());
  }

  /**
   * Runs {@code action} on every item ({@link #parallel} threads); an item that collides with
   * another (optimistic locking) is left for the next round. Whether anything was attempted.
   */
  private <T> boolean each(List<T> items, Consumer<T> action) {
    if (threads == 1) {
      items.forEach(action);
      return !items.isEmpty();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (T item : items) {
        all.add(
            pool.submit(
                () -> {
                  try {
                    action.accept(item);
                  } catch (OptimisticLockingException collided) {
                    // answered again in the next round
                  }
                }));
      }
      for (Future<?> each : all) {
        each.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    return !items.isEmpty();
  }

  private boolean silent(Task task) {
    return silentTasks.computeIfAbsent(
        task.getId(),
        id ->
            tasks.getIdentityLinksForTask(id).stream()
                .map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull)
                .anyMatch(group -> silent.contains(group) || drawnSilent(bodyOf(group))));
  }

  /** The body of a group: the body's own, or its leaders'. */
  public static String bodyOf(String group) {
    return group.endsWith(LEADERS) && group.length() > LEADERS.length()
        ? group.substring(0, group.length() - LEADERS.length())
        : group;
  }

  /** Whether {@code body} is drawn silent (drawn the first time it is asked about). */
  private boolean drawnSilent(String body) {
    if (silentShare == 0) {
      return false;
    }
    return drawnSilent.computeIfAbsent(body, b -> silentRandom.nextDouble() < silentShare);
  }

  private synchronized void answered(Task task) {
    if (task.getDueDate() != null
        && (lastAnsweredDue == null || task.getDueDate().after(lastAnsweredDue))) {
      lastAnsweredDue = task.getDueDate();
    }
  }

  private synchronized void trouble(String activity, RuntimeException failed) {
    String message = failed.getMessage() == null ? failed.toString() : failed.getMessage();
    troubles.add(new Trouble(activity, message, now()));
  }

  /** Work of a kind the run does not know how to answer. */
  static final class Unanswerable extends IllegalStateException {
    Unanswerable(String message) {
      super(message);
    }
  }

  /** New work is drawn late or not, in an order that does not depend on the tasks' ids. */
  private void drawLateness(List<Task> open) {
    if (lateShare == 0) {
      return;
    }
    open.stream()
        .filter(
            t ->
                WORK.contains(t.getTaskDefinitionKey())
                    && t.getDueDate() != null
                    && !late.containsKey(t.getId()))
        .sorted(
            Comparator.comparing(Task::getTaskDefinitionKey)
                .thenComparing(Task::getDueDate)
                .thenComparing(Task::getName))
        .forEach(t -> late.put(t.getId(), random.nextDouble() < lateShare));
  }

  private boolean overdueEnough(Task task) {
    return !ClockUtil.getCurrentTime()
        .toInstant()
        .isBefore(task.getDueDate().toInstant().plus(java.time.Duration.ofDays(lateDays)));
  }

  private void record(Task task) {
    if (!seen.add(task.getId())) {
      return;
    }
    String body =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> l.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElse(null);
    boolean work =
        Set.of("Task_Perform", "Task_ReportFigures", "Task_AcknowledgeChase", "Task_SelfAssess")
            .contains(task.getTaskDefinitionKey());
    Object content =
        runtime.getVariable(task.getProcessInstanceId(), work ? TASK_CONTENT : PERIOD_LABEL);
    received.add(
        new Received(
            task.getTaskDefinitionKey(),
            body,
            content == null ? null : content.toString(),
            day(task.getCreateTime().toInstant()),
            task.getDueDate() == null ? null : day(task.getDueDate().toInstant())));
  }

  /** An evaluation sheet with 9/10 of every criterion's points, no bonus or penalty. */
  private Object scored(Task task, String field) {
    try {
      ArrayNode rows =
          (ArrayNode) JSON.readTree(tasks.getVariable(task.getId(), ASSESSMENT).toString());
      rows.forEach(
          row ->
              ((ObjectNode) row)
                  .put(
                      field,
                      row.get(KIND).asText().equals("CRITERION")
                          ? row.get("maxPoints").asDouble() * 0.9
                          : 0)
                  .put("evidence", "Báo cáo số 01/BC"));
      return SpinValues.jsonValue(rows.toString()).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every figure the report asks for: 1, 2, 3… in the declaration's order (JSON text). */
  private String figures(Task task) {
    try {
      ObjectNode values = JSON.createObjectNode();
      int n = 0;
      for (var column :
          JSON.readTree(tasks.getVariableLocal(task.getId(), FIGURE_COLUMNS).toString())) {
        if (!column.get("key").asText().equals("donVi")) {
          values.put(column.get("key").asText(), ++n);
        }
      }
      return values.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(Deadlines.ZONE).toLocalDate();
  }

  private Map<String, Object> answer(Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "Task_Perform" ->
          Map.of(
              REQUEST_EXTENSION, false, RESULT_REPORT, "Đã thực hiện, có số liệu cụ thể kèm theo");
      case "Task_ReportFigures" ->
          Map.of(
              REPORTED_FIGURES,
              figures(task),
              RESULT_REPORT,
              "Đã thực hiện, số liệu cụ thể kèm theo");
      case "Task_Contribute" -> Map.of(CONTRIBUTION, "Đã phối hợp thực hiện");
      case "Task_ApproveResult" -> Map.of(APPROVED, true);
      case "Task_ConfirmResult" -> Map.of(CONFIRMED, true);
      case "Task_Consolidate" -> Map.of(PERIOD_SUMMARY, "Tổng hợp báo cáo các đơn vị");
      case "Task_Conclude" -> Map.of(PERIOD_CONCLUSION, "Kết luận của lãnh đạo");
      case "Task_ConcludeReview" -> Map.of(REVIEW_CONCLUSION, "Kết luận tổng kết");
      case "Task_AcknowledgeChase" -> Map.of("chaseResponse", "Đã tiếp nhận, khắc phục");
      case "Task_SelfAssess" -> Map.of(ASSESSMENT, scored(task, "score"));
      case "Task_ReviewScores" ->
          Map.of(ASSESSMENT, scored(task, "reviewedScore"), RETURN_FOR_CORRECTION, false);
      case "Task_ApproveRanking" -> Map.of(RANKING_APPROVED, true);
      case "Task_PlanInspection" ->
          Map.of(
              INSPECTION_TEAM,
              "Đoàn kiểm tra của đơn vị",
              INSPECTION_SCHEDULE,
              "Kiểm tra lần lượt từng đơn vị",
              INSPECTION_DATE,
              day(task.getDueDate().toInstant()).toString());
      case "Task_ApprovePlan" -> Map.of(PLAN_APPROVED, true);
      case "Task_RecordFindings" -> Map.of(FINDINGS, "Biên bản kiểm tra, có số liệu cụ thể");
      case "Task_ConcludeInspection" ->
          Map.of(
              INSPECTION_CONCLUSION,
              "Kết luận kiểm tra",
              CORRECTIONS_REQUIRED,
              true,
              CORRECTIONS,
              "Khắc phục tồn tại nêu trong kết luận",
              CORRECTION_DEADLINE,
              day(task.getDueDate().toInstant()).plusDays(30).toString());
      default -> throw new Unanswerable("no answer for " + task.getTaskDefinitionKey());
    };
  }
}
