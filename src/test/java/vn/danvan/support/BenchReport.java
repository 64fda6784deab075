package vn.danvan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * A benchmark's figures: when and where measured, on which engine, written to {@code bench/<name>}
 * in the build's folder ({@code target/bench/}, the Operaton build's {@code
 * target/operaton/bench/}; {@code danvan.build.directory}, as for {@link AppNode}).
 */
public final class BenchReport {

  public static final Path FOLDER = AppNode.BUILD.resolve("bench");

  private BenchReport() {}

  /**
   * A new report holding the date, the engine, the machine (cores, this JVM's heap) and its load
   * average (1 minute) at the start.
   */
  public static Map<String, Object> start() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("date", OffsetDateTime.now().toString());
    report.put("engine", engine());
    report.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB max heap (benchmark JVM)");
    report.put("loadAverage", loadAverage());
    return report;
  }

  /** The engine of this build, by name and version: "Camunda 7.24.0", "Operaton 1.0.3". */
  public static String engine() {
    Package engine = ProcessEngine.class.getPackage();
    String name = engine.getName().split("\\.")[1];
    String version = engine.getImplementationVersion();
    return Character.toUpperCase(name.charAt(0))
        + name.substring(1)
        + (version == null ? "" : " " + version);
  }

  /** The machine's load average over the last minute (the other work on a shared machine). */
  private static double loadAverage() {
    return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Writes the report, with the load average at its end, as indented JSON and says where. */
  public static Path write(String fileName, Map<String, Object> report) throws IOException {
    report.put("loadAverageAtEnd", loadAverage());
    Path out = Files.createDirectories(FOLDER).resolve(fileName);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
    System.out.println("written " + out);
    return out;
  }

  /** The {@code p}th percentile of sorted values (nearest rank); 0 when there are none. */
  public static double percentile(List<Double> sorted, int p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** To one decimal. */
  public static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
