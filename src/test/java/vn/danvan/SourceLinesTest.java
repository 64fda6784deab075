package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every line of the Java code fits in 100 characters, as google-java-format's style has it (the
 * build's format check does not measure what the formatter cannot break: strings without spaces,
 * comments, tables). Two kinds of line may be longer: imports, which cannot be broken, and the rows
 * of a text block, which are the data tables of parameterised tests (one case a row).
 */
class SourceLinesTest {

  static final int LIMIT = 100;

  @Test
  void everyLineOfTheJavaCodeFitsInAHundredCharacters() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        tooLong.addAll(longLines(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
    }
    assertThat(tooLong).as("lines over " + LIMIT + " characters").isEmpty();
  }

  @Test
  void aLongLineIsFoundOutsideTextBlocksAndImports() {
    String longCall = "    call(" + "x".repeat(LIMIT) + ");";
    List<String> lines =
        List.of(
            "import a.very.long.name." + "X".repeat(LIMIT) + ";",
            "  String table = \"\"\"",
            "      " + "row ".repeat(40),
            "      \"\"\";",
            longCall);
    assertThat(longLines(Path.of("Example.java"), lines)).containsExactly("Example.java:5");
  }

  static List<String> longLines(Path file, List<String> lines) {
    List<String> found = new ArrayList<>();
    boolean inTextBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.split("\"\"\"", -1).length % 2 == 0) {
        inTextBlock = !inTextBlock;
        continue;
      }
      if (!inTextBlock
          && line.codePointCount(0, line.length()) > LIMIT
          && !line.startsWith("import ")) {
        found.add(file + ":" + (i + 1));
      }
    }
    return found;
  }
}
