package vn.danvan.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;

/**
 * Work over the REST API of a running node, as authenticated clients do it: assignments started by
 * Ban Dân vận's coordinator, trivial {@code start → user task → end} instances as the plain
 * engine's baseline, and clients completing the tasks as the bodies' staff.
 */
public final class RestLoad {

  public static final String COORDINATOR = "bdvTUDieuPhoi";
  public static final String TRIVIAL = "benchTrivialTask";

  /**
   * A baseline whose task, once completed, gives the body's leaders a task of their own, as an
   * assignment's does by default (the leader's approval), with nothing else of the product's.
   */
  public static final String TRIVIAL_NEXT = "benchTrivialNextTask";

  /** What a body's staff sends when they complete their task (both processes alike). */
  public static final String REPORT =
      "{\"variables\":{\"requestExtension\":{\"value\":false},"
          + "\"resultReport\":{\"value\":\"Đã thực hiện, có số liệu cụ thể kèm theo\"}}}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RestLoad() {}

  /** A task and the person who completes it ("id:password"). */
  public record Completion(String taskId, String user) {}

  /**
   * The bodies in force today whose staff member {@code <body>CanBo} is a user of the node and
   * belongs to that body in the demo registry (after a merger, a person may work for the heir under
   * the old body's login: such bodies are left out, and so are ended ones, whose new work goes to
   * their heir).
   */
  public static List<String> staffedBodies(Http http) {
    OrgRegistry demo = OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));
    LocalDate today = LocalDate.now(Deadlines.ZONE);
    List<String> bodies = new ArrayList<>();
    for (JsonNode user : read(http.get("/engine-rest/user?maxResults=10000", AppNode.ADMIN))) {
      String id = user.get("id").asText();
      String body = id.endsWith("CanBo") ? id.substring(0, id.length() - "CanBo".length()) : "";
      if (demo.person(id).filter(p -> p.body().equals(body)).isPresent()
          && demo.body(body).filter(b -> b.isValidOn(today)).isPresent()) {
        bodies.add(body);
      }
    }
    Collections.sort(bodies);
    return bodies;
  }

  /**
   * Deploys the baselines (administrator): a bare start → the body's user task → end, and the same
   * task followed by a second one for the body's leaders ({@link #TRIVIAL_NEXT}).
   */
  public static void deployTrivial(Http http) {
    deploy(
        http,
        TRIVIAL,
        Bpmn.createExecutableProcess(TRIVIAL)
            .name("Việc tối giản (đối chứng)")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .userTask("Task_Trivial")
            .name("Việc tối giản")
            .camundaCandidateGroups("${leadBody}")
            .endEvent()
            .done());
    deploy(
        http,
        TRIVIAL_NEXT,
        Bpmn.createExecutableProcess(TRIVIAL_NEXT)
            .name("Việc tối giản có bước sau (đối chứng)")
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .userTask("Task_TrivialFirst")
            .name("Việc tối giản")
            .camundaCandidateGroups("${leadBody}")
            .userTask("Task_TrivialNext")
            .name("Bước sau")
            .camundaCandidateGroups("${leadBody}LanhDao")
            .endEvent()
            .done());
  }

  private static void deploy(Http http, String key, BpmnModelInstance model) {
    Http.Reply reply =
        http.postFile(
            "/engine-rest/deployment/create",
            AppNode.ADMIN,
            key + ".bpmn",
            Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8),
            "deployment-name",
            key,
            "enable-duplicate-filtering",
            "true");
    expect(reply, 200);
  }

  /**
   * Starts {@code perBody} assignments for each body (coordinator, {@code threads} clients);
   * returns the process instance ids.
   */
  public static List<String> startAssignments(
      int port, List<String> bodies, int perBody, int threads, String deadline) throws Exception {
    return startAssignments(port, bodies, perBody, threads, deadline, Map.of());
  }

  /** As above, with more start variables ({@code leaderReview}, {@code confirmation}: flags). */
  public static List<String> startAssignments(
      int port,
      List<String> bodies,
      int perBody,
      int threads,
      String deadline,
      Map<String, Boolean> flags)
      throws Exception {
    StringBuilder more = new StringBuilder();
    flags.forEach(
        (name, value) ->
            more.append(",\"").append(name).append("\":{\"value\":").append(value).append('}'));
    return startEach(
        port,
        bodies,
        perBody,
        threads,
        body -> COORDINATOR + ":" + AppNode.PASSWORD,
        "/engine-rest/process-definition/key/assignment/start",
        body ->
            "{\"variables\":{"
                + "\"leadBody\":{\"value\":\""
                + body
                + "\"},\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Báo cáo kết quả thực hiện Chỉ thị\"},"
                + "\"deadline\":{\"value\":\""
                + deadline
                + "\"}"
                + more
                + "}}");
  }

  /**
   * Starts {@code perBody} instances of the baseline {@code key} ({@link #TRIVIAL} or {@link
   * #TRIVIAL_NEXT}) for each body (administrator).
   */
  public static List<String> startTrivial(
      int port, String key, List<String> bodies, int perBody, int threads) throws Exception {
    return startEach(
        port,
        bodies,
        perBody,
        threads,
        body -> AppNode.ADMIN,
        "/engine-rest/process-definition/key/" + key + "/start",
        body -> "{\"variables\":{\"leadBody\":{\"value\":\"" + body + "\"}}}");
  }

  /**
   * Moves each instance's reminder timer ({@code StartEvent_ReminderDue}) to {@code due}, as an
   * administrator does in Cockpit; returns the jobs.
   */
  public static List<String> moveReminders(Http http, List<String> instances, Instant due) {
    String at =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .format(due.atOffset(ZoneOffset.UTC));
    List<String> jobs = new ArrayList<>();
    for (String instance : instances) {
      JsonNode found =
          read(
              http.get(
                  "/engine-rest/job?processInstanceId="
                      + instance
                      + "&activityId=StartEvent_ReminderDue",
                  AppNode.ADMIN));
      if (found.size() != 1) {
        throw new IllegalStateException(instance + " has " + found.size() + " reminder timers");
      }
      String job = found.get(0).get("id").asText();
      expect(
          http.putJson(
              "/engine-rest/job/" + job + "/duedate",
              AppNode.ADMIN,
              "{\"duedate\":\"" + at + "\"}"),
          204);
      jobs.add(job);
    }
    return jobs;
  }

  /** The open tasks of {@code definitionKey} of each body, each with its body's staff member. */
  public static List<Completion> openTasks(Http http, List<String> bodies, String taskKey) {
    List<Completion> all = new ArrayList<>();
    for (String body : bodies) {
      for (JsonNode task :
          read(
              http.get(
                  "/engine-rest/task?candidateGroup="
                      + body
                      + "&taskDefinitionKey="
                      + taskKey
                      + "&maxResults=100000",
                  AppNode.ADMIN))) {
        all.add(new Completion(task.get("id").asText(), body + "CanBo:" + AppNode.PASSWORD));
      }
    }
    // interleave the bodies, as requests from a province arrive
    all.sort((a, b) -> Integer.compare(a.taskId().hashCode(), b.taskId().hashCode()));
    return all;
  }

  /** What clients saw: every acknowledged completion, every failed one, latencies. */
  public record Outcome(
      List<String> acknowledged,
      List<String> failed,
      List<String> errorSamples,
      long millis,
      List<Double> latenciesMillis) {

    public double perSecond() {
      return acknowledged.size() * 1000.0 / Math.max(1, millis);
    }

    public Map<String, Object> asMap() {
      List<Double> sorted = new ArrayList<>(latenciesMillis);
      Collections.sort(sorted);
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("completions", acknowledged.size());
      map.put("errors", failed.size());
      map.put("seconds", millis / 1000.0);
      map.put("perSecond", Math.round(perSecond() * 10) / 10.0);
      map.put("p50Millis", BenchReport.round(BenchReport.percentile(sorted, 50)));
      map.put("p95Millis", BenchReport.round(BenchReport.percentile(sorted, 95)));
      map.put("errorSamples", errorSamples);
      return map;
    }
  }

  /**
   * {@code clients} threads complete {@code work} (each thread its share, in order) with {@code
   * payload}. A client whose request fails without an answer (the node is gone) stops.
   */
  public static Outcome complete(int port, List<Completion> work, int clients, String payload)
      throws Exception {
    ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(
          pool.submit(
              () -> {
                Http http = new Http(port);
                for (int i = client; i < work.size(); i += clients) {
                  Completion item = work.get(i);
                  long t = System.nanoTime();
                  try {
                    Http.Reply reply =
                        http.postJson(
                            "/engine-rest/task/" + item.taskId() + "/complete",
                            item.user(),
                            payload);
                    latencies.add((System.nanoTime() - t) / 1e6);
                    if (reply.status() == 204) {
                      acked.add(item.taskId());
                    } else {
                      failed.add(item.taskId());
                      if (samples.size() < 5) {
                        samples.add(reply.status() + " " + reply.body());
                      }
                    }
                  } catch (IllegalStateException noAnswer) {
                    failed.add(item.taskId());
                    if (samples.size() < 5) {
                      samples.add(noAnswer.getMessage());
                    }
                    return;
                  }
                }
              }));
    }
    for (Future<?> thread : threads) {
      thread.get();
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    pool.shutdown();
    return new Outcome(
        List.copyOf(acked),
        List.copyOf(failed),
        List.copyOf(samples),
        millis,
        List.copyOf(latencies));
  }

  public static JsonNode read(Http.Reply reply) {
    expect(reply, 200);
    try {
      return JSON.readTree(reply.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void expect(Http.Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "expected " + status + ", got " + reply.status() + ": " + reply.body());
    }
  }

  private static List<String> startEach(
      int port,
      List<String> bodies,
      int perBody,
      int threads,
      Function<String, String> user,
      String path,
      Function<String, String> body)
      throws Exception {
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    int total = bodies.size() * perBody;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      parts.add(
          pool.submit(
              () -> {
                Http http = new Http(port);
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  String lead = bodies.get(i % bodies.size());
                  Http.Reply reply = http.postJson(path, user.apply(lead), body.apply(lead));
                  ids.add(read(reply).get("id").asText());
                }
                return null;
              }));
    }
    for (Future<?> part : parts) {
      part.get();
    }
    pool.shutdown();
    return List.copyOf(ids);
  }
}
