package vn.danvan.directive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.deadline.DeadlinePhraseCheck;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;

/**
 * Draws who and when of each directive item on the canvas: a text annotation under each item's call
 * activity ({@code Chủ trì: …; phối hợp: …} and {@code Thời hạn: …}), written from the call
 * activity's inputs and the registry's names, and lays the directive out with its items in the
 * text's order (by number, top to bottom). The directives are a start, a parallel split, the items,
 * a parallel join and an end (or one item between start and end); the diagram (DI) is written anew,
 * the process keeps its elements and ids. Run after changing a directive's items: {@code ./mvnw -B
 * -o -q test -Dtest=DiagramWhoWhenTest -Ddiagrams.write=true}; without it, {@code
 * DiagramWhoWhenTest} fails while an annotation is missing, or no longer says what the inputs say.
 */
public final class DirectiveDiagrams {

  static final Path FOLDER = Path.of("processes/directives");

  /** Inputs naming the lead bodies, the first present wins; a list or type of bodies last. */
  private static final List<String> LEAD =
      List.of(
          "leadBody",
          "inspectingBody",
          "consolidatingBody",
          "draftingBody",
          "organisingBody",
          "reviewingBody",
          "bodies",
          "bodyType");

  /** Inputs naming the bodies that take part: coordinate, contribute or report. */
  private static final List<String> WITH =
      List.of("coordinatingBodies", "contributingBodies", "reportingBodies");

  /** Names as officials write them in the texts. */
  private static final Map<String, String> SHORT =
      Map.of("Ủy ban nhân dân", "UBND", "Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam");

  /** At most this many names of a list; more are counted. */
  private static final int LISTED = 4;

  private static final Pattern NUMBER =
      Pattern.compile("^(?:([IVX]+)\\.)?(\\d+(?:\\.\\d+)*)\\.?[ ,]");

  // geometry of the layout
  private static final int ITEM_X = 300;
  private static final int ITEM_WIDTH = 280;
  private static final int ITEM_HEIGHT = 96;
  private static final int NOTE_X = ITEM_X + 20;
  private static final int NOTE_WIDTH = 460;
  private static final int TOP = 80;
  private static final double CHAR_WIDTH = 6.3;
  private static final double LINE_HEIGHT = 14.4;

  private DirectiveDiagrams() {}

  /** Draws every directive under {@link #FOLDER} again. */
  static void drawAll() throws IOException {
    OrgRegistry registry = registry();
    for (Path file : directives()) {
      String xml = Files.readString(file);
      String drawn = drawn(xml, registry);
      if (!drawn.equals(xml)) {
        Files.writeString(file, drawn);
        System.out.println("drawn: " + file);
      }
    }
  }

  static OrgRegistry registry() {
    return OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));
  }

  static List<Path> directives() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static BpmnModelInstance read(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The directive's items (call activities named with the text's number), in the text's order. */
  static List<CallActivity> items(BpmnModelInstance model) {
    return model.getModelElementsByType(CallActivity.class).stream()
        .filter(c -> c.getName() != null && NUMBER.matcher(c.getName()).find())
        .sorted(Comparator.comparing(c -> number(c.getName()), DirectiveDiagrams::compare))
        .toList();
  }

  /** The item's number as integers: III.2 is [3, 2], 5. is [0, 5]. */
  static List<Integer> number(String name) {
    Matcher m = NUMBER.matcher(name);
    if (!m.find()) {
      throw new IllegalArgumentException("no item number: " + name);
    }
    List<Integer> parts = new ArrayList<>();
    parts.add(m.group(1) == null ? 0 : roman(m.group(1)));
    Arrays.stream(m.group(2).split("\\.")).map(Integer::valueOf).forEach(parts::add);
    return parts;
  }

  private static int roman(String numeral) {
    Map<Character, Integer> values = Map.of('I', 1, 'V', 5, 'X', 10);
    int total = 0;
    for (int i = 0; i < numeral.length(); i++) {
      int value = values.get(numeral.charAt(i));
      boolean smaller = i + 1 < numeral.length() && value < values.get(numeral.charAt(i + 1));
      total += smaller ? -value : value;
    }
    return total;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** What the item's annotation says, from its inputs. */
  static String annotation(CallActivity item, OrgRegistry registry) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (CamundaIn in : item.getModelInstance().getModelElementsByType(CamundaIn.class)) {
      if (in.getParentElement().getParentElement() == item
          && in.getCamundaTarget() != null
          && in.getCamundaSourceExpression() != null) {
        inputs.put(in.getCamundaTarget(), in.getCamundaSourceExpression().trim());
      }
    }
    String leadField = LEAD.stream().filter(inputs::containsKey).findFirst().orElse(null);
    List<String> leads = leadField == null ? List.of() : ids(inputs.get(leadField));
    String lead =
        leadField == null
            ? "không nêu"
            : leadField.equals("bodyType")
                ? type(inputs.get(leadField), registry)
                : names(leads, registry);
    String with =
        names(
            WITH.stream()
                .filter(inputs::containsKey)
                .flatMap(f -> ids(inputs.get(f)).stream())
                .filter(id -> !leads.contains(id))
                .distinct()
                .toList(),
            registry);
    String deadline =
        inputs.entrySet().stream()
            .filter(e -> DeadlinePhraseCheck.carriesPhrase(e.getKey()))
            .filter(e -> !e.getKey().equals("endDate") && !e.getKey().endsWith("EndDate"))
            .map(Map.Entry::getValue)
            .collect(Collectors.joining("; "));
    return "Chủ trì: "
        + lead
        + (with.isEmpty() ? "" : "; phối hợp: " + with)
        + "\nThời hạn: "
        + (deadline.isEmpty() ? "không" : deadline);
  }

  private static List<String> ids(String value) {
    if (value.contains("{")) {
      return List.of(value);
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String names(List<String> ids, OrgRegistry registry) {
    List<String> names =
        ids.stream().map(id -> registry.body(id).map(b -> shortName(b.name())).orElse(id)).toList();
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, LISTED - 1))
        + " và "
        + (names.size() - LISTED + 1)
        + " đơn vị khác";
  }

  private static String type(String id, OrgRegistry registry) {
    return "các đơn vị loại "
        + registry.bodyTypes().stream()
            .filter(t -> t.id().equals(id))
            .map(t -> shortName(t.name().replaceAll(" \\(.*\\)$", "")))
            .findFirst()
            .orElse(id);
  }

  private static String shortName(String name) {
    String shortened = name;
    for (Map.Entry<String, String> e : SHORT.entrySet()) {
      shortened = shortened.replace(e.getKey(), e.getValue());
    }
    return shortened;
  }

  static String annotationId(CallActivity item) {
    return "TextAnnotation_" + item.getId();
  }

  static String associationId(CallActivity item) {
    return "Association_" + item.getId();
  }

  /** The model with every item's annotation written and its diagram laid out anew. */
  static String drawn(String xml, OrgRegistry registry) {
    BpmnModelInstance model = read(xml);
    List<CallActivity> items = items(model);
    String process =
        xml.replaceAll(
                "\\s*<bpmn:textAnnotation id=\"TextAnnotation_[^\"]*\">"
                    + "(?s:.*?)</bpmn:textAnnotation>",
                "")
            .replaceAll("\\s*<bpmn:association id=\"Association_[^\"]*\"[^>]*/>", "");
    StringBuilder artifacts = new StringBuilder();
    for (CallActivity item : items) {
      artifacts
          .append("\n    <bpmn:textAnnotation id=\"")
          .append(annotationId(item))
          .append("\">\n      <bpmn:text>")
          .append(escape(annotation(item, registry)))
          .append("</bpmn:text>\n    </bpmn:textAnnotation>")
          .append("\n    <bpmn:association id=\"")
          .append(associationId(item))
          .append("\" associationDirection=\"None\" sourceRef=\"")
          .append(item.getId())
          .append("\" targetRef=\"")
          .append(annotationId(item))
          .append("\" />");
    }
    int end = process.indexOf("\n  </bpmn:process>");
    process = process.substring(0, end) + artifacts + process.substring(end);
    int planeStart = process.indexOf('>', process.indexOf("<bpmndi:BPMNPlane")) + 1;
    int planeEnd = process.indexOf("    </bpmndi:BPMNPlane>");
    return process.substring(0, planeStart)
        + "\n"
        + new Layout(model, items, registry).shapes()
        + process.substring(planeEnd);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }

  /** Lines of the annotation's text wrapped in its width (an estimate on the safe side). */
  static int height(String text) {
    int perLine = (int) ((NOTE_WIDTH - 10) / CHAR_WIDTH);
    int lines = 0;
    for (String paragraph : text.split("\n")) {
      int length = 0;
      lines++;
      for (String word : paragraph.split(" ")) {
        if (length > 0 && length + 1 + word.length() > perLine) {
          lines++;
          length = word.length();
        } else {
          length += (length > 0 ? 1 : 0) + word.length();
        }
      }
    }
    return (int) Math.ceil(lines * LINE_HEIGHT) + 14;
  }

  /** The diagram: start, split, the items one under another with their notes, join, end. */
  private static final class Layout {
    private final StringBuilder out = new StringBuilder();
    private final BpmnModelInstance model;
    private final List<CallActivity> items;
    private final OrgRegistry registry;

    Layout(BpmnModelInstance model, List<CallActivity> items, OrgRegistry registry) {
      this.model = model;
      this.items = items;
      this.registry = registry;
    }

    String shapes() {
      StartEvent start = model.getModelElementsByType(StartEvent.class).iterator().next();
      EndEvent end = model.getModelElementsByType(EndEvent.class).iterator().next();
      FlowNode split = start.getOutgoing().iterator().next().getTarget();
      FlowNode join = end.getIncoming().iterator().next().getSource();
      boolean gateways = !(split instanceof CallActivity);
      int nodes = model.getModelElementsByType(FlowNode.class).size();
      if (nodes != items.size() + (gateways ? 4 : 2)) {
        throw new IllegalStateException(
            model.getDefinitions().getId()
                + ": not a start, split, items, join and end; lay this directive out by hand");
      }
      int axis = TOP + ITEM_HEIGHT / 2;
      int joinX = NOTE_X + NOTE_WIDTH + 40;
      int startX = gateways ? 112 : 192;
      event(start, startX, axis);
      if (gateways) {
        shape(split.getId(), 180, axis - 25, 50, 50);
        shape(join.getId(), joinX, axis - 25, 50, 50);
        flow(start.getOutgoing().iterator().next(), startX + 36, axis, 180, axis);
      }
      int y = TOP;
      for (CallActivity item : items) {
        int middle = y + ITEM_HEIGHT / 2;
        shape(item.getId(), ITEM_X, y, ITEM_WIDTH, ITEM_HEIGHT);
        String text = annotation(item, registry);
        int noteY = y + ITEM_HEIGHT + 20;
        int noteHeight = height(text);
        shape(annotationId(item), NOTE_X, noteY, NOTE_WIDTH, noteHeight);
        edge(associationId(item), NOTE_X + 20, y + ITEM_HEIGHT, NOTE_X + 20, noteY);
        SequenceFlow in = item.getIncoming().iterator().next();
        SequenceFlow leave = item.getOutgoing().iterator().next();
        if (!gateways) {
          flow(in, startX + 36, middle, ITEM_X, middle);
          flow(leave, ITEM_X + ITEM_WIDTH, middle, joinX, middle);
        } else if (middle == axis) {
          flow(in, 230, axis, ITEM_X, axis);
          flow(leave, ITEM_X + ITEM_WIDTH, axis, joinX, axis);
        } else {
          flow(in, 205, axis + 25, 205, middle, ITEM_X, middle);
          flow(leave, ITEM_X + ITEM_WIDTH, middle, joinX + 25, middle, joinX + 25, axis + 25);
        }
        y = noteY + noteHeight + 30;
      }
      int endX = gateways ? joinX + 100 : joinX;
      if (gateways) {
        flow(end.getIncoming().iterator().next(), joinX + 50, axis, endX, axis);
      }
      event(end, endX, axis);
      return out.toString();
    }

    private void event(FlowNode event, int x, int axis) {
      out.append(
          String.format(
              "      <bpmndi:BPMNShape id=\"%1$s_di\" bpmnElement=\"%1$s\">%n"
                  + "        <dc:Bounds x=\"%2$d\" y=\"%3$d\" width=\"36\" height=\"36\" />%n"
                  + "        <bpmndi:BPMNLabel><dc:Bounds x=\"%4$d\" y=\"%5$d\" width=\"90\""
                  + " height=\"27\" /></bpmndi:BPMNLabel>%n"
                  + "      </bpmndi:BPMNShape>%n",
              event.getId(), x, axis - 18, x - 27, axis + 25));
    }

    private void shape(String id, int x, int y, int width, int height) {
      out.append(
          String.format(
              "      <bpmndi:BPMNShape id=\"%1$s_di\" bpmnElement=\"%1$s\">%n"
                  + "        <dc:Bounds x=\"%2$d\" y=\"%3$d\" width=\"%4$d\" height=\"%5$d\" />%n"
                  + "      </bpmndi:BPMNShape>%n",
              id, x, y, width, height));
    }

    private void flow(SequenceFlow flow, int... points) {
      edge(flow.getId(), points);
    }

    private void edge(String id, int... points) {
      out.append(
          String.format("      <bpmndi:BPMNEdge id=\"%1$s_di\" bpmnElement=\"%1$s\">%n", id));
      for (int i = 0; i < points.length; i += 2) {
        out.append(
            String.format("        <di:waypoint x=\"%d\" y=\"%d\" />%n", points[i], points[i + 1]));
      }
      out.append("      </bpmndi:BPMNEdge>\n");
    }
  }
}
