package vn.danvan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's figures: when and where measured, written to {@code target/bench/<name>}. */
public final class BenchReport {

  public static final Path FOLDER = Path.of("target", "bench");

  private BenchReport() {}

  /** A new report holding the date and the machine (cores, this JVM's heap). */
  public static Map<String, Object> start() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("date", OffsetDateTime.now().toString());
    report.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB max heap (benchmark JVM)");
    return report;
  }

  /** Writes the report as indented JSON and says where. */
  public static Path write(String fileName, Map<String, Object> report) throws IOException {
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
