package vn.danvan.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.danvan.deadline.DeadlinePhrases;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.InvalidInputException;
import vn.danvan.intake.DirectiveReader;
import vn.danvan.intake.DirectiveText;
import vn.danvan.intake.DirectiveText.Block;
import vn.danvan.intake.DirectiveText.Item;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;
import vn.danvan.support.BenchReport;

/**
 * How well {@link DirectiveReader} reads the hand-labelled texts of {@code
 * src/test/resources/intake} (texts/ and their gold/): per text, and over three groups apart (the
 * seed texts; the own texts the rules were tuned on, {@link #TUNED_ON}; the other own texts, held
 * out: never read while the rules were written), the share of actionable (non-standing) gold items
 * found (recall) and of the items found actionable that are gold items (precision), of the matched
 * items with the right block, of their bodies (lead and coordinating, per body and role) and of
 * their deadlines (the same reading: same first due date and frequency by the product's phrase
 * reader). Prints a table; writes {@code target/bench/intake.json}.
 *
 * <p>An extracted item matches a gold item of the same number whose quote it holds (accents and
 * case aside), else one whose quote's words it holds for the most part; failing that, the gold item
 * of any number whose quote it holds.
 */
public final class IntakeBenchmark {

  static final Path FOLDER = Path.of("src/test/resources/intake");

  /** One text's counts. */
  public static final class Counts {
    /** The texts counted: 1 for a text, the number of its texts for a group. */
    int texts = 1;

    int goldActionable;
    int goldActionableFound;
    int foundActionable;
    int foundActionableRight;
    int matched;
    int blockRight;
    int bodies;
    int bodiesRight;
    int deadlines;
    int deadlinesRight;
    int deadlinesByHand;
    int deadlinesByHandRight;
    final List<String> misses = new ArrayList<>();

    void add(Counts other) {
      texts += other.texts;
      goldActionable += other.goldActionable;
      goldActionableFound += other.goldActionableFound;
      foundActionable += other.foundActionable;
      foundActionableRight += other.foundActionableRight;
      matched += other.matched;
      blockRight += other.blockRight;
      bodies += other.bodies;
      bodiesRight += other.bodiesRight;
      deadlines += other.deadlines;
      deadlinesRight += other.deadlinesRight;
      deadlinesByHand += other.deadlinesByHand;
      deadlinesByHandRight += other.deadlinesByHandRight;
    }

    public double recall() {
      return share(goldActionableFound, goldActionable);
    }

    public double precision() {
      return share(foundActionableRight, foundActionable);
    }

    public double blocks() {
      return share(blockRight, matched);
    }

    public double bodiesShare() {
      return share(bodiesRight, bodies);
    }

    public double deadlinesShare() {
      return share(deadlinesRight, deadlines);
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("itemsFoundRecall", pct(recall()));
      m.put("itemsFoundPrecision", pct(precision()));
      m.put("rightBlock", pct(blocks()));
      m.put("bodies", pct(bodiesShare()));
      m.put("deadlines", pct(deadlinesShare()));
      m.put("deadlinesAgainstHandDates", pct(share(deadlinesByHandRight, deadlinesByHand)));
      m.put("goldActionable", goldActionable);
      m.put("foundActionable", foundActionable);
      m.put("matched", matched);
      m.put("bodiesCounted", bodies);
      m.put("deadlinesCounted", deadlines);
      return m;
    }
  }

  /**
   * Own texts whose misses were read while the reader's rules were written: {@code own-3} to {@code
   * own-6} were held out until their first reading (docs/intake.md keeps its figures).
   */
  public static final java.util.Set<String> TUNED_ON =
      java.util.Set.of(
          "own-1.txt", "own-2.txt", "own-3.txt", "own-4.txt", "own-5.txt", "own-6.txt");

  /** The groups' totals, by name: seed texts, own texts tuned on, own texts held out. */
  public static final List<String> GROUPS = List.of("seeds", "ownTuned", "ownHeldOut");

  /** The counts of every text, by file name, with the {@link #GROUPS}' totals. */
  public static Map<String, Counts> measure() throws IOException {
    OrgRegistry registry = OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));
    DirectiveReader reader = new DirectiveReader(registry);
    Map<String, Counts> result = new LinkedHashMap<>();
    Map<String, Counts> groups = new LinkedHashMap<>();
    GROUPS.forEach(
        g -> {
          Counts group = new Counts();
          group.texts = 0;
          groups.put(g, group);
        });
    List<Path> golds;
    try (Stream<Path> files = Files.list(FOLDER.resolve("gold"))) {
      golds = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path gold : golds) {
      Map<String, Object> labels = yaml(gold);
      String name = (String) labels.get("text");
      String text = Files.readString(FOLDER.resolve("texts").resolve(name));
      Counts counts = compare(labels, reader.read(text));
      result.put(name, counts);
      String group =
          !name.startsWith("own-") ? "seeds" : TUNED_ON.contains(name) ? "ownTuned" : "ownHeldOut";
      groups.get(group).add(counts);
    }
    result.putAll(groups);
    return result;
  }

  @SuppressWarnings("unchecked")
  static Counts compare(Map<String, Object> labels, DirectiveText read) {
    LocalDate issued = date(labels.get("issued"));
    List<Map<String, Object>> gold = (List<Map<String, Object>>) labels.get("items");
    List<Item> items = read.items();
    Item[] matchOf = new Item[gold.size()];
    Set<Item> taken = new HashSet<>();
    for (int pass = 0; pass < 3; pass++) {
      for (int g = 0; g < gold.size(); g++) {
        if (matchOf[g] != null) {
          continue;
        }
        String number = String.valueOf(gold.get(g).get("number"));
        String quote = fold(String.valueOf(gold.get(g).get("quote")));
        Item best = null;
        double bestScore = 0;
        for (Item item : items) {
          if (taken.contains(item) || pass < 2 && !item.number().equals(number)) {
            continue;
          }
          double score = overlap(quote, fold(item.text()));
          double needed = pass == 0 ? 1.0 : pass == 1 ? 0.6 : 1.0;
          if (score >= needed && score > bestScore) {
            best = item;
            bestScore = score;
          }
        }
        if (best != null) {
          matchOf[g] = best;
          taken.add(best);
        }
      }
    }
    Counts c = new Counts();
    for (int g = 0; g < gold.size(); g++) {
      Map<String, Object> label = gold.get(g);
      String block = (String) label.get("block");
      boolean actionable = !block.equals("standing");
      Item item = matchOf[g];
      String where = label.get("number") + " \"" + label.get("quote") + "\"";
      if (actionable) {
        c.goldActionable++;
        if (item != null) {
          c.goldActionableFound++;
        } else {
          c.misses.add("not found: " + where + " (" + block + ")");
        }
      }
      if (item == null) {
        continue;
      }
      c.matched++;
      if (camel(item.block()).equals(block)) {
        c.blockRight++;
      } else {
        c.misses.add("block: " + where + " gold " + block + ", read " + camel(item.block()));
      }
      Set<String> goldBodies = roles(label.get("lead"), label.get("coordinating"));
      Set<String> readBodies = roles(item.lead(), item.coordinating());
      Set<String> union = new HashSet<>(goldBodies);
      union.addAll(readBodies);
      Set<String> both = new HashSet<>(goldBodies);
      both.retainAll(readBodies);
      c.bodies += union.size();
      c.bodiesRight += both.size();
      if (both.size() < union.size()) {
        c.misses.add("bodies: " + where + " gold " + goldBodies + ", read " + readBodies);
      }
      Map<String, Object> deadline = (Map<String, Object>) label.get("deadline");
      String byHand =
          deadline == null
              ? "none"
              : reading(
                  date(deadline.get("due")),
                  deadline.get("every") == null ? null : deadline.get("every").toString(),
                  issued);
      // the gold phrase as the product's phrase reader reads it; the hand reading when it cannot
      String goldPhrase = deadline == null ? null : (String) deadline.get("phrase");
      String goldReading = reading(goldPhrase, issued);
      if (goldReading.equals("none")) {
        goldReading = byHand;
      }
      String readReading = reading(item.deadline(), issued);
      if (!byHand.equals("none") || !readReading.equals("none")) {
        c.deadlinesByHand++;
        if (byHand.equals(readReading)) {
          c.deadlinesByHandRight++;
        }
      }
      if (!goldReading.equals("none") || !readReading.equals("none")) {
        c.deadlines++;
        if (goldReading.equals(readReading) || byHand.equals(readReading)) {
          c.deadlinesRight++;
        } else {
          c.misses.add(
              "deadline: "
                  + where
                  + " gold "
                  + goldReading
                  + ", read \""
                  + item.deadline()
                  + "\" "
                  + readReading);
        }
      }
    }
    for (Item item : items) {
      if (item.block() == Block.STANDING) {
        continue;
      }
      c.foundActionable++;
      boolean right = false;
      for (int g = 0; g < gold.size(); g++) {
        if (matchOf[g] == item && !"standing".equals(gold.get(g).get("block"))) {
          right = true;
        }
      }
      if (right) {
        c.foundActionableRight++;
      } else {
        String t = item.text();
        c.misses.add(
            "extra: "
                + item.number()
                + " \""
                + t.substring(0, Math.min(60, t.length()))
                + "\" ("
                + camel(item.block())
                + ")");
      }
    }
    return c;
  }

  /** Gold and read readings in one form: "none", or "due <date> every <frequency>". */
  private static String reading(LocalDate due, String every, LocalDate issued) {
    if (due == null && every == null) {
      return "none";
    }
    // an undated text: its first due depends on a year the gold places by hand; compare the cycle
    return issued == null && every != null ? "every " + every : "due " + due + " every " + every;
  }

  private static String reading(String phrase, LocalDate issued) {
    if (phrase == null) {
      return "none";
    }
    try {
      Schedule schedule =
          DeadlinePhrases.parse(phrase, issued == null ? LocalDate.of(2016, 7, 1) : issued);
      if (schedule instanceof Schedule.Once once) {
        return reading(once.due(), null, issued);
      }
      Schedule.Every every = (Schedule.Every) schedule;
      LocalDate from = issued == null ? LocalDate.of(2016, 7, 1) : issued;
      LocalDate due = every.periods(from, from.plusYears(3)).get(0).due();
      return reading(due, every.frequency().name(), issued);
    } catch (InvalidInputException unread) {
      return "none";
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> roles(Object lead, Object coordinating) {
    Set<String> roles = new HashSet<>();
    for (Object id : lead == null ? List.of() : (List<Object>) lead) {
      roles.add("lead:" + id);
    }
    for (Object id : coordinating == null ? List.of() : (List<Object>) coordinating) {
      roles.add("coordinating:" + id);
    }
    return roles;
  }

  /** The share of the quote's words the text holds, 1 when it holds the quote itself. */
  static double overlap(String quote, String text) {
    if (text.contains(quote)) {
      return 1;
    }
    String[] words = quote.split(" ");
    Set<String> in = new HashSet<>(List.of(text.split(" ")));
    long held = Stream.of(words).filter(in::contains).count();
    return words.length == 0 ? 0 : Math.min(0.99, (double) held / words.length);
  }

  static String fold(String text) {
    String plain =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('đ', 'd')
            .replace('Đ', 'D')
            .toLowerCase(Locale.ROOT);
    return plain.replaceAll("[^a-z0-9]+", " ").trim();
  }

  private static String camel(Block block) {
    String[] parts = block.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder s = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      s.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return s.toString();
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(value.toString());
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 1 : (double) part / whole;
  }

  private static double pct(double share) {
    return BenchReport.round(share * 100);
  }

  /** The table: one line per text, then the groups' totals. */
  public static String table(Map<String, Counts> all) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            "%-28s %7s %7s %7s %7s %7s%n",
            "text", "found", "precis.", "block", "bodies", "dlines"));
    all.forEach(
        (name, c) ->
            t.append(
                c.texts == 0
                    ? String.format(
                        "%-28s no text (a new held-out text measures generalisation)%n", name)
                    : String.format(
                        "%-28s %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%%%n",
                        name,
                        c.recall() * 100,
                        c.precision() * 100,
                        c.blocks() * 100,
                        c.bodiesShare() * 100,
                        c.deadlinesShare() * 100)));
    return t.toString();
  }

  /** Arguments: the commit measured (optional); "-v" prints every miss, text by text. */
  public static void main(String[] args) throws IOException {
    String commit = args.length > 0 && !args[0].equals("-v") ? args[0] : "?";
    boolean verbose = List.of(args).contains("-v");
    Map<String, Counts> all = measure();
    System.out.print(table(all));
    if (verbose) {
      all.forEach(
          (name, c) -> {
            if (!GROUPS.contains(name)) {
              c.misses.forEach(m -> System.out.println(name + ": " + m));
            }
          });
    }
    Map<String, Object> report = BenchReport.start();
    report.put("commit", commit);
    report.put("command", "./scripts/bench-intake.sh");
    Map<String, Object> texts = new LinkedHashMap<>();
    all.forEach((name, c) -> texts.put(name, c.texts == 0 ? Map.of("texts", 0) : c.json()));
    report.put("texts", texts);
    BenchReport.write("intake.json", report);
  }
}
