package vn.danvan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import vn.danvan.attachment.TestFiles;
import vn.danvan.support.AppNode;
import vn.danvan.support.BenchReport;
import vn.danvan.support.Http;
import vn.danvan.support.NationalRegistry;
import vn.danvan.support.PostgresApp;

/**
 * Attachments at national scale on PostgreSQL (scripts/bench-attachments.sh, issue 23 §5): the
 * packaged application in a JVM of its own with a heap limit ({@code -Dbench.heap}, 512m), the
 * national registry with one staff member per commune; a fan-out to {@code bodies} communes, then
 * {@code clients} threads upload one PDF of {@code sizeKB} KB to each body's task as that body's
 * staff over HTTP Basic: first through the product's store ({@code POST
 * /api/tep-dinh-kem/cong-viec/{taskId}}), then through the engine's own attachment API ({@code POST
 * /engine-rest/task/{id}/attachment/create}, kept in {@code ACT_GE_BYTEARRAY}) as the plain
 * engine's way. For each: the latency of an upload (p50, p95, max), the throughput, the errors (any
 * other status than the API's success), the heap's peak in the application's JVM (over JMX: the
 * heap pools' peaks, reset before each phase, and the highest heap use seen every 100 ms) and what
 * was stored, counted in the database. At the end the application must still be alive and ready.
 * Prints a table and writes target/bench/attachments.json.
 */
public final class AttachmentBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = AppNode.ADMIN;

  /** One way of uploading: its name, and an upload of the file to a task as a user. */
  private record Way(String name, int created, Upload upload) {}

  @FunctionalInterface
  private interface Upload {
    Http.Reply send(Http http, String taskId, String user, String fileName, byte[] pdf);
  }

  /** A body's task and the login of the body's staff member. */
  private record Work(String taskId, String user) {}

  public static void main(String[] args) throws Exception {
    int bodies = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int sizeKb = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    String heap = System.getProperty("bench.heap", "512m");
    Path dir = Files.createDirectories(BenchReport.FOLDER);
    Path registry = NationalRegistry.write(dir, bodies, true);
    String url = PostgresApp.freshDatabase("danvan_bench_attach");
    byte[] pdf = pdfOf(sizeKb * 1024);

    Map<String, Object> report = BenchReport.start();
    report.put("bodies", bodies);
    report.put("fileBytes", pdf.length);
    report.put("clients", clients);
    report.put("applicationHeap", "-Xmx" + heap);
    int jmxPort = AppNode.freePort();
    List<String> jvm =
        List.of(
            "-Xmx" + heap,
            "-XX:+HeapDumpOnOutOfMemoryError",
            "-XX:HeapDumpPath=" + dir.toAbsolutePath(),
            "-Dcom.sun.management.jmxremote.port=" + jmxPort,
            "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
            "-Dcom.sun.management.jmxremote.host=127.0.0.1",
            "-Djava.rmi.server.hostname=127.0.0.1",
            "-Dcom.sun.management.jmxremote.authenticate=false",
            "-Dcom.sun.management.jmxremote.ssl=false");
    List<Map<String, Object>> phases = new ArrayList<>();
    long t0 = System.nanoTime();
    try (AppNode node =
        AppNode.on(
            "attachments",
            url,
            dir,
            jvm,
            "file:" + registry.toAbsolutePath(),
            "--server.tomcat.threads.max=50")) {
      node.start().awaitReady(Duration.ofMinutes(15));
      report.put("startSeconds", round((System.nanoTime() - t0) / 1e9));
      try (JMXConnector jmx =
              JMXConnectorFactory.connect(
                  new JMXServiceURL(
                      "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
          Connection db =
              DriverManager.getConnection(url, PostgresApp.USER, PostgresApp.PASSWORD)) {
        Heap watched = new Heap(jmx.getMBeanServerConnection());
        report.put("startHeap", watched.peaks());
        List<Work> work = fanOut(node.http(), db, bodies);
        Http http = Http.withoutCookies(node.port());
        List<Way> ways =
            List.of(
                new Way(
                    "product (danvan_attachment)",
                    201,
                    (h, task, user, name, file) ->
                        h.postPart(
                            "/api/tep-dinh-kem/cong-viec/" + task,
                            user + ":" + AppNode.PASSWORD,
                            "tep",
                            name,
                            file)),
                new Way(
                    "engine, as admin (bytearray)",
                    200,
                    (h, task, user, name, file) -> engineUpload(h, task, ADMIN, name, file)));
        // the engine's endpoint looks the task up in the history, which a body's staff may not
        // read: it answers them 400 "No task found", so the engine's way runs as the administrator
        Http.Reply asStaff =
            engineUpload(
                http,
                work.get(0).taskId(),
                work.get(0).user() + ":" + AppNode.PASSWORD,
                "Báo cáo kết quả.pdf",
                pdf);
        report.put("engineAsStaff", asStaff.status() + " " + abbreviated(asStaff));
        if (asStaff.status() == 200) {
          throw new IllegalStateException("the engine's endpoint now takes the staff's upload");
        }

        // a few uploads each way first, not counted: the JIT compiles the paths both take
        int warm = Math.min(bodies, Math.max(clients, bodies / 20));
        for (Way way : ways) {
          run(http, way, work.subList(0, warm), clients, pdf);
        }
        for (Way way : ways) {
          watched.reset();
          Map<String, Object> phase = run(http, way, work, clients, pdf);
          phase.put("heap", watched.peaks());
          phases.add(phase);
        }
        report.put("phases", phases);
        report.put("warmUpUploadsEachWay", warm);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put(
            "product",
            counted(
                db,
                "select count(*), coalesce(sum(size_), 0),"
                    + " (select coalesce(sum(length(data_)), 0) from danvan_attachment_part)"
                    + " from danvan_attachment"));
        stored.put(
            "engine",
            counted(
                db,
                "select count(*), coalesce(sum(length(b.bytes_)), 0),"
                    + " coalesce(sum(length(b.bytes_)), 0) from act_hi_attachment a join"
                    + " act_ge_bytearray b on b.id_ = a.content_id_"));
        report.put("stored", stored);
        boolean alive =
            node.pid() > 0
                && ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false)
                && node.http().get("/actuator/health/readiness", null).status() == 200;
        report.put("aliveAtEnd", alive);
        report.put("applicationHeapAtEnd", watched.peaks());
      } finally {
        report.put("log", node.log().toString());
      }
    }
    BenchReport.write("attachments.json", report);
    print(report);
    check(report, bodies + Math.min(bodies, Math.max(clients, bodies / 20)), pdf.length);
  }

  /** An upload through the engine's own attachment API: kept in ACT_GE_BYTEARRAY. */
  private static Http.Reply engineUpload(
      Http http, String taskId, String user, String name, byte[] file) {
    return http.postPart(
        "/engine-rest/task/" + taskId + "/attachment/create",
        user,
        "content",
        name,
        file,
        "attachment-name",
        name,
        "attachment-type",
        "application/pdf");
  }

  /** A valid one-page PDF of exactly {@code bytes} bytes (padded with random data). */
  static byte[] pdfOf(int bytes) {
    // the padding's length is written in the file: its digits count too
    int padding = bytes - TestFiles.pdf(0).length;
    for (int tries = 0; tries < 5; tries++) {
      byte[] pdf = TestFiles.pdf(padding);
      if (pdf.length == bytes) {
        return pdf;
      }
      padding += bytes - pdf.length;
    }
    throw new IllegalStateException("no PDF of exactly " + bytes + " bytes");
  }

  /**
   * Starts a fan-out to the first {@code bodies} communes over the engine's REST API (as the
   * administrator: the setting up is not measured), waits until every body has its task, and
   * returns each task with the login of its body's staff member.
   */
  private static List<Work> fanOut(Http admin, Connection db, int bodies) throws Exception {
    List<String> communes = NationalRegistry.communeIds(bodies);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("bodies", Map.of("type", "Json", "value", JSON.writeValueAsString(communes)));
    vars.put("monitorBody", Map.of("type", "String", "value", "bdvTU"));
    vars.put("taskContent", Map.of("type", "String", "value", "Báo cáo kết quả, kèm minh chứng"));
    vars.put("deadline", Map.of("type", "String", "value", "2099-12-31"));
    vars.put("leaderReview", Map.of("type", "Boolean", "value", false));
    vars.put("confirmation", Map.of("type", "Boolean", "value", false));
    String key = "BENCH-TEP-" + System.nanoTime();
    Http.Reply started =
        admin.postJson(
            "/engine-rest/process-definition/key/fanout/start",
            ADMIN,
            JSON.writeValueAsString(Map.of("businessKey", key, "variables", vars)));
    if (started.status() != 200) {
      throw new IllegalStateException("fan-out not started: " + started);
    }
    long deadline = System.currentTimeMillis() + 600_000;
    String sql =
        "select t.id_, v.text_ from act_ru_task t join act_ru_variable v"
            + " on v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'leadBody'"
            + " where t.task_def_key_ = 'Task_Perform' order by v.text_";
    while (true) {
      List<Work> work = new ArrayList<>();
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          work.add(new Work(rs.getString(1), NationalRegistry.staffOf(rs.getString(2))));
        }
      }
      if (work.size() >= bodies) {
        return work;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("fan-out not visible: " + work.size() + " of " + bodies);
      }
      Thread.sleep(500);
    }
  }

  /** {@code clients} threads upload the PDF to every task of {@code work}, each once. */
  private static Map<String, Object> run(
      Http http, Way way, List<Work> work, int clients, byte[] pdf) throws Exception {
    ConcurrentLinkedQueue<Work> todo = new ConcurrentLinkedQueue<>(work);
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    List<String> samples = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                for (Work w = todo.poll(); w != null; w = todo.poll()) {
                  long start = System.nanoTime();
                  Http.Reply reply;
                  try {
                    reply =
                        way.upload().send(http, w.taskId(), w.user(), "Báo cáo kết quả.pdf", pdf);
                  } catch (RuntimeException e) {
                    reply = new Http.Reply(-1, e.toString());
                  }
                  millis.add((System.nanoTime() - start) / 1e6);
                  if (reply.status() != way.created()) {
                    errors.incrementAndGet();
                    if (samples.size() < 5) {
                      samples.add(w.user() + " → " + reply.status() + " " + abbreviated(reply));
                    }
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.MINUTES);
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("way", way.name());
    m.put("uploads", sorted.size());
    m.put("errors", errors.get());
    m.put("errorSamples", samples);
    m.put("seconds", round(seconds));
    m.put("uploadsPerSecond", round(sorted.size() / seconds));
    m.put("megabytesPerSecond", round(sorted.size() * (double) pdf.length / 1048576 / seconds));
    m.put("p50Millis", round(BenchReport.percentile(sorted, 50)));
    m.put("p95Millis", round(BenchReport.percentile(sorted, 95)));
    m.put("maxMillis", round(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
    return m;
  }

  private static String abbreviated(Http.Reply reply) {
    String body = String.valueOf(reply.body());
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  /** The files and their bytes, as the database counts them. */
  private static Map<String, Object> counted(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("files", rs.getLong(1));
      m.put("bytesDeclared", rs.getLong(2));
      m.put("bytesStored", rs.getLong(3));
      return m;
    }
  }

  /**
   * The application JVM's heap, read over JMX: the heap pools' peaks since the last reset (their
   * sum: an upper bound of the heap's peak, as the pools peak at different moments), the highest
   * heap use seen every 100 ms (a lower bound), the old generation's use after its latest
   * collection at its highest (what stays live), and the collections' counts and time.
   */
  private static final class Heap {
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private volatile long polledMax;
    private volatile long liveMax;
    private long gcCountBefore;
    private long gcMillisBefore;

    Heap(MBeanServerConnection server) throws Exception {
      this.server = server;
      this.memory =
          ManagementFactory.newPlatformMXBeanProxy(
              server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
      for (var name :
          server.queryNames(
              new javax.management.ObjectName(
                  ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"),
              null)) {
        MemoryPoolMXBean pool =
            ManagementFactory.newPlatformMXBeanProxy(
                server, name.toString(), MemoryPoolMXBean.class);
        if (pool.getType() == MemoryType.HEAP) {
          pools.add(pool);
        }
      }
      Thread poller =
          new Thread(
              () -> {
                try {
                  while (true) {
                    polledMax = Math.max(polledMax, memory.getHeapMemoryUsage().getUsed());
                    for (MemoryPoolMXBean pool : pools) {
                      var after = pool.getCollectionUsage();
                      if (after != null && pool.getName().contains("Old")) {
                        liveMax = Math.max(liveMax, after.getUsed());
                      }
                    }
                    Thread.sleep(100);
                  }
                } catch (Exception stopped) {
                  // the connection closed, or the application ended
                }
              },
              "heap-poller");
      poller.setDaemon(true);
      poller.start();
    }

    void reset() throws Exception {
      long[] gc = collections();
      gcCountBefore = gc[0];
      gcMillisBefore = gc[1];
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      polledMax = memory.getHeapMemoryUsage().getUsed();
      liveMax = 0;
    }

    Map<String, Object> peaks() throws Exception {
      Map<String, Object> m = new LinkedHashMap<>();
      long sum = 0;
      for (MemoryPoolMXBean pool : pools) {
        sum += pool.getPeakUsage().getUsed();
      }
      m.put("poolPeaksSumMB", mb(sum));
      m.put("usedMaxPolledMB", mb(polledMax));
      m.put("oldAfterGcMaxMB", mb(liveMax));
      m.put("maxMB", mb(memory.getHeapMemoryUsage().getMax()));
      long[] gc = collections();
      m.put("gcCount", gc[0] - gcCountBefore);
      m.put("gcSeconds", round((gc[1] - gcMillisBefore) / 1000.0));
      return m;
    }

    /** The collections since the JVM started: how many, and their milliseconds. */
    private long[] collections() throws Exception {
      long count = 0;
      long time = 0;
      for (var name :
          server.queryNames(
              new javax.management.ObjectName(
                  ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"),
              null)) {
        var gc =
            ManagementFactory.newPlatformMXBeanProxy(
                server, name.toString(), java.lang.management.GarbageCollectorMXBean.class);
        count += gc.getCollectionCount();
        time += gc.getCollectionTime();
      }
      return new long[] {count, time};
    }

    private static double mb(long bytes) {
      return round(bytes / 1048576.0);
    }
  }

  private static void print(Map<String, Object> report) {
    System.out.printf(
        "attachments: %s bodies, %s bytes each, %s clients, application %s, started in %s s%n",
        report.get("bodies"),
        report.get("fileBytes"),
        report.get("clients"),
        report.get("applicationHeap"),
        report.get("startSeconds"));
    System.out.printf(
        "%-28s %7s %6s %8s %7s %7s %8s %8s %8s %10s %10s%n",
        "way",
        "uploads",
        "errors",
        "seconds",
        "per s",
        "MB/s",
        "p50 ms",
        "p95 ms",
        "max ms",
        "heap pk MB",
        "live MB");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> phases =
        (List<Map<String, Object>>) report.getOrDefault("phases", List.of());
    for (Map<String, Object> p : phases) {
      @SuppressWarnings("unchecked")
      Map<String, Object> heap = (Map<String, Object>) p.get("heap");
      System.out.printf(
          "%-28s %7s %6s %8s %7s %7s %8s %8s %8s %10s %10s%n",
          p.get("way"),
          p.get("uploads"),
          p.get("errors"),
          p.get("seconds"),
          p.get("uploadsPerSecond"),
          p.get("megabytesPerSecond"),
          p.get("p50Millis"),
          p.get("p95Millis"),
          p.get("maxMillis"),
          heap.get("poolPeaksSumMB") + "/" + heap.get("usedMaxPolledMB"),
          heap.get("oldAfterGcMaxMB"));
      ((List<?>) p.get("errorSamples")).forEach(e -> System.out.println("  error: " + e));
    }
    System.out.println("stored: " + report.get("stored"));
    System.out.println("alive and ready at the end: " + report.get("aliveAtEnd"));
  }

  /** Fails the run when a goal is missed: an error, a file or a byte missing, the JVM gone. */
  @SuppressWarnings("unchecked")
  private static void check(Map<String, Object> report, long files, long fileBytes) {
    List<String> missed = new ArrayList<>();
    for (Map<String, Object> p : (List<Map<String, Object>>) report.get("phases")) {
      if (!Integer.valueOf(0).equals(p.get("errors"))) {
        missed.add(p.get("way") + ": " + p.get("errors") + " errors");
      }
    }
    ((Map<String, Object>) report.get("stored"))
        .forEach(
            (way, stored) -> {
              if (stored instanceof Map<?, ?> s
                  && !(s.get("files").equals(files)
                      && s.get("bytesDeclared").equals(files * fileBytes)
                      && s.get("bytesStored").equals(files * fileBytes))) {
                missed.add(way + ": stored " + s + ", expected " + files + " files");
              }
            });
    if (!Boolean.TRUE.equals(report.get("aliveAtEnd"))) {
      missed.add("the application is not alive and ready at the end");
    }
    if (!missed.isEmpty()) {
      throw new IllegalStateException("goals missed: " + missed);
    }
  }

  private static double round(double value) {
    return BenchReport.round(value);
  }
}
