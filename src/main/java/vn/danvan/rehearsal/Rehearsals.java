package vn.danvan.rehearsal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Service;
import vn.danvan.engine.DirectiveModels;
import vn.danvan.input.InvalidInputException;
import vn.danvan.rehearsal.Rehearsal.Input;
import vn.danvan.rehearsal.Rehearsal.Output;
import vn.danvan.rehearsal.Rehearsal.Result;
import vn.danvan.rehearsal.Rehearsal.Settings;

/**
 * Rehearses a directive's lifetime in a JVM of its own ({@link RehearsalMain}): the engine clock is
 * the JVM's, so the application's engine and its clock are never touched. The same java binary and
 * class path as the application's (a Spring Boot jar: its launcher, the main class named), at most
 * {@code -Xmx512m}, stopped after {@code danvan.rehearsal.timeout} (two minutes by default); what
 * it logs goes to the application's log. One rehearsal at a time.
 */
@Service
public class Rehearsals {

  /** The number a model without one is rehearsed under. */
  static final String DEFAULT_NUMBER = "DIEN-TAP";

  /** The start event's property that holds the directive's number (the template's "Số ký hiệu"). */
  static final String NUMBER_PROPERTY = "soKyHieu";

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private static final Logger LOG = LoggerFactory.getLogger(Rehearsals.class);

  private final RepositoryService repository;
  private final ConfigurableEnvironment environment;
  private final Duration timeout;
  private final ReentrantLock running = new ReentrantLock();

  Rehearsals(
      ProcessEngine engine,
      ConfigurableEnvironment environment,
      @Value("${danvan.rehearsal.timeout:PT120S}") Duration timeout) {
    this.repository = engine.getRepositoryService();
    this.environment = environment;
    this.timeout = timeout;
  }

  /** What is asked: an uploaded model, or a deployed directive's key; the run's settings. */
  public record Request(
      String fileName,
      byte[] file,
      String processDefinitionKey,
      String issued,
      String number,
      String lateShare,
      String silentShare,
      String seed) {}

  /** Another rehearsal is running. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("Đang có một cuộc diễn tập khác chạy: chờ nó xong rồi thử lại");
    }
  }

  /** The rehearsal's JVM failed, or did not finish in time. */
  public static final class Failed extends RuntimeException {
    private final boolean timedOut;

    Failed(String message, boolean timedOut) {
      super(message);
      this.timedOut = timedOut;
    }

    public boolean timedOut() {
      return timedOut;
    }
  }

  /** A deployed directive one can rehearse (its latest version). */
  public record Directive(String key, String name, int version) {}

  /** The deployed directives (their latest versions), by name. */
  public List<Directive> directives() {
    return repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> DirectiveModels.isDirective(repository, d))
        .map(
            d ->
                new Directive(
                    d.getKey(), d.getName() == null ? d.getKey() : d.getName(), d.getVersion()))
        .sorted(Comparator.comparing(Directive::name))
        .toList();
  }

  /** Checks what is asked (400 on a mistake), then rehearses it; one at a time. */
  public Result rehearse(Request request) {
    Input input = input(request);
    if (!running.tryLock()) {
      throw new Busy();
    }
    try {
      long t0 = System.nanoTime();
      Result result = run(input);
      return result.withSeconds(Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    } finally {
      running.unlock();
    }
  }

  Input input(Request request) {
    boolean uploaded = request.file() != null && request.file().length > 0;
    boolean deployed =
        request.processDefinitionKey() != null && !request.processDefinitionKey().isBlank();
    if (uploaded == deployed) {
      throw new InvalidInputException(
          uploaded
              ? "Chỉ chọn một trong hai: tải lên tệp .bpmn (file) hoặc chọn văn bản đã triển khai"
                  + " (processDefinitionKey)"
              : "Cần tải lên tệp .bpmn (file) hoặc chọn văn bản đã triển khai"
                  + " (processDefinitionKey)");
    }
    LocalDate issued = issued(request.issued());
    double late = share(request.lateShare(), "Tỷ lệ việc trả lời muộn", "lateShare");
    double silent = share(request.silentShare(), "Tỷ lệ đơn vị không trả lời", "silentShare");
    long seed = seed(request.seed());
    String resourceName;
    String xml;
    String key;
    if (uploaded) {
      resourceName = fileName(request.fileName());
      xml = new String(request.file(), StandardCharsets.UTF_8);
      key = directiveOf(resourceName, request.file()).getId();
    } else {
      String asked = request.processDefinitionKey().trim();
      ProcessDefinition definition =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(asked)
              .latestVersion()
              .singleResult();
      if (definition == null) {
        throw new InvalidInputException(
            "Không có văn bản nào đã triển khai với mã \"" + asked + "\" (processDefinitionKey)");
      }
      if (!DirectiveModels.isDirective(repository, definition)) {
        throw new InvalidInputException(
            "\""
                + asked
                + "\" không phải mô hình văn bản (sự kiện bắt đầu không chạy kiểm tra khi ban"
                + " hành): chỉ diễn tập được văn bản (processDefinitionKey)");
      }
      resourceName = definition.getResourceName();
      try (var in = repository.getProcessModel(definition.getId())) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      key = definition.getKey();
    }
    String number =
        request.number() != null && !request.number().isBlank()
            ? request.number().trim()
            : numberOf(xml, key);
    return new Input(
        resourceName,
        xml,
        key,
        uploaded,
        issued,
        number,
        new Settings(late, silent, seed, List.of()),
        settings());
  }

  static LocalDate issued(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("Ngày ban hành là bắt buộc, dạng dd/mm/yyyy (issued)");
    }
    String day = text.trim();
    try {
      return day.contains("/") ? LocalDate.parse(day, DAY) : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "Ngày ban hành \"" + day + "\" không hợp lệ: cần dạng dd/mm/yyyy (issued)");
    }
  }

  static double share(String text, String label, String field) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    double share;
    try {
      share = Double.parseDouble(text.trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      share = Double.NaN;
    }
    if (!(share >= 0 && share <= 1)) {
      throw new InvalidInputException(
          label + " phải là số từ 0 đến 1 (" + field + "), không phải \"" + text.trim() + "\"");
    }
    return share;
  }

  static long seed(String text) {
    if (text == null || text.isBlank()) {
      return 1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "Hạt giống ngẫu nhiên phải là số nguyên (seed), không phải \"" + text.trim() + "\"");
    }
  }

  private static String fileName(String name) {
    String plain = name == null ? "" : Path.of(name.replace('\\', '/')).getFileName().toString();
    if (!plain.endsWith(".bpmn")) {
      throw new InvalidInputException(
          "Tệp tải lên phải là mô hình BPMN (.bpmn), không phải \"" + plain + "\" (file)");
    }
    return plain;
  }

  /** The directive's process of an uploaded model (the one whose start runs the start checks). */
  private static Process directiveOf(String name, byte[] content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException unreadable) {
      Throwable cause = unreadable;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new InvalidInputException(
          "Tệp " + name + " không đọc được như mô hình BPMN: " + cause.getMessage());
    }
    return model.getModelElementsByType(Process.class).stream()
        .filter(p -> p.isExecutable() && DirectiveModels.isDirective(p))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "Tệp "
                        + name
                        + " không có quy trình văn bản: sự kiện bắt đầu của quy trình phải chạy"
                        + " kiểm tra khi ban hành ("
                        + DirectiveModels.START_CHECKS
                        + ", mẫu \"Văn bản được ban hành\")"));
  }

  /** The number the model's start event names ({@value #NUMBER_PROPERTY}), else the default. */
  static String numberOf(String xml, String key) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Process process = model.getModelElementById(key);
    if (process == null) {
      return DEFAULT_NUMBER;
    }
    return process.getChildElementsByType(StartEvent.class).stream()
        .filter(s -> s.getExtensionElements() != null)
        .flatMap(
            s ->
                s
                    .getExtensionElements()
                    .getElementsQuery()
                    .filterByType(CamundaProperties.class)
                    .list()
                    .stream())
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> NUMBER_PROPERTY.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(DEFAULT_NUMBER);
  }

  /** The application's own settings ({@code danvan.*}), as it resolves them. */
  private Map<String, Object> settings() {
    Map<String, Object> settings = new TreeMap<>();
    environment
        .getPropertySources()
        .forEach(
            source -> {
              if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                  if (name.startsWith("danvan.") && !settings.containsKey(name)) {
                    String value = environment.getProperty(name);
                    if (value != null) {
                      settings.put(name, value);
                    }
                  }
                }
              }
            });
    return settings;
  }

  /** Runs the rehearsal's JVM on {@code input}; its result, or 400/422/504 as it answers. */
  private Result run(Input input) {
    Path dir = null;
    java.lang.Process child = null;
    try {
      dir = Files.createTempDirectory("dien-tap");
      Path in = dir.resolve("input.json");
      Path out = dir.resolve("output.json");
      RehearsalMain.JSON.writeValue(in.toFile(), input);
      ProcessBuilder builder = new ProcessBuilder(command(in, out)).redirectErrorStream(true);
      child = builder.start();
      java.lang.Process started = child;
      Thread log =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                  lines.lines().forEach(line -> LOG.info("[diễn tập] {}", line));
                } catch (IOException ignored) {
                  // the child is gone
                }
              },
              "dien-tap-log");
      log.setDaemon(true);
      log.start();
      if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly();
        LOG.warn("Diễn tập {} quá {} giây: dừng", input.key(), timeout.toSeconds());
        throw new Failed(
            "Diễn tập văn bản "
                + input.key()
                + " chưa xong sau "
                + timeout.toSeconds()
                + " giây nên đã dừng; thử lại với mô hình nhỏ hơn hoặc tăng"
                + " danvan.rehearsal.timeout",
            true);
      }
      log.join(5_000);
      if (!Files.exists(out)) {
        LOG.warn("Diễn tập {} dừng với mã {} mà không có kết quả", input.key(), child.exitValue());
        throw new Failed(
            "Diễn tập văn bản " + input.key() + " dừng giữa chừng (mã " + child.exitValue() + ")",
            false);
      }
      Output output = RehearsalMain.JSON.readValue(out.toFile(), Output.class);
      if (output.refusal() != null) {
        throw new InvalidInputException("Mô hình không dùng được để diễn tập: " + output.refusal());
      }
      if (output.failure() != null) {
        LOG.warn("Diễn tập {} không chạy được: {}", input.key(), output.failure());
        throw new Failed(
            "Diễn tập văn bản " + input.key() + " không chạy được: " + output.failure(), false);
      }
      return output.result();
    } catch (IOException e) {
      LOG.warn("Diễn tập {} không chạy được", input.key(), e);
      throw new Failed("Không chạy được diễn tập: " + e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed("Diễn tập bị ngắt", false);
    } finally {
      if (child != null && child.isAlive()) {
        child.destroyForcibly();
      }
      delete(dir);
    }
  }

  /**
   * The child's memory cap, and the quick compiler only: a rehearsal lives a few tens of seconds,
   * too short for the optimising compiler's work (on two cores) to pay back.
   */
  static final List<String> JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m");

  /**
   * The same java binary and class path; a Spring Boot jar (the class path is the jar itself) runs
   * through its launcher, naming the main class.
   */
  static List<String> command(Path in, Path out) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath));
    if (isBootJar(classPath)) {
      command.add("-Dloader.main=" + RehearsalMain.class.getName());
      command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
    } else {
      command.add(RehearsalMain.class.getName());
    }
    command.add(in.toString());
    command.add(out.toString());
    return command;
  }

  /** Whether the class path is one Spring Boot jar (its classes under {@code BOOT-INF/}). */
  static boolean isBootJar(String classPath) {
    if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (var jar = new java.util.jar.JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("Không xóa được thư mục tạm {}", dir, e);
    }
  }
}
