package vn.danvan.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a reliability suite (one per request or case), written to {@code
 * target/reliability/<name>.json} with the summary that is also printed.
 */
public final class ReliabilityReport {

  public static final Path FOLDER = Path.of("target", "reliability");

  private final String name;
  private final List<Map<String, Object>> rows = new ArrayList<>();

  public ReliabilityReport(String name) {
    this.name = name;
  }

  public synchronized void add(Map<String, Object> row) {
    rows.add(row);
  }

  public synchronized List<Map<String, Object>> rows() {
    return List.copyOf(rows);
  }

  /** Writes the rows and the summary; prints "name: key value, key value…". */
  public synchronized Path write(Map<String, Object> summary) throws IOException {
    Files.createDirectories(FOLDER);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("summary", summary);
    document.put("rows", rows);
    Path file = FOLDER.resolve(name + ".json");
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), document);
    StringBuilder line = new StringBuilder(name).append(":");
    summary.forEach(
        (key, value) -> line.append(' ').append(key).append(' ').append(value).append(','));
    System.out.println(line.substring(0, line.length() - 1) + " → " + file);
    return file;
  }

  /** At most {@code max} characters of a response body, on one line. */
  public static String excerpt(String body, int max) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }
}
