package vn.danvan.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * One measured national fan-out on a running application: start, wait until every body's task is
 * visible, let {@code clients} threads complete them all, wait until the directive moves on. Shared
 * by the concurrency test (small) and the benchmark (3,400 bodies).
 */
public final class FanoutRun {

  /** What one run measured. */
  public record Result(
      int bodies,
      int clients,
      long fanoutMillis,
      long completeMillis,
      int completions,
      int errors,
      long membersEnded,
      long counterDone,
      boolean parentEnded,
      long noticesLeft,
      List<String> errorSamples) {

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bodies", bodies);
      m.put("clients", clients);
      m.put("fanoutSeconds", fanoutMillis / 1000.0);
      m.put("completeSeconds", completeMillis / 1000.0);
      m.put(
          "completionsPerSecond", completeMillis == 0 ? 0 : completions * 1000.0 / completeMillis);
      m.put("completions", completions);
      m.put("errors", errors);
      m.put("membersEnded", membersEnded);
      m.put("counterDone", counterDone);
      m.put("directiveMovedOn", parentEnded);
      m.put("noticesLeft", noticesLeft);
      return m;
    }
  }

  private FanoutRun() {}

  public static Result run(
      ProcessEngine engine, List<String> bodies, int clients, long timeoutSeconds)
      throws Exception {
    return run(engine, bodies, clients, timeoutSeconds, false);
  }

  /**
   * @param timersFire make the fan-out's reminder and chase timers due just before the clients
   *     start, so the job executor fires them (a chase notice for every open body) while the
   *     completions run
   */
  public static Result run(
      ProcessEngine engine,
      List<String> bodies,
      int clients,
      long timeoutSeconds,
      boolean timersFire)
      throws Exception {
    return run(engine, bodies, null, clients, timeoutSeconds, timersFire);
  }

  /** With {@code bodyType} set, the fan-out chooses the bodies (all of that type) itself. */
  public static Result run(
      ProcessEngine engine,
      List<String> bodies,
      String bodyType,
      int clients,
      long timeoutSeconds,
      boolean timersFire)
      throws Exception {
    String key = "BENCH-" + System.nanoTime();
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
    long t0 = System.nanoTime();
    ProcessInstance parent = startVisible(engine, key, bodies, bodyType, deadline);
    long fanoutMillis = (System.nanoTime() - t0) / 1_000_000;

    if (timersFire) {
      // the fan-out's reminder and chase: the chase starts a notice for every body still open
      java.util.Date now = new java.util.Date();
      engine
          .getManagementService()
          .createJobQuery()
          .timers()
          .processInstanceId(parent.getId())
          .list()
          .forEach(job -> engine.getManagementService().setJobDuedate(job.getId(), now));
    }
    long t1 = System.nanoTime();
    Completions done = completeAll(engine, key, clients, timeoutSeconds);
    boolean ended = false;
    // a failed completion leaves its body open: the directive cannot move on, do not wait for it
    while (done.errors() == 0 && System.currentTimeMillis() < deadline) {
      ended =
          engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(parent.getId())
                  .finished()
                  .count()
              == 1;
      if (ended) {
        break;
      }
      Thread.sleep(20);
    }
    long completeMillis = (System.nanoTime() - t1) / 1_000_000;
    long membersEnded =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .processDefinitionKey("fanoutMember")
            .finished()
            .count();
    long counterDone = counter(engine, parent.getId());
    return new Result(
        bodies.size(),
        clients,
        fanoutMillis,
        completeMillis,
        done.completions(),
        done.errors(),
        membersEnded,
        counterDone,
        ended,
        noticesLeft(engine, key, deadline),
        done.samples());
  }

  /**
   * The chase notices still open once every chunk of the fan-out {@code key} has run: after every
   * body has finished, each is a notice about finished work (a body's answer ends its notices).
   */
  private static long noticesLeft(ProcessEngine engine, String key, long deadline)
      throws InterruptedException {
    while (engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("fanoutChunk")
            .processInstanceBusinessKey(key)
            .count()
        > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("chunks of " + key + " still running");
      }
      Thread.sleep(20);
    }
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_AcknowledgeChase")
        .count();
  }

  /**
   * How many completions went through, how many found their task gone (a notice its body's answer
   * had ended), how many failed, and the first failures.
   */
  record Completions(int completions, int gone, int errors, List<String> samples) {}

  static final Map<String, Object> REPORT = Map.of("resultReport", "Số liệu cụ thể của đơn vị");
  static final Map<String, Object> ACKNOWLEDGED = Map.of("chaseResponse", "Đã tiếp nhận");

  /** Every body of the fan-out {@code key} completes its work, {@code clients} at a time. */
  private static Completions completeAll(
      ProcessEngine engine, String key, int clients, long timeoutSeconds) throws Exception {
    return completeAll(engine, work(engine, key, "Task_Perform", REPORT), clients, timeoutSeconds);
  }

  /** The open tasks {@code taskKey} of the fan-out {@code key}, each with its answer. */
  private static List<Map.Entry<String, Map<String, Object>>> work(
      ProcessEngine engine, String key, String taskKey, Map<String, Object> answer) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey)
        .orderByTaskId()
        .asc()
        .list()
        .stream()
        .map(task -> Map.entry(task.getId(), answer))
        .toList();
  }

  private static Completions completeAll(
      ProcessEngine engine,
      List<Map.Entry<String, Map<String, Object>>> work,
      int clients,
      long timeoutSeconds)
      throws Exception {
    ConcurrentLinkedQueue<Map.Entry<String, Map<String, Object>>> todo =
        new ConcurrentLinkedQueue<>(work);
    AtomicInteger completions = new AtomicInteger();
    AtomicInteger gone = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                Map.Entry<String, Map<String, Object>> task;
                while ((task = todo.poll()) != null) {
                  try {
                    engine.getTaskService().complete(task.getKey(), task.getValue());
                    completions.incrementAndGet();
                  } catch (RuntimeException e) {
                    if (e instanceof NullValueException
                        && String.valueOf(e.getMessage()).startsWith("Cannot find task with id")) {
                      gone.incrementAndGet(); // the engine's word for a task that no longer exists
                      continue;
                    }
                    errors.incrementAndGet();
                    if (samples.size() < 5) {
                      samples.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(timeoutSeconds, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return new Completions(completions.get(), gone.get(), errors.get(), List.copyOf(samples));
  }

  /**
   * A fan-out to {@code bodies} that nobody answers, chased once: how long the chase timer's own
   * transaction takes (run here, as the job executor would) and how long until every body's leaders
   * have their notice. Then every body answers ({@code clients} at a time), each answer ending the
   * body's notice: how long until the fan-out ends, and the notices left (none).
   *
   * @param leadersToo the leaders acknowledge their notices at the same time, each next to its
   *     body's answer in the clients' queue: the two race for the same notice
   */
  public static Map<String, Object> chaseEveryBody(
      ProcessEngine engine,
      List<String> bodies,
      int clients,
      long timeoutSeconds,
      boolean leadersToo)
      throws Exception {
    String key = "BENCH-CHASE-" + System.nanoTime();
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
    ProcessInstance parent = startVisible(engine, key, bodies, null, deadline);
    String chase =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(parent.getId())
            .activityId("StartEvent_ChaseDue")
            .singleResult()
            .getId();
    long t0 = System.nanoTime();
    engine.getManagementService().executeJob(chase);
    long timerMillis = (System.nanoTime() - t0) / 1_000_000;
    long notices;
    while ((notices =
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_AcknowledgeChase")
                .count())
        < bodies.size()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "chase notices after " + timeoutSeconds + " s: " + notices + " of " + bodies.size());
      }
      Thread.sleep(20);
    }
    long allMillis = (System.nanoTime() - t0) / 1_000_000;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bodies", bodies.size());
    m.put("chaseTimerTransactionSeconds", timerMillis / 1000.0);
    m.put("allNoticesSeconds", allMillis / 1000.0);
    m.put("notices", notices);

    List<Map.Entry<String, Map<String, Object>>> work =
        leadersToo
            ? answersBesideAcknowledgements(engine, key)
            : work(engine, key, "Task_Perform", REPORT);
    long t1 = System.nanoTime();
    Completions done = completeAll(engine, work, clients, timeoutSeconds);
    awaitEnd(engine, parent, done, deadline);
    m.put("answersAfterChaseSeconds", (System.nanoTime() - t1) / 1e9);
    m.put("answers", done.completions());
    m.put("gone", done.gone());
    m.put("answerErrors", done.errors());
    m.put("answerErrorSamples", done.samples());
    m.put("noticesLeft", noticesLeft(engine, key, deadline));
    return m;
  }

  /**
   * Waits until the fan-out {@code parent} has ended, unless a completion failed (its body stays
   * open and the fan-out cannot end).
   */
  private static void awaitEnd(
      ProcessEngine engine, ProcessInstance parent, Completions done, long deadline)
      throws InterruptedException {
    while (done.errors() == 0
        && engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(parent.getId())
                .finished()
                .count()
            == 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "the fan-out " + parent.getBusinessKey() + " has not ended in time");
      }
      Thread.sleep(20);
    }
  }

  /**
   * A chase whose notices go out while the bodies answer: the chase timer runs here, and at once
   * {@code clients} threads answer every body while the job executor runs the chase's chunks. Once
   * the chunks have run and the fan-out has ended, no notice may be left: an answer ends the
   * notices started for its body, and a chunk starts none for a body that has finished.
   */
  public static Map<String, Object> chaseWhileAnswering(
      ProcessEngine engine, List<String> bodies, int clients, long timeoutSeconds)
      throws Exception {
    String key = "BENCH-RACE-" + System.nanoTime();
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
    ProcessInstance parent = startVisible(engine, key, bodies, null, deadline);
    List<Map.Entry<String, Map<String, Object>>> work = work(engine, key, "Task_Perform", REPORT);
    engine
        .getManagementService()
        .executeJob(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(parent.getId())
                .activityId("StartEvent_ChaseDue")
                .singleResult()
                .getId());
    Completions done = completeAll(engine, work, clients, timeoutSeconds);
    awaitEnd(engine, parent, done, deadline);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bodies", bodies.size());
    m.put("answers", done.completions());
    m.put("answerErrors", done.errors());
    m.put("answerErrorSamples", done.samples());
    m.put("noticesLeft", noticesLeft(engine, key, deadline));
    m.put(
        "noticesStarted",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("chaseNotice")
            .processInstanceBusinessKey(key)
            .count());
    return m;
  }

  /**
   * A fan-out to {@code bodies} withdrawn once every body has its task (the instance deleted, as an
   * administrator does in Cockpit): how long the deletion takes, and what it leaves (nothing).
   */
  public static Map<String, Object> withdraw(
      ProcessEngine engine, List<String> bodies, long timeoutSeconds) throws Exception {
    String key = "BENCH-WITHDRAW-" + System.nanoTime();
    ProcessInstance parent =
        startVisible(engine, key, bodies, null, System.currentTimeMillis() + timeoutSeconds * 1000);
    long t0 = System.nanoTime();
    engine.getRuntimeService().deleteProcessInstance(parent.getId(), "Văn bản bị thu hồi");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bodies", bodies.size());
    m.put("deleteSeconds", (System.nanoTime() - t0) / 1e9);
    m.put(
        "instancesLeft",
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .count());
    m.put(
        "tasksLeft",
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).count());
    return m;
  }

  /**
   * Every open task of the fan-out {@code key}, a body's answer beside its leaders' acknowledgement
   * of the chase, each with its answer.
   */
  private static List<Map.Entry<String, Map<String, Object>>> answersBesideAcknowledgements(
      ProcessEngine engine, String key) {
    List<Task> open =
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list();
    Map<String, String> bodyOf = new java.util.HashMap<>();
    engine
        .getRuntimeService()
        .createVariableInstanceQuery()
        .variableName("leadBody")
        .processInstanceIdIn(
            open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
        .list()
        .forEach(v -> bodyOf.put(v.getProcessInstanceId(), (String) v.getValue()));
    return open.stream()
        .sorted(java.util.Comparator.comparing((Task t) -> bodyOf.get(t.getProcessInstanceId())))
        .map(
            t ->
                Map.entry(
                    t.getId(),
                    "Task_Perform".equals(t.getTaskDefinitionKey()) ? REPORT : ACKNOWLEDGED))
        .toList();
  }

  /**
   * Starts a fan-out to {@code bodies} (or to every body of {@code bodyType}) under business key
   * {@code key} and waits until every body's task is visible.
   */
  private static ProcessInstance startVisible(
      ProcessEngine engine, String key, List<String> bodies, String bodyType, long deadline)
      throws InterruptedException {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (bodyType != null) {
      vars.put("bodyType", bodyType);
    } else {
      // a JSON array: a national list is longer than a String variable's 4,000 characters
      vars.put(
          "bodies",
          org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                  "[\"" + String.join("\",\"", bodies) + "\"]")
              .create());
    }
    vars.put("monitorBody", "bdvTU");
    vars.put("taskContent", "Báo cáo kết quả thực hiện Chỉ thị");
    vars.put("deadline", "2099-12-31");
    vars.put("leaderReview", false);
    vars.put("confirmation", false);
    if (Integer.getInteger("bench.chunkSize") != null) {
      vars.put("chunkSize", Integer.getInteger("bench.chunkSize"));
    }
    long t0 = System.nanoTime();
    ProcessInstance parent =
        engine.getRuntimeService().startProcessInstanceByKey("fanout", key, vars);
    long shown = -1;
    long visible;
    while ((visible = taskCount(engine, key)) < bodies.size()) {
      if (Boolean.getBoolean("bench.trace") && visible != shown) {
        // -Dbench.trace=true: how the tasks appear over time
        System.out.printf(
            "  %5d ms: %d tasks visible%n", (System.nanoTime() - t0) / 1_000_000, visible);
        shown = visible;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "fan-out not visible in time: " + visible + " of " + bodies.size());
      }
      Thread.sleep(Long.getLong("bench.pollMillis", 100));
    }
    return parent;
  }

  private static long taskCount(ProcessEngine engine, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(key)
        .taskDefinitionKey("Task_Perform")
        .count();
  }

  private static long counter(ProcessEngine engine, String fanoutId) {
    var config =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration();
    try (var c = config.getDataSource().getConnection();
        var s = c.prepareStatement("select done_ from danvan_fanout where id_ = ?")) {
      s.setString(1, fanoutId);
      try (var rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
