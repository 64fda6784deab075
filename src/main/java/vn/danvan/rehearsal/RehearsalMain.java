package vn.danvan.rehearsal;

import static vn.danvan.variable.SharedVariables.ISSUED_DATE;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.ModelDeployer;
import vn.danvan.org.OrgRegistry;
import vn.danvan.rehearsal.Rehearsal.BodyYears;
import vn.danvan.rehearsal.Rehearsal.Ending;
import vn.danvan.rehearsal.Rehearsal.Incident;
import vn.danvan.rehearsal.Rehearsal.Input;
import vn.danvan.rehearsal.Rehearsal.OpenWork;
import vn.danvan.rehearsal.Rehearsal.Output;
import vn.danvan.rehearsal.Rehearsal.Result;
import vn.danvan.rehearsal.Rehearsal.Settings;
import vn.danvan.rehearsal.Rehearsal.YearTotals;

/**
 * A rehearsal's JVM: {@code RehearsalMain input.json output.json}. Starts the application's beans
 * on an engine of its own ({@link RehearsalEngine}), deploys the product's blocks, decisions and
 * forms and the model, starts the directive on its issue date with the engine clock, lives it
 * through ({@link DirectiveRun}) and writes what happened. The engine clock is the JVM's: moving it
 * here moves no other engine's. A model the deployment's checks or the directive's start checks
 * refuse is answered as a refusal; anything else that fails, as a failure.
 */
public final class RehearsalMain {

  /** The bodies' late work is answered this many days after its deadline. */
  static final int LATE_DAYS = 2;

  /** The run stops when the next timer is this long after the last deadline answered. */
  static final Period HORIZON = Period.ofYears(1);

  /** At most this many moves of the clock. */
  static final int MAX_STEPS = 20_000;

  static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final Logger LOG = LoggerFactory.getLogger(RehearsalMain.class);

  private RehearsalMain() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    Input input = JSON.readValue(Path.of(args[0]).toFile(), Input.class);
    Output output;
    Map<String, Object> settings = new HashMap<>(input.properties());
    settings.put("danvan.mail.enabled", "false");
    try (ConfigurableApplicationContext context =
        RehearsalEngine.start(RehearsalEngine.class, settings)) {
      output =
          new Output(
              rehearse(
                  context.getBean(ProcessEngine.class), context.getBean(OrgRegistry.class), input),
              null,
              null);
    } catch (RuntimeException e) {
      String refusal = refusal(e);
      if (refusal == null) {
        LOG.error("Diễn tập không chạy được", e);
      }
      output =
          refusal != null
              ? new Output(null, refusal, null)
              : new Output(null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    JSON.writeValue(Path.of(args[1]).toFile(), output);
    System.exit(0);
  }

  /** Only warnings and errors: the engine's own debugging would fill the application's log. */
  private static void quietLogs() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.WARN);
    }
  }

  /**
   * A refusal of the model (a check of the deployment or of the directive's start, a BPMN the
   * engine cannot parse): its message; null for anything else.
   */
  static String refusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof vn.danvan.input.InvalidInputException
          || t instanceof org.camunda.bpm.engine.ParseException) {
        return t.getMessage();
      }
    }
    return null;
  }

  /** Deploys, starts and lives the directive through; what happened. */
  static Result rehearse(ProcessEngine engine, OrgRegistry registry, Input input) {
    RepositoryService repository = engine.getRepositoryService();
    try {
      Map<String, byte[]> product = new TreeMap<>();
      ModelDeployer.productFiles()
          .forEach(
              (name, content) -> {
                if (!name.startsWith("processes/directives/")) {
                  product.put(name, content);
                }
              });
      if (!input.checked()) {
        product.put(input.resourceName(), input.xml().getBytes(StandardCharsets.UTF_8));
      }
      ModelDeployer.deploy(repository, product);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Không đọc được mô hình của sản phẩm: " + e.getMessage(), e);
    }
    if (input.checked()) {
      repository
          .createDeployment()
          .name("dien-tap")
          .source("dien-tap")
          .addInputStream(
              input.resourceName(),
              new ByteArrayInputStream(input.xml().getBytes(StandardCharsets.UTF_8)))
          .deploy();
    }
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(input.key())
            .latestVersion()
            .singleResult();
    Date issuedAt = Date.from(input.issued().atTime(9, 0).atZone(Deadlines.ZONE).toInstant());
    ClockUtil.setCurrentTime(issuedAt);
    ProcessInstance directive =
        engine
            .getRuntimeService()
            .startProcessInstanceById(
                definition.getId(), input.number(), Map.of(ISSUED_DATE, input.issued().toString()));
    Settings asked = input.settings();
    DirectiveRun run = new DirectiveRun(engine).tolerant().recordingOnSight();
    if (asked.lateShare() > 0) {
      run.late(asked.lateShare(), asked.seed(), LATE_DAYS);
    }
    if (asked.silentShare() > 0) {
      run.silentShare(asked.silentShare(), asked.seed());
    }
    DirectiveRun.Stop stop = run.lifetime(directive, HORIZON, MAX_STEPS);
    return new Result(
        input.key(),
        definition.getName() == null ? input.key() : definition.getName(),
        input.issued(),
        input.number(),
        0,
        new Settings(
            asked.lateShare(), asked.silentShare(), asked.seed(), List.copyOf(run.silentBodies())),
        bodies(run, registry),
        years(engine, run, input.issued(), stop),
        run.troubles().stream()
            .map(t -> new Incident(t.activity(), t.message(), LifetimeFigures.day(t.at())))
            .toList(),
        ending(engine, registry, stop));
  }

  private static List<BodyYears> bodies(DirectiveRun run, OrgRegistry registry) {
    Map<String, Map<Integer, Long>> byBody = new TreeMap<>();
    for (DirectiveRun.Received r : run.received()) {
      if (r.body() != null) {
        byBody
            .computeIfAbsent(DirectiveRun.bodyOf(r.body()), b -> new TreeMap<>())
            .merge(r.given().getYear(), 1L, Long::sum);
      }
    }
    List<BodyYears> bodies = new ArrayList<>();
    byBody.forEach(
        (body, years) ->
            bodies.add(
                new BodyYears(
                    body,
                    registry.name(body),
                    years,
                    years.values().stream().mapToLong(Long::longValue).sum())));
    return bodies;
  }

  private static List<YearTotals> years(
      ProcessEngine engine, DirectiveRun run, LocalDate issued, DirectiveRun.Stop stop) {
    var history = engine.getHistoryService();
    Map<Integer, Long> tasks = LifetimeFigures.tasksByYear(history);
    Map<Integer, Long> reminders =
        LifetimeFigures.activitiesByYear(history, LifetimeFigures.REMINDER);
    Map<Integer, Long> chases = LifetimeFigures.activitiesByYear(history, LifetimeFigures.CHASE);
    Map<Integer, Long> reports = LifetimeFigures.reportsByYear(history);
    Map<Integer, Long> reviews = LifetimeFigures.reviewsByYear(history);
    Map<Integer, Long> incidents = new TreeMap<>();
    run.troubles().forEach(t -> incidents.merge(LifetimeFigures.year(t.at()), 1L, Long::sum));
    TreeSet<Integer> seen = new TreeSet<>(tasks.keySet());
    seen.add(issued.getYear());
    if (stop.at() != null) {
      seen.add(LifetimeFigures.year(stop.at()));
    }
    List<YearTotals> years = new ArrayList<>();
    for (int y = seen.first(); y <= seen.last(); y++) {
      years.add(
          new YearTotals(
              y,
              tasks.getOrDefault(y, 0L),
              reminders.getOrDefault(y, 0L),
              chases.getOrDefault(y, 0L),
              reports.getOrDefault(y, 0L),
              reviews.getOrDefault(y, 0L),
              incidents.getOrDefault(y, 0L)));
    }
    return years;
  }

  private static Ending ending(ProcessEngine engine, OrgRegistry registry, DirectiveRun.Stop stop) {
    Map<List<String>, Long> open = new LinkedHashMap<>();
    List<Task> tasks = engine.getTaskService().createTaskQuery().list();
    for (Task task : tasks) {
      String group =
          engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
              .map(IdentityLink::getGroupId)
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse("");
      open.merge(
          List.of(
              DirectiveRun.bodyOf(group),
              task.getTaskDefinitionKey(),
              java.util.Objects.toString(task.getName(), "")),
          1L,
          Long::sum);
    }
    List<OpenWork> work = new ArrayList<>();
    open.forEach(
        (k, n) ->
            work.add(
                new OpenWork(
                    k.get(0),
                    k.get(0).isEmpty() ? "" : registry.name(k.get(0)),
                    k.get(1),
                    k.get(2),
                    n)));
    work.sort(java.util.Comparator.comparing(OpenWork::body).thenComparing(OpenWork::activity));
    return new Ending(
        stop.ended(),
        stop.at() == null ? null : LifetimeFigures.day(stop.at()),
        stop.reason(),
        tasks.size(),
        work);
  }
}
