package vn.danvan.directive;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.danvan.input.Inputs;

/**
 * One seed directive's traceability table ({@code src/test/resources/traceability/*.yaml}): each
 * item of the text, quoted, and the model element that carries it, with the bodies and deadline the
 * element passes to its block (by input name: {@code leadBody}, {@code reportingBodies}, {@code
 * cyclePhrase}…), or why no element carries it.
 */
record TraceabilityTable(
    String seed,
    String title,
    String number,
    Path model,
    String note,
    List<TraceabilityTable.Row> rows) {

  static final Path FOLDER = Path.of("src/test/resources/traceability");
  static final String MODELLED = "modelled";
  static final String STANDING = "standing";
  static final String NOT_ACTIONABLE = "not-actionable";
  static final String GAP = "gap";
  static final List<String> STATUSES = List.of(MODELLED, STANDING, NOT_ACTIONABLE, GAP);

  /** The inputs by which a block receives a deadline or a cycle. */
  static final Set<String> DEADLINE_INPUTS =
      Set.of(
          "deadlinePhrase",
          "cyclePhrase",
          "milestonePhrase",
          "registrationDeadline",
          "selfAssessmentDeadline");

  /** An element a reason or an assumption names, e.g. "reported in CallActivity_DecemberReport". */
  private static final Pattern MENTIONED_ELEMENT = Pattern.compile("\\b(?:CallActivity|Task)_\\w+");

  /** One item (or one part of an item) of the text. */
  record Row(
      String key,
      String item,
      String quote,
      String status,
      List<String> elements,
      Map<String, String> lead,
      Map<String, String> coordinating,
      Map<String, String> deadline,
      String reason,
      String assumed,
      String assumedDate) {

    Row withLead(Map<String, String> other) {
      return new Row(
          key,
          item,
          quote,
          status,
          elements,
          other,
          coordinating,
          deadline,
          reason,
          assumed,
          assumedDate);
    }

    Row withStatus(String other, String otherReason) {
      return new Row(
          key,
          item,
          quote,
          other,
          elements,
          lead,
          coordinating,
          deadline,
          otherReason,
          assumed,
          assumedDate);
    }

    Row withAssumedDate(String other) {
      return new Row(
          key, item, quote, status, elements, lead, coordinating, deadline, reason, assumed, other);
    }
  }

  static List<TraceabilityTable> all() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      List<TraceabilityTable> tables = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        tables.add(read(file));
      }
      return tables;
    }
  }

  @SuppressWarnings("unchecked")
  static TraceabilityTable read(Path file) throws IOException {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) root.get("items")) {
      rows.add(
          new Row(
              text(row.get("key")),
              text(row.get("item")),
              text(row.get("quote")),
              text(row.get("status")),
              row.get("elements") == null
                  ? List.of()
                  : List.copyOf((List<String>) row.get("elements")),
              bodies(row.get("lead")),
              bodies(row.get("coordinating")),
              bodies(row.get("deadline")),
              text(row.get("reason")),
              text(row.get("assumed")),
              text(row.get("assumedDate"))));
    }
    return new TraceabilityTable(
        text(root.get("seed")),
        text(root.get("title")),
        text(root.get("number")),
        Path.of(text(root.get("model"))),
        text(root.get("note")),
        List.copyOf(rows));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> bodies(Object value) {
    Map<String, String> inputs = new LinkedHashMap<>();
    if (value != null) {
      ((Map<String, Object>) value).forEach((input, v) -> inputs.put(input, text(v)));
    }
    return inputs;
  }

  TraceabilityTable withRow(int index, Row row) {
    List<Row> changed = new ArrayList<>(rows);
    changed.set(index, row);
    return new TraceabilityTable(seed, title, number, model, note, changed);
  }

  String gapKey(Row row) {
    return seed + "/" + row.key();
  }

  long count(String status) {
    return rows.stream().filter(r -> r.status().equals(status)).count();
  }

  /** Everything in the table its model or its own rules contradict; empty when it holds. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (title.isBlank() || number.isBlank() || !Files.isRegularFile(model)) {
      problems.add(seed + ": the table needs the seed's title, its number and an existing model");
      return problems;
    }
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    problems.addAll(identityProblems(bpmn));
    Set<String> keys = new HashSet<>();
    Set<String> named = new HashSet<>();
    for (Row row : rows) {
      String where = gapKey(row) + ": ";
      if (!keys.add(row.key()) || row.item().isBlank() || row.quote().isBlank()) {
        problems.add(where + "a row needs a key of its own, the item number and a quote");
      }
      Matcher mentioned = MENTIONED_ELEMENT.matcher(row.reason() + " " + row.assumed());
      while (mentioned.find()) {
        if (!itemElements(bpmn).contains(mentioned.group())) {
          problems.add(where + "mentions " + mentioned.group() + ", which the model lacks");
        }
      }
      if (!STATUSES.contains(row.status())) {
        problems.add(where + "status '" + row.status() + "' is not one of " + STATUSES);
      } else if (!row.status().equals(MODELLED)) {
        if (row.reason().isBlank() || !row.elements().isEmpty()) {
          problems.add(where + row.status() + " needs a reason and names no element");
        }
      } else if (row.elements().isEmpty() || row.lead().isEmpty()) {
        problems.add(where + "modelled needs its elements and its lead body");
      } else {
        for (String id : row.elements()) {
          named.add(id);
          problems.addAll(against(where, row, bpmn, id));
        }
      }
    }
    for (String id : itemElements(bpmn)) {
      if (!named.contains(id)) {
        problems.add(seed + ": " + model + " " + id + " is named by no modelled row");
      }
      // and the other way round: a date the model flags as assumed is listed for administrators
      boolean flagged =
          documentation((BaseElement) bpmn.getModelElementById(id)).contains(ASSUMED_DATE);
      boolean listed =
          rows.stream().anyMatch(r -> r.elements().contains(id) && !r.assumedDate().isBlank());
      if (flagged && !listed) {
        problems.add(
            seed + ": " + id + " flags an assumed date; a row of it needs assumedDate to list it");
      }
    }
    return problems;
  }

  private static List<String> against(String where, Row row, BpmnModelInstance bpmn, String id) {
    List<String> problems = new ArrayList<>();
    if (!(bpmn.getModelElementById(id) instanceof Activity activity)
        || !itemElements(bpmn).contains(id)) {
      problems.add(where + "no call activity or user task " + id);
      return problems;
    }
    Map<String, String> inputs = inputs(activity);
    Map<String, String> expected = new LinkedHashMap<>(row.lead());
    expected.putAll(row.coordinating());
    expected.putAll(row.deadline());
    expected.forEach(
        (input, value) -> {
          if (!list(value).equals(list(inputs.get(input)))) {
            problems.add(
                where
                    + id
                    + " passes "
                    + input
                    + " = '"
                    + inputs.get(input)
                    + "', the table says '"
                    + value
                    + "'");
          }
        });
    if (!row.assumedDate().isBlank() && !documentation(activity).contains(ASSUMED_DATE)) {
      problems.add(
          where
              + id
              + " takes a date the text does not give ("
              + row.assumedDate()
              + "): its documentation needs a line '"
              + ASSUMED_DATE
              + " … (văn bản không nêu)'");
    }
    if (row.deadline().isEmpty()) {
      inputs.keySet().stream()
          .filter(DEADLINE_INPUTS::contains)
          .forEach(
              input ->
                  problems.add(
                      where
                          + id
                          + " has the deadline "
                          + input
                          + " = '"
                          + inputs.get(input)
                          + "', the table gives none"));
    }
    return problems;
  }

  /** How an element's documentation flags a date the text does not give. */
  static final String ASSUMED_DATE = "Ngày giả định:";

  static String documentation(BaseElement element) {
    return element.getDocumentations().stream()
        .map(Documentation::getTextContent)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The number and date the model is started with, against the table's {@code number}: a text
   * without its own ("không ghi số, ngày") has both flagged as assumed on the start event, with a
   * line for each in its documentation; a text with its own has neither flagged.
   */
  List<String> identityProblems(BpmnModelInstance bpmn) {
    List<String> problems = new ArrayList<>();
    String key = bpmn.getModelElementsByType(Process.class).iterator().next().getId();
    DirectiveIdentity identity = Directives.identity(bpmn, key);
    if (identity.number() == null || identity.issued() == null) {
      problems.add(seed + ": the start event names no soKyHieu and ngayBanHanh");
      return problems;
    }
    boolean textHasNone = number.startsWith("không ghi số");
    if (identity.numberAssumed() != textHasNone || identity.issuedAssumed() != textHasNone) {
      problems.add(
          seed
              + ": the table says '"
              + number
              + "', the start event flags the number assumed "
              + identity.numberAssumed()
              + " and the date "
              + identity.issuedAssumed());
    }
    StartEvent start =
        bpmn.getModelElementsByType(StartEvent.class).stream()
            .filter(e -> e.getParentElement() instanceof Process)
            .findFirst()
            .orElseThrow();
    String text = documentation(start);
    if (identity.numberAssumed() && !text.contains("Số giả định: " + identity.number())) {
      problems.add(seed + ": the start event's documentation needs 'Số giả định: …'");
    }
    if (identity.issuedAssumed()
        && !text.contains(ASSUMED_DATE + " " + Inputs.day(identity.issued()))) {
      problems.add(seed + ": the start event's documentation needs '" + ASSUMED_DATE + " …'");
    }
    return problems;
  }

  /** The elements that carry items: call activities and user tasks of the directive. */
  static Set<String> itemElements(BpmnModelInstance bpmn) {
    return Stream.concat(
            bpmn.getModelElementsByType(CallActivity.class).stream(),
            bpmn.getModelElementsByType(UserTask.class).stream())
        .map(Activity::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the element hands on: its camunda:in targets and its input parameters. */
  static Map<String, String> inputs(Activity activity) {
    Map<String, String> inputs = new LinkedHashMap<>();
    if (activity.getExtensionElements() == null) {
      return inputs;
    }
    for (CamundaIn in :
        activity.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
      if (in.getCamundaTarget() != null) {
        inputs.put(
            in.getCamundaTarget(),
            in.getCamundaSourceExpression() != null
                ? in.getCamundaSourceExpression()
                : "${" + in.getCamundaSource() + "}");
      }
    }
    for (CamundaInputOutput io :
        activity
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaInputOutput.class)
            .list()) {
      for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
        inputs.put(parameter.getCamundaName(), parameter.getTextContent());
      }
    }
    return inputs;
  }

  /** A list of bodies compares item by item, whatever the spacing around its commas. */
  private static List<String> list(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
  }
}
