package vn.danvan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;

/**
 * The gold of the intake texts ({@code src/test/resources/intake}): for each directive text, the
 * items a careful reader labels by hand (block, lead and coordinating bodies, type of bodies,
 * deadline). The gold is data for measuring a draft-model extractor; this test only keeps it
 * honest: every quote and deadline phrase is the text's own words, in the text's order, and every
 * body, type and block is one the product knows.
 */
class GoldFileTest {

  static final Path FOLDER = Path.of("src/test/resources/intake");
  static final Set<String> BLOCKS =
      Set.of(
          "assignment",
          "fanout",
          "periodicReport",
          "reviewMilestone",
          "skilfulQuota",
          "evaluation",
          "adhocReport",
          "standing");
  static final Set<String> PERIODS = Set.of("MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY");
  static final Set<String> TOP_KEYS = Set.of("text", "issued", "number", "items");
  static final Set<String> ITEM_KEYS =
      Set.of("number", "quote", "block", "lead", "coordinating", "bodyType", "deadline");
  static final Set<String> DEADLINE_KEYS = Set.of("phrase", "due", "every");

  static OrgRegistry registry;
  static Map<String, Map<String, Object>> golds;

  @BeforeAll
  static void load() throws IOException {
    registry = OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));
    golds = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FOLDER.resolve("gold"))) {
      for (Path file : files.sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          Map<String, Object> gold =
              new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
          golds.put(file.getFileName().toString(), gold);
        }
      }
    }
  }

  @Test
  void everyTextHasItsGoldAndEveryGoldItsText() throws IOException {
    Set<String> texts;
    try (Stream<Path> files = Files.list(FOLDER.resolve("texts"))) {
      texts =
          files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected =
        texts.stream()
            .map(t -> t.replaceFirst("\\.txt$", ".yaml"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(texts).hasSize(11);
    assertThat(golds.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    golds.forEach(
        (file, gold) -> {
          assertThat(gold.keySet()).as(file).containsExactlyInAnyOrderElementsOf(TOP_KEYS);
          assertThat(gold.get("text")).as(file).isEqualTo(file.replaceFirst("\\.yaml$", ".txt"));
        });
  }

  @Test
  void quotesNumbersAndDeadlinesAreTheTextsOwnWordsInItsOrder() throws IOException {
    List<String> problems = new ArrayList<>();
    for (var entry : golds.entrySet()) {
      String file = entry.getKey();
      Map<String, Object> gold = entry.getValue();
      String text = normalised(Files.readString(FOLDER.resolve("texts").resolve(textOf(gold))));
      if (gold.get("number") != null && !text.contains(normalised((String) gold.get("number")))) {
        problems.add(file + ": number " + gold.get("number") + " is not in the text");
      }
      LocalDate issued = date(gold.get("issued"));
      int last = -1;
      List<String> numbersSeen = new ArrayList<>();
      for (Map<String, Object> item : items(gold)) {
        String where = file + " item " + item.get("number") + ": ";
        if (!item.keySet().equals(ITEM_KEYS)) {
          problems.add(where + "keys " + item.keySet());
          continue;
        }
        String number = String.valueOf(item.get("number"));
        if (numbersSeen.contains(number)
            && !numbersSeen.get(numbersSeen.size() - 1).equals(number)) {
          problems.add(where + "the number comes back after another item");
        }
        numbersSeen.add(number);
        String quote = normalised((String) item.get("quote"));
        int words = quote.split(" ").length;
        if (words < 6 || words > 15) {
          problems.add(where + "the quote has " + words + " words");
        }
        int at = text.indexOf(quote, last + 1);
        if (at < 0) {
          problems.add(
              where
                  + (text.contains(quote)
                      ? "the quote is out of the text's order: "
                      : "not in the text: ")
                  + quote);
        } else {
          last = at;
        }
        Object deadline = item.get("deadline");
        if (deadline != null) {
          problems.addAll(deadlineProblems(where, text, issued, deadline));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void blocksBodiesAndTypesAreTheProductsOwn() {
    Set<String> bodies = registry.bodiesById().keySet();
    Set<String> types =
        registry.bodyTypes().stream().map(OrgRegistry.BodyType::id).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    golds.forEach(
        (file, gold) -> {
          for (Map<String, Object> item : items(gold)) {
            String where = file + " item " + item.get("number") + ": ";
            if (!BLOCKS.contains(item.get("block"))) {
              problems.add(where + "block " + item.get("block"));
            }
            for (String key : List.of("lead", "coordinating")) {
              for (String id : ids(item.get(key))) {
                if (!bodies.contains(id)) {
                  problems.add(where + key + " " + id + " is not in the registry");
                }
              }
            }
            for (String type : ids(item.get("bodyType"))) {
              if (!types.contains(type)) {
                problems.add(where + "bodyType " + type + " is not in the registry");
              }
            }
          }
        });
    assertThat(problems).isEmpty();
  }

  private static List<String> deadlineProblems(
      String where, String text, LocalDate issued, Object value) {
    List<String> problems = new ArrayList<>();
    if (!(value instanceof Map<?, ?> deadline) || !deadline.keySet().equals(DEADLINE_KEYS)) {
      return List.of(where + "deadline " + value);
    }
    Object phrase = deadline.get("phrase");
    if (!(phrase instanceof String p) || !text.contains(normalised(p))) {
      problems.add(where + "deadline phrase not in the text: " + phrase);
    }
    Object every = deadline.get("every");
    if (every != null && !PERIODS.contains(every)) {
      problems.add(where + "every " + every);
    }
    LocalDate due = date(deadline.get("due"));
    if (due != null && issued != null && due.isBefore(issued)) {
      problems.add(where + "due " + due + " before the issue date " + issued);
    }
    return problems;
  }

  /** Whitespace (line breaks, no-break spaces) collapsed to one space, as a reader sees it. */
  static String normalised(String text) {
    return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }

  private static String textOf(Map<String, Object> gold) {
    return (String) gold.get("text");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> gold) {
    List<Map<String, Object>> items = (List<Map<String, Object>>) gold.get("items");
    assertThat(items).as(textOf(gold)).isNotEmpty();
    return items;
  }

  /** A body or type field: null, one id, or a list of ids. */
  private static List<String> ids(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  /** A YAML date (SnakeYAML's safe constructor reads yyyy-mm-dd as a UTC timestamp) or null. */
  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    throw new IllegalArgumentException("not a date: " + value);
  }
}
