package vn.danvan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.org.OrgRegistry;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.rehearsal.LifetimeFigures;
import vn.danvan.support.BenchReport;
import vn.danvan.support.NationalRegistry;
import vn.danvan.support.PlannerStatistics;
import vn.danvan.support.PostgresApp;

/**
 * W3, a directive's whole life on PostgreSQL (scripts/bench-lifetime.sh): the Bắc Giang resolution
 * (seed 001) from its issue on 20/7/2016 to its Q3/2020 review, every fan-out widened to a province
 * of {@code bodies} (200) bodies, lived with the engine clock and the job executor off (every timer
 * run in turn, as {@link DirectiveRun} does in the tests). A seeded 30% of the bodies' work is
 * answered two days after its deadline, so reminders and chases fire; the rest on the day it is
 * given. Checks that the run was real (the directive ended, every quarterly and December report,
 * every evaluation, the review, a reminder and a chase in every fan-out with late bodies, every
 * late piece of work done after its deadline), then runs as many bare {@code start → user task →
 * end} instances as the directive made tasks. Prints wall time, tasks, jobs and SQL statements per
 * task for both and writes target/bench/lifetime.json. Goal (issue 7): ≤ 60 s wall.
 *
 * <p>First, unless told {@code 0} bodies, a warm-up: the same lifetime (as many bodies unless told
 * otherwise) in a database of its own, checked the same way. A new JVM compiles the engine's code
 * while it runs the first lifetime (23 s of the compilers' CPU out of 70 s on two cores), as a
 * server's JVM does once after it starts, so the measured lifetime is the second one; the first
 * one's wall time and CPU are in the report too ({@code warmUp}).
 */
public final class LifetimeBenchmark {

  static final String KEY = "nghiQuyetDanVanBacGiang2016";
  static final Path MODEL = Path.of("processes", "directives", KEY + ".bpmn");

  /** The call activities' inputs that name the bodies a fan-out reaches. */
  static final Set<String> BODY_LISTS = Set.of("bodies", "reportingBodies");

  /**
   * The resolution's issue and the end of its last year: the replay counts and widens to only the
   * bodies in force on both days (the province as it stood then, without the bodies of 2025).
   */
  static final LocalDate ISSUED = LocalDate.of(2016, 7, 20);

  static final LocalDate LIFE_END = LocalDate.of(2020, 12, 31);

  static final double LATE_SHARE = 0.3;
  static final int LATE_DAYS = 2;

  /** The bodies answer on 8 threads, as the 8 clients of W1 and of the fan-out benchmark. */
  static final int THREADS = 8;

  public static void main(String[] args) throws Exception {
    int bodies = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 2016;
    Path dir = Files.createDirectories(BenchReport.FOLDER);
    int warmUpBodies = args.length > 2 ? Integer.parseInt(args[2]) : bodies;
    Map<String, Object> report = BenchReport.start();
    List<String> failures = new ArrayList<>();
    if (warmUpBodies > 0) {
      report.put("warmUp", warmUp(warmUpBodies, seed, dir, failures));
    }
    Path registry = NationalRegistry.province(dir, bodies, ISSUED, LIFE_END);
    String url = PostgresApp.freshDatabase("danvan_bench_lifetime");
    try (PlannerStatistics statistics = PlannerStatistics.keep(url);
        ConfigurableApplicationContext app = start(url, registry)) {
      report.put("plannerStatistics", statistics.asMap());
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      List<String> all = bodies(app);
      int fanouts = deployWidened(engine, all);

      StatementCounter.reset();
      Lived lived = live(engine, seed);
      ProcessInstance directive = lived.directive();
      DirectiveRun run = lived.run();
      long millis = lived.millis();
      Map<String, Double> cpuUsed = lived.cpu();
      long statements = StatementCounter.count();
      Map<String, Long> topStatements = StatementCounter.top(15);
      Map<String, Long> slowestStatements = StatementCounter.slowest(15);

      Map<String, Object> lifetime = new LinkedHashMap<>();
      lifetime.put("bodies", all.size());
      lifetime.put("fanoutsWidened", fanouts);
      lifetime.put("seed", seed);
      lifetime.put("lateShare", LATE_SHARE);
      lifetime.put("wallSeconds", millis / 1000.0);
      lifetime.put("goalWallSeconds", 60);
      long tasks = run.tasksCompleted();
      lifetime.put("tasks", tasks);
      lifetime.put("jobsExecuted", run.jobsExecuted());
      lifetime.put("sqlStatements", statements);
      lifetime.put("statementsPerTask", Math.round(statements * 10.0 / tasks) / 10.0);
      lifetime.put("cpu", cpuUsed);
      lifetime.put("timeSpent", run.timeSpent());
      lifetime.put("jobsByActivity", run.jobsByActivity());
      List<String> problems = new ArrayList<>();
      lifetime.putAll(checked(engine.getHistoryService(), directive, all, run, problems));
      lifetime.put("problems", problems);
      lifetime.put("topStatements", topStatements);
      lifetime.put("slowestStatementsMillis", slowestStatements);
      report.put("lifetime", lifetime);

      StatementCounter.reset();
      CpuMeter floorCpu = CpuMeter.start();
      long floorMillis = EngineFloor.startAndComplete(engine, all, (int) tasks, THREADS);
      long floorStatements = StatementCounter.count();
      Map<String, Long> floorSlowest = StatementCounter.slowest(10);
      Map<String, Double> floorCpuUsed = floorCpu.stop();
      Map<String, Object> floor = new LinkedHashMap<>();
      floor.put(
          "process",
          "start → user task → end, on "
              + THREADS
              + " threads, a round of "
              + all.size()
              + " at a time: started, their tasks read in one query, completed");
      floor.put("tasks", tasks);
      floor.put("wallSeconds", floorMillis / 1000.0);
      floor.put("sqlStatements", floorStatements);
      floor.put("statementsPerTask", Math.round(floorStatements * 10.0 / tasks) / 10.0);
      floor.put("cpu", floorCpuUsed);
      floor.put("slowestStatementsMillis", floorSlowest);
      report.put("plainEngine", floor);
      failures.addAll(problems);

      System.out.printf(
          "lifetime 2016–2020, %d bodies, seed %d: %.1f s wall (goal ≤ 60 s), "
              + "%d tasks, %d jobs, %d SQL statements (%.1f per task)%n",
          all.size(),
          seed,
          millis / 1000.0,
          tasks,
          run.jobsExecuted(),
          statements,
          statements / (double) tasks);
      System.out.printf("  time spent %s%n  CPU %s%n", run.timeSpent(), cpuUsed);
      run.jobsByActivity()
          .forEach(
              (activity, n) ->
                  System.out.printf(
                      "  jobs %-50s %5d, %6.2f s of thread time%n",
                      activity, n.get("jobs"), n.get("threadSeconds")));
      System.out.printf(
          "  tasks by kind %s%n  reminders %s, chases %s, late work %s%n",
          lifetime.get("tasksByKind"),
          lifetime.get("reminders"),
          lifetime.get("chases"),
          lifetime.get("lateWork"));
      System.out.printf(
          "plain engine, %d bare tasks: %.1f s wall, %.1f statements per task, " + "CPU %s%n",
          tasks, floorMillis / 1000.0, floorStatements / (double) tasks, floorCpuUsed);
      System.out.println("most frequent statements of the lifetime:");
      topStatements.forEach((sql, n) -> System.out.printf("  %8d  %s%n", n, sql));
      System.out.println("statements waited for longest, lifetime (ms):");
      slowestStatements.forEach((sql, ms) -> System.out.printf("  %8d  %s%n", ms, sql));
      System.out.println("statements waited for longest, plain engine (ms):");
      floorSlowest.forEach((sql, ms) -> System.out.printf("  %8d  %s%n", ms, sql));
    }
    BenchReport.write("lifetime.json", report);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the lifetime run is wrong: " + failures);
    }
  }

  /**
   * The lifetime with {@code bodies} in a database of its own, checked as the measured one is (what
   * is wrong goes to {@code failures}); its wall time and CPU.
   */
  static Map<String, Object> warmUp(int bodies, long seed, Path dir, List<String> failures)
      throws Exception {
    Path registry = NationalRegistry.province(dir, bodies, ISSUED, LIFE_END);
    String url = PostgresApp.freshDatabase("danvan_bench_lifetime_warmup");
    try (PlannerStatistics statistics = PlannerStatistics.keep(url);
        ConfigurableApplicationContext app = start(url, registry)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      List<String> all = bodies(app);
      deployWidened(engine, all);
      Lived lived = live(engine, seed);
      List<String> problems = new ArrayList<>();
      checked(engine.getHistoryService(), lived.directive(), all, lived.run(), problems);
      problems.forEach(p -> failures.add("warm-up: " + p));
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("bodies", all.size());
      figures.put("tasks", lived.run().tasksCompleted());
      figures.put("wallSeconds", lived.millis() / 1000.0);
      figures.put("cpu", lived.cpu());
      figures.put("problems", problems);
      System.out.printf(
          "warm-up, the same lifetime with %d bodies in a new JVM and a database of "
              + "its own: %.1f s wall, %d tasks, CPU %s%n",
          all.size(), lived.millis() / 1000.0, lived.run().tasksCompleted(), lived.cpu());
      return figures;
    }
  }

  /** A lived directive: the instance, its run, its wall time and its CPU. */
  record Lived(ProcessInstance directive, DirectiveRun run, long millis, Map<String, Double> cpu) {}

  /** The directive from its issue to its end, with the engine clock; the clock is reset after. */
  private static Lived live(ProcessEngine engine, long seed) {
    DirectiveRun.at(ISSUED + "T09:00");
    CpuMeter cpu = CpuMeter.start();
    long t0 = System.nanoTime();
    ProcessInstance directive =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                KEY, "NQ-DV-BG-2016", Map.of("issuedDate", ISSUED.toString()));
    DirectiveRun run =
        new DirectiveRun(engine)
            .withoutRecording()
            .late(LATE_SHARE, seed, LATE_DAYS)
            .parallel(THREADS);
    run.untilEnded(directive, 1_000_000);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    Map<String, Double> used = cpu.stop();
    ClockUtil.reset();
    return new Lived(directive, run, millis, used);
  }

  private static ConfigurableApplicationContext start(String url, Path registry) {
    return PostgresApp.start(
        url,
        null,
        "--camunda.bpm.admin-user.password=bench-only",
        "--danvan.org.registry=file:" + registry.toAbsolutePath(),
        "--danvan.evaluation.province=tinhMau",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.main.sources=" + StatementCounter.class.getName(),
        "--logging.level.root=WARN");
  }

  /** The registry's bodies in force from the issue to the end of the last year. */
  private static List<String> bodies(ConfigurableApplicationContext app) {
    return app.getBean(OrgRegistry.class).bodies().stream()
        .filter(b -> NationalRegistry.inForceThroughout(b, ISSUED, LIFE_END))
        .map(OrgRegistry.Body::id)
        .toList();
  }

  /**
   * Deploys the directive's model with every fan-out's list of bodies ({@link #BODY_LISTS}) widened
   * to {@code all} (the bodies the text names first); returns how many lists.
   */
  static int deployWidened(ProcessEngine engine, List<String> all) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
    int lists = 0;
    for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
      if (in.getCamundaTarget() != null && BODY_LISTS.contains(in.getCamundaTarget())) {
        Set<String> widened =
            new LinkedHashSet<>(List.of(in.getCamundaSourceExpression().split("\\s*,\\s*")));
        widened.addAll(all);
        String list = String.join(",", widened);
        if (list.length() > 4000) {
          throw new IllegalStateException("a String variable holds at most 4,000 characters");
        }
        in.setCamundaSourceExpression(list);
        lists++;
      }
    }
    engine
        .getRepositoryService()
        .createDeployment()
        .name("benchmark-" + KEY)
        .addModelInstance(KEY + ".bpmn", model)
        .deploy();
    return lists;
  }

  /**
   * Whether the run lived the directive through: what is wrong goes to {@code problems} (the
   * benchmark prints its figures, then fails); returns the figures it checked.
   */
  static Map<String, Object> checked(
      HistoryService history,
      ProcessInstance directive,
      List<String> all,
      DirectiveRun run,
      List<String> problems) {
    java.util.function.BiConsumer<Boolean, String> check =
        (ok, message) -> {
          if (!ok) {
            problems.add(message);
          }
        };
    Map<String, Object> figures = new LinkedHashMap<>();
    check.accept(
        history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(directive.getId())
                .finished()
                .count()
            == 1,
        "the directive has not ended");
    check.accept(
        history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(directive.getId())
                .activityId("EndEvent_DirectiveClosed")
                .count()
            == 1,
        "the directive did not close");

    Map<String, Long> byKind = new TreeMap<>();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().list();
    tasks.forEach(t -> byKind.merge(t.getTaskDefinitionKey(), 1L, Long::sum));
    figures.put("tasksByKind", byKind);
    check.accept(
        tasks.size() == run.tasksCompleted(),
        "history holds " + tasks.size() + " tasks, the bodies completed " + run.tasksCompleted());
    check.accept(tasks.stream().allMatch(t -> t.getEndTime() != null), "tasks left open");
    int n = all.size();
    // every widened fan-out reaches every body once: each body has as many pieces of fan-out
    // work as there are fan-outs; the five yearly evaluations take every body's sheet
    expect(problems, byKind, "Task_SelfAssess", 5L * n);
    expect(problems, byKind, "Task_ReviewScores", 5L * n);
    expect(problems, byKind, "Task_ApproveRanking", 5);
    expect(problems, byKind, "Task_ConcludeReview", 1);
    long fanouts =
        history.createHistoricProcessInstanceQuery().processDefinitionKey("fanout").count();
    figures.put("fanouts", fanouts);
    Map<String, Long> perBody =
        history
            .createHistoricVariableInstanceQuery()
            .processDefinitionKey("fanoutMember")
            .variableName("leadBody")
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(v -> String.valueOf(v.getValue()), Collectors.counting()));
    check.accept(
        fanouts > 0
            && perBody.keySet().equals(Set.copyOf(all))
            && perBody.values().stream().allMatch(c -> c == fanouts),
        "every body is given one piece of work in each of the "
            + fanouts
            + " fan-outs: "
            + perBody);
    long periods =
        history.createHistoricProcessInstanceQuery().processDefinitionKey("reportPeriod").count();
    figures.put("reportPeriods", periods);
    check.accept(
        periods > 0 && count(byKind, "Task_Conclude") == periods,
        "report periods concluded: " + count(byKind, "Task_Conclude") + " of " + periods);

    // late work: done after its deadline; every fan-out with a late body reminded and chased it
    Set<String> late = Set.copyOf(run.lateTasks());
    long doneLate =
        tasks.stream()
            .filter(t -> late.contains(t.getId()))
            .filter(t -> t.getEndTime().after(t.getDueDate()))
            .count();
    check.accept(
        !late.isEmpty() && doneLate == late.size(),
        doneLate + " of " + late.size() + " late pieces of work done after the deadline");
    Set<String> lateInstances =
        tasks.stream()
            .filter(t -> late.contains(t.getId()))
            .map(HistoricTaskInstance::getProcessInstanceId)
            .collect(Collectors.toSet());
    Set<String> fanoutsWithLate = new java.util.HashSet<>();
    for (List<String> part : partition(new ArrayList<>(lateInstances), 500)) {
      history
          .createHistoricVariableInstanceQuery()
          .variableName("fanoutId")
          .processInstanceIdIn(part.toArray(String[]::new))
          .disableCustomObjectDeserialization()
          .list()
          .stream()
          .map(HistoricVariableInstance::getValue)
          .map(String::valueOf)
          .forEach(fanoutsWithLate::add);
    }
    Set<String> reminded = instances(history, LifetimeFigures.REMINDER);
    Set<String> chased = instances(history, LifetimeFigures.CHASE);
    check.accept(
        !fanoutsWithLate.isEmpty() && reminded.containsAll(fanoutsWithLate),
        "fan-outs with late bodies not reminded: " + diff(fanoutsWithLate, reminded));
    check.accept(
        chased.containsAll(fanoutsWithLate),
        "fan-outs with late bodies not chased: " + diff(fanoutsWithLate, chased));
    long lateMembers =
        late.stream()
            .filter(
                id ->
                    tasks.stream()
                        .anyMatch(
                            t ->
                                t.getId().equals(id)
                                    && "fanoutMember".equals(t.getProcessDefinitionKey())))
            .count();
    check.accept(
        count(byKind, "Task_AcknowledgeChase") >= lateMembers,
        "fewer chase notices than late fan-out work");
    figures.put("lateWork", late.size());
    figures.put("fanoutsWithLateBodies", fanoutsWithLate.size());
    figures.put("reminders", LifetimeFigures.reminders(history));
    figures.put("chases", LifetimeFigures.chases(history));
    return figures;
  }

  private static Set<String> instances(HistoryService history, String activity) {
    return history.createHistoricActivityInstanceQuery().activityId(activity).list().stream()
        .map(HistoricActivityInstance::getProcessInstanceId)
        .collect(Collectors.toSet());
  }

  private static Set<String> diff(Set<String> a, Set<String> b) {
    Set<String> d = new LinkedHashSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static <T> List<List<T>> partition(List<T> list, int size) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      parts.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return parts;
  }

  private static long count(Map<String, Long> byKind, String key) {
    return byKind.getOrDefault(key, 0L);
  }

  private static void expect(
      List<String> problems, Map<String, Long> byKind, String key, long expected) {
    if (count(byKind, key) != expected) {
      problems.add(key + ": " + count(byKind, key) + " tasks, expected " + expected);
    }
  }
}
