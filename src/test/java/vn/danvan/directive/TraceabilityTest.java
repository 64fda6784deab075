package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import vn.danvan.directive.TraceabilityTable.Row;
import vn.danvan.input.Inputs;

/**
 * Each seed directive, item by item, against its model: the tables in {@code
 * src/test/resources/traceability/} (one per seed) name for every item the element that carries it,
 * with the bodies and deadline it passes to its block, or say why none does. docs/traceability.md
 * is the tables rendered; after editing a table, regenerate it with {@code ./mvnw -B -o -q test
 * -Dtest=TraceabilityTest -Dbpmnlint.skip=true -Dtraceability.write=true}.
 */
class TraceabilityTest {

  static final Path DOCUMENT = Path.of("docs/traceability.md");

  /** docs/models.md holds the list of assumed dates between these lines (rendered too). */
  static final Path MODELS = Path.of("docs/models.md");

  static final String DATES_START = "<!-- ngày giả định: sinh từ bảng truy vết -->";
  static final String DATES_END = "<!-- hết ngày giả định -->";

  /**
   * The items the models do not carry yet. Closing one (or finding a new one) changes this list
   * together with its table.
   */
  static final List<String> EXPECTED_GAPS = List.of();

  @Test
  void everySeedHasATableAndEveryDirectiveModelIsTraced() throws IOException {
    List<TraceabilityTable> tables = TraceabilityTable.all();
    assertThat(tables)
        .extracting(TraceabilityTable::seed)
        .containsExactly("000", "001", "002", "003", "004");
    try (Stream<Path> models = Files.list(Path.of("processes/directives"))) {
      assertThat(tables)
          .extracting(t -> t.model().toString())
          .containsExactlyInAnyOrderElementsOf(
              models.filter(f -> f.toString().endsWith(".bpmn")).map(Path::toString).toList());
    }
  }

  @Test
  void everyRowHoldsAgainstItsModelAndEveryItemElementIsNamed() throws IOException {
    List<String> problems = new ArrayList<>();
    for (TraceabilityTable table : TraceabilityTable.all()) {
      problems.addAll(table.problems());
    }
    assertThat(problems).as("rows the models contradict, and elements no row names").isEmpty();
  }

  @Test
  void theGapsAreTheOnesExpected() throws IOException {
    List<TraceabilityTable> tables = TraceabilityTable.all();
    System.out.println(summary(tables));
    List<String> gaps =
        tables.stream()
            .flatMap(
                t ->
                    t.rows().stream()
                        .filter(r -> r.status().equals(TraceabilityTable.GAP))
                        .map(t::gapKey))
            .toList();
    assertThat(gaps)
        .as("gaps in the tables (a gap closed or found updates EXPECTED_GAPS)")
        .containsExactlyInAnyOrderElementsOf(EXPECTED_GAPS);
  }

  @Test
  void aRowTheModelContradictsIsFound() throws IOException {
    TraceabilityTable xuanLoc =
        TraceabilityTable.all().stream()
            .filter(t -> t.seed().equals("004"))
            .findFirst()
            .orElseThrow();
    int report =
        xuanLoc
            .rows()
            .indexOf(
                xuanLoc.rows().stream().filter(r -> r.key().equals("7")).findFirst().orElseThrow());
    Row row = xuanLoc.rows().get(report);

    assertThat(
            xuanLoc
                .withRow(report, row.withLead(Map.of("reportingBodies", "ubndTTGiaRay")))
                .problems())
        .singleElement()
        .asString()
        .contains("reportingBodies");
    assertThat(xuanLoc.withRow(report, row.withStatus(TraceabilityTable.GAP, "")).problems())
        .anyMatch(p -> p.contains("needs a reason"))
        .anyMatch(p -> p.contains("CallActivity_AnnualReport is named by no modelled row"));
    Row standing = xuanLoc.rows().get(0);
    assertThat(
            xuanLoc
                .withRow(
                    0,
                    standing.withStatus(
                        TraceabilityTable.STANDING, "reported in CallActivity_NoSuchReport"))
                .problems())
        .singleElement()
        .asString()
        .contains("CallActivity_NoSuchReport");
  }

  @Test
  void anAssumedDateTheModelDoesNotFlagIsFound() throws IOException {
    TraceabilityTable quangNgai =
        TraceabilityTable.all().stream()
            .filter(t -> t.seed().equals("003"))
            .findFirst()
            .orElseThrow();
    Row row =
        quangNgai.rows().stream()
            .filter(r -> r.key().equals("1-chuong-trinh"))
            .findFirst()
            .orElseThrow();
    int index = quangNgai.rows().indexOf(row);
    assertThat(quangNgai.problems()).isEmpty();
    assertThat(quangNgai.withRow(index, row.withAssumedDate("31/12/2016")).problems())
        .singleElement()
        .asString()
        .contains("CallActivity_ProgrammesAndPlans")
        .contains(TraceabilityTable.ASSUMED_DATE);
  }

  @Test
  void theDocumentIsTheTablesRendered() throws IOException {
    List<TraceabilityTable> tables = TraceabilityTable.all();
    String rendered = render(tables);
    String models = Files.readString(MODELS);
    int start = models.indexOf(DATES_START);
    int end = models.indexOf(DATES_END);
    assertThat(start)
        .as(MODELS + " needs the lines " + DATES_START + " … " + DATES_END)
        .isNotNegative();
    assertThat(end).isGreaterThan(start);
    String withDates =
        models.substring(0, start + DATES_START.length())
            + "\n\n"
            + assumedDates(tables)
            + "\n"
            + models.substring(end);
    if (Boolean.getBoolean("traceability.write")) {
      Files.writeString(DOCUMENT, rendered);
      Files.writeString(MODELS, withDates);
    }
    assertThat(Files.readString(DOCUMENT))
        .as(DOCUMENT + ": regenerate it (see this class)")
        .isEqualTo(rendered);
    assertThat(Files.readString(MODELS))
        .as(MODELS + ": regenerate its assumed dates (see this class)")
        .isEqualTo(withDates);
  }

  /** The dates the models take that the texts do not give, one line per element. */
  static String assumedDates(List<TraceabilityTable> tables) {
    StringBuilder md =
        new StringBuilder("| Văn bản | Mục | Phần tử | Ngày giả định |\n|---|---|---|---|\n");
    for (TraceabilityTable t : tables) {
      BpmnModelInstance bpmn = Bpmn.readModelFromFile(t.model().toFile());
      String key = bpmn.getModelElementsByType(Process.class).iterator().next().getId();
      DirectiveIdentity identity = Directives.identity(bpmn, key);
      if (identity.issuedAssumed()) {
        md.append("| ")
            .append(
                cells(
                    t.seed(),
                    "–",
                    "`StartEvent_DirectiveIssued`",
                    "ngày ban hành "
                        + Inputs.day(identity.issued())
                        + (identity.numberAssumed() ? ", số " + identity.number() : "")
                        + " (văn bản không ghi)"))
            .append(" |\n");
      }
      for (Row r : t.rows()) {
        if (!r.assumedDate().isBlank()) {
          md.append("| ")
              .append(
                  cells(
                      t.seed(),
                      r.item(),
                      r.elements().stream()
                          .map(e -> "`" + e + "`")
                          .collect(Collectors.joining(", ")),
                      r.assumedDate()))
              .append(" |\n");
        }
      }
    }
    return md.toString();
  }

  static String summary(List<TraceabilityTable> tables) {
    StringBuilder out =
        new StringBuilder(
            "Traceability (seed: items, modelled, standing," + " not-actionable, gaps)\n");
    for (TraceabilityTable t : tables) {
      out.append(
          String.format(
              "  %s: %d items, %d modelled, %d standing, %d not-actionable," + " %d gaps %s%n",
              t.seed(),
              t.rows().size(),
              t.count(TraceabilityTable.MODELLED),
              t.count(TraceabilityTable.STANDING),
              t.count(TraceabilityTable.NOT_ACTIONABLE),
              t.count(TraceabilityTable.GAP),
              t.rows().stream()
                  .filter(r -> r.status().equals(TraceabilityTable.GAP))
                  .map(t::gapKey)
                  .toList()));
    }
    return out.toString();
  }

  static String render(List<TraceabilityTable> tables) {
    StringBuilder md = new StringBuilder();
    md.append(
        """
        # Traceability: the directives' items and their models

        Every item of the five seed directives, quoted from its text, with the element of its
        model ([models.md](models.md)) that carries it, the bodies and the deadline that element
        passes to its block (by the block's input names: the lead, then the others it works
        with), and a status:

        - **modelled**: the element gives the work as shown;
        - **standing**: a standing duty with no deadline; the reason says where it is followed;
        - **not-actionable**: the text asks no one to do anything;
        - **gap**: the text asks for work no element gives yet; the reason says what is missing.

        *Assumed* is what the model takes that the text does not say (a date, a number, the bodies
        that stand for "mỗi cơ quan, đơn vị").

        This page is generated from the tables in `src/test/resources/traceability/`, one per seed;
        `TraceabilityTest` checks each table against its model (every element it names exists and
        passes the bodies and deadline shown; every call activity and user task of a directive is
        named) and this page against the tables. After editing a table, regenerate the page:

        ```bash
        ./mvnw -B -o -q test -Dtest=TraceabilityTest -Dbpmnlint.skip=true -Dtraceability.write=true
        ```

        | Seed | Items | Modelled | Standing | Not actionable | Gaps |
        |---|---|---|---|---|---|
        """);
    for (TraceabilityTable t : tables) {
      md.append(
          String.format(
              "| %s | %d | %d | %d | %d | %d |%n",
              t.seed(),
              t.rows().size(),
              t.count(TraceabilityTable.MODELLED),
              t.count(TraceabilityTable.STANDING),
              t.count(TraceabilityTable.NOT_ACTIONABLE),
              t.count(TraceabilityTable.GAP)));
    }
    for (TraceabilityTable t : tables) {
      md.append("\n## ")
          .append(t.seed())
          .append(" · ")
          .append(t.title())
          .append("\n\n")
          .append(t.number())
          .append(". Model: `")
          .append(t.model())
          .append("`.");
      if (!t.note().isBlank()) {
        md.append(" ").append(t.note());
      }
      md.append("\n\n| Item | Quote | Element | Bodies | Deadline | Status | Assumed |\n")
          .append("|---|---|---|---|---|---|---|\n");
      for (Row r : t.rows()) {
        String status =
            r.status().equals(TraceabilityTable.MODELLED)
                ? r.status()
                : "**" + r.status() + "**: " + r.reason();
        md.append("| ")
            .append(
                cells(
                    r.item(),
                    "*" + r.quote() + "*",
                    r.elements().stream().map(e -> "`" + e + "`").collect(Collectors.joining(", ")),
                    bodies(r),
                    inputs(r.deadline()),
                    status,
                    r.assumedDate().isBlank()
                        ? r.assumed()
                        : "**Ngày giả định**: " + r.assumedDate() + "<br>" + r.assumed()))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  private static String cells(String... cells) {
    return Stream.of(cells).map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "));
  }

  private static String bodies(Row r) {
    String lead = r.lead().isEmpty() ? "" : "**lead** " + inputs(r.lead());
    return r.coordinating().isEmpty() ? lead : lead + "<br>**with** " + inputs(r.coordinating());
  }

  private static String inputs(Map<String, String> inputs) {
    return inputs.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
