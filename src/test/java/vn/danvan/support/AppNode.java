package vn.danvan.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/danvan-workflow-*.jar}, as {@code java -jar} runs it) in
 * its own JVM on a PostgreSQL database, with the demo province's bodies and people: what a crash
 * test can kill with SIGKILL and a cluster test can start twice. Output goes to {@code
 * <logDir>/<name>.log}. Needs {@code mvn package} first (the scripts and {@code mvn verify} do it).
 */
public final class AppNode implements AutoCloseable {

  /** Every person of the demo province logs in with this password on these nodes. */
  public static final String PASSWORD = "node-only";

  public static final String ADMIN = "admin:" + PASSWORD;

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path log;
  private Process process;

  private AppNode(String name, int port, List<String> command, Path log) {
    this.name = name;
    this.port = port;
    this.command = command;
    this.log = log;
  }

  /**
   * A node on {@code databaseUrl} (JDBC URL) listening on a free port; {@code args} are more
   * command-line settings. Not started yet: {@link #start()}.
   */
  public static AppNode on(String name, String databaseUrl, Path logDir, String... args)
      throws IOException {
    return on(
        name, databaseUrl, logDir, List.of("-Xmx1g"), "classpath:org/demo-province.yaml", args);
  }

  /**
   * A node as {@link #on(String, String, Path, String...)}, with its own JVM options (its heap
   * limit among them) and the registry at {@code registry} (a Spring resource location).
   */
  public static AppNode on(
      String name,
      String databaseUrl,
      Path logDir,
      List<String> jvmArgs,
      String registry,
      String... args)
      throws IOException {
    return on(name, jarIn(BUILD), databaseUrl, logDir, jvmArgs, registry, args);
  }

  /**
   * A node as above, of the packaged jar {@code jar} (the Camunda or the Operaton build's: the
   * settings given here are the same for both).
   */
  public static AppNode on(
      String name,
      Path jar,
      String databaseUrl,
      Path logDir,
      List<String> jvmArgs,
      String registry,
      String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a server zone far from Vietnam: deadlines must not depend on it
                "-Duser.timezone=UTC"));
    command.addAll(jvmArgs);
    // more JVM options, e.g. -Ddanvan.node.jvmArgs="-XX:StartFlightRecording=filename=w1.jfr"
    command.addAll(
        List.of(System.getProperty("danvan.node.jvmArgs", "").split("\\s+")).stream()
            .filter(a -> !a.isBlank())
            .toList());
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--spring.profiles.active=postgres",
            "--server.port=" + freePort(),
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + PostgresApp.USER,
            "--spring.datasource.password=" + PostgresApp.PASSWORD,
            // the administrator's password by the name application.yaml reads it from, which
            // both engine builds share
            "--DANVAN_ADMIN_PASSWORD=" + PASSWORD,
            "--danvan.org.registry=" + registry,
            "--danvan.org.initial-password=" + PASSWORD,
            "--logging.level.root=WARN"));
    command.addAll(List.of(args));
    int port =
        Integer.parseInt(
            command.stream()
                .filter(a -> a.startsWith("--server.port="))
                .findFirst()
                .orElseThrow()
                .substring("--server.port=".length()));
    Files.createDirectories(logDir);
    return new AppNode(name, port, command, logDir.resolve(name + ".log"));
  }

  /** Starts the JVM (appending to its log); {@link #awaitReady} waits for it to serve. */
  public AppNode start() throws IOException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return this;
  }

  /**
   * Waits until the node is ready for traffic (models deployed, registry synchronised: after the
   * web server starts); fails if the JVM died.
   */
  public AppNode awaitReady(Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    Http http = http();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " stopped with exit code " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.get("/actuator/health/readiness", null).status() == 200) {
          return this;
        }
      } catch (IllegalStateException notYet) {
        // connection refused while starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook, no transaction finishes. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public int port() {
    return port;
  }

  public Http http() {
    return new Http(port);
  }

  /** A normal stop (SIGTERM). */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /**
   * The build's output folder, where its jar is: {@code target/} for the Camunda build, {@code
   * target/operaton/} for the Operaton build (the failsafe configuration passes it).
   */
  static final Path BUILD = Path.of(System.getProperty("danvan.build.directory", "target"));

  /** The packaged application in {@code folder} ({@code target/}, {@code target/operaton/}). */
  public static Path jarIn(Path folder) throws IOException {
    String missing =
        "no "
            + folder.toString().replace(File.separatorChar, '/')
            + "/danvan-workflow-*.jar: run mvn package first";
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(missing);
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().matches("danvan-workflow-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(missing));
    }
  }

  /** A port nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Where the node's output goes. */
  public Path log() {
    return log;
  }

  /** The node's process id (-1 before it starts). */
  public long pid() {
    return process == null ? -1 : process.pid();
  }

  @Override
  public String toString() {
    return name
        + " (pid "
        + (process == null ? "-" : process.pid())
        + ", port "
        + port
        + ", log "
        + log.toString().replace(File.separatorChar, '/')
        + ")";
  }
}
