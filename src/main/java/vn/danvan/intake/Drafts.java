package vn.danvan.intake;

import static vn.danvan.assignment.AssignmentVariables.COORDINATING_BODIES;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSMENT_DEADLINE;
import static vn.danvan.periodic.PeriodicVariables.REPORTING_BODIES;
import static vn.danvan.review.ReviewVariables.DRAFTING_BODY;
import static vn.danvan.review.ReviewVariables.REVIEW_KIND;
import static vn.danvan.skilful.SkilfulVariables.REGISTRATION_DEADLINE;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;
import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Text;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import vn.danvan.deadline.DeadlinePhrases;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.InvalidInputException;
import vn.danvan.intake.DirectiveText.Block;
import vn.danvan.intake.DirectiveText.Item;
import vn.danvan.org.OrgRegistry;

/**
 * A draft directive model from what was read in a directive's text ({@link DirectiveText}): the
 * start event with the template "Văn bản được ban hành" and the text's record; each item, in the
 * text's order, a call activity of its block with the block's element template applied and the
 * item's fields filled; the blocks run in parallel (a split after the start, a join before the
 * end). Beside each item a text annotation says who and when ({@code Chủ trì: …; phối hợp: …} /
 * {@code Thời hạn: …}) and what could not be read; standing duties, ad-hoc reports and what could
 * not be read outside any item are listed in annotations above the flow. The layout (BPMN DI) is
 * computed: one row per item, its annotation under it.
 */
@Service
public class Drafts {

  /** A draft: its BPMN, and each item's element id (null when the item is not modelled). */
  public record Draft(String key, String bpmn, List<String> elements) {}

  /** The element template (file) of each block that is a call activity. */
  static final Map<Block, String> TEMPLATES = new EnumMap<>(Block.class);

  static {
    TEMPLATES.put(Block.ASSIGNMENT, "giao-nhiem-vu.json");
    TEMPLATES.put(Block.FANOUT, "giao-viec-nhieu-don-vi.json");
    TEMPLATES.put(Block.PERIODIC_REPORT, "bao-cao-dinh-ky.json");
    TEMPLATES.put(Block.REVIEW_MILESTONE, "so-ket-tong-ket.json");
    TEMPLATES.put(Block.SKILFUL_QUOTA, "chi-tieu-dan-van-kheo.json");
    TEMPLATES.put(Block.EVALUATION, "danh-gia-xep-loai.json");
  }

  static final String START_TEMPLATE = "van-ban-ban-hanh.json";
  static final String STANDING_TITLE = "Nhiệm vụ thường xuyên (không mô hình hóa): ";
  static final String ADHOC_TITLE =
      "Báo cáo đột xuất (khối Báo cáo đột xuất, đơn vị tự khởi tạo; không gọi từ mô hình): ";
  static final String UNREAD_TITLE = "Chưa đọc được: ";
  static final int NAME_LENGTH = 80;
  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
  private static final Pattern UNTIL_YEAR =
      Pattern.compile("(?:đến năm|giai đoạn \\d{4} ?- ?)\\s*(\\d{4})");

  // the layout's grid (px)
  private static final int MARGIN = 40;
  private static final int EVENT = 36;
  private static final int GATEWAY = 50;
  private static final int TASK_W = 220;
  private static final int TASK_H = 80;
  private static final int NOTE_W = 420;
  private static final int NOTE_GAP = 12;
  private static final int ROW_GAP = 40;
  private static final int LINE_H = 16;
  private static final int CHARS_PER_LINE = 58;
  private static final int START_X = 60;
  private static final int SPLIT_X = 160;
  private static final int TASK_X = 280;
  private static final int JOIN_X = TASK_X + NOTE_W + 80;
  private static final int END_X = JOIN_X + 110;
  private static final int LABEL_W = 90;

  private final OrgRegistry registry;
  private final Map<Block, JsonNode> templates = new EnumMap<>(Block.class);
  private final JsonNode startTemplate;

  public Drafts(OrgRegistry registry) {
    this.registry = registry;
    TEMPLATES.forEach((block, file) -> templates.put(block, ElementTemplates.read(file)));
    this.startTemplate = ElementTemplates.read(START_TEMPLATE);
  }

  /** The draft's BPMN XML. */
  public String draft(DirectiveText text, String key) {
    return make(text, key).bpmn();
  }

  /** The Vietnamese name of an item's block. */
  public String blockName(Block block) {
    return switch (block) {
      case ADHOC_REPORT -> "Báo cáo đột xuất";
      case STANDING -> "Nhiệm vụ thường xuyên (không mô hình hóa)";
      default -> templates.get(block).get("name").asText();
    };
  }

  /**
   * The process id a draft gets: {@code key} when given (a BPMN id: letters, digits, _ and -), else
   * one made of the kind and number ("Chỉ thị 15/CT-UBND" → {@code chiThi15CtUbnd}).
   */
  public static String keyOf(DirectiveText text, String key) {
    if (key != null && !key.isBlank()) {
      if (!KEY.matcher(key.trim()).matches()) {
        throw new InvalidInputException(
            "Mã mô hình chỉ gồm chữ cái không dấu, chữ số, _ và -, bắt đầu bằng chữ cái: " + key);
      }
      return key.trim();
    }
    String made =
        camel((text.kind() == null ? "vanBan" : text.kind()) + " " + orEmpty(text.number()));
    return made.isEmpty() ? "vanBan" : made;
  }

  /** The draft: its key, BPMN and the items' element ids. */
  public Draft make(DirectiveText text, String key) {
    String processId = keyOf(text, key);
    Writer writer = new Writer(text, processId);
    return new Draft(processId, writer.write(), writer.elements);
  }

  /** One draft being written. */
  private final class Writer {
    final DirectiveText text;
    final String processId;
    final BpmnModelInstance model = Bpmn.createEmptyModel();
    final Process process;
    final BpmnPlane plane;
    final List<String> elements = new ArrayList<>();
    final Set<String> ids = new HashSet<>();
    final BodyNames names;

    Writer(DirectiveText text, String processId) {
      this.text = text;
      this.names = new BodyNames(registry, text.issued(), null, null);
      this.processId = processId;
      Definitions definitions = model.newInstance(Definitions.class);
      definitions.setId("Definitions_" + processId);
      definitions.setTargetNamespace("http://danvan.vn/bpmn");
      definitions.setExporter("Dân vận: soạn thảo từ văn bản");
      definitions.setExporterVersion("1");
      model.setDefinitions(definitions);
      definitions.getDomElement().registerNamespace("camunda", ElementTemplates.CAMUNDA_NS);
      definitions.getDomElement().registerNamespace("modeler", MODELER_NS);
      definitions.setAttributeValueNs(MODELER_NS, "executionPlatform", "Camunda Platform");
      definitions.setAttributeValueNs(MODELER_NS, "executionPlatformVersion", "7.24.0");
      process = add(definitions, Process.class, processId);
      process.setExecutable(true);
      process.setName(processName());
      process.setCamundaHistoryTimeToLiveString("3650");
      if (text.number() != null) {
        process.setCamundaVersionTag(text.number());
      }
      BpmnDiagram diagram = add(definitions, BpmnDiagram.class, "BPMNDiagram_" + processId);
      plane = add(diagram, BpmnPlane.class, "BPMNPlane_" + processId);
      plane.setBpmnElement(process);
    }

    String write() {
      List<Item> items = text.items() == null ? List.of() : text.items();
      documentation(process, processDocumentation(items));
      // the annotations above the flow: unread, standing duties, ad-hoc reports
      List<String> tops = new ArrayList<>();
      List<String> unread = text.unread() == null ? List.of() : text.unread();
      if (!unread.isEmpty()) {
        tops.add(UNREAD_TITLE + String.join("; ", unread));
      }
      String standing = listed(items, Block.STANDING);
      if (standing != null) {
        tops.add(STANDING_TITLE + standing);
      }
      String adhoc = listed(items, Block.ADHOC_REPORT);
      if (adhoc != null) {
        tops.add(ADHOC_TITLE + adhoc);
      }
      String[] topIds = {
        "TextAnnotation_Unread", "TextAnnotation_Standing", "TextAnnotation_Adhoc"
      };
      int top = MARGIN;
      int x = START_X;
      int topHeight = 0;
      int t = 0;
      for (String note : tops) {
        String id =
            note.startsWith(UNREAD_TITLE)
                ? topIds[0]
                : note.startsWith(STANDING_TITLE) ? topIds[1] : topIds[2];
        TextAnnotation annotation = annotation(id, note);
        int h = height(note, NOTE_W);
        shape(annotation, x, top, NOTE_W, h);
        x += NOTE_W + 30;
        topHeight = Math.max(topHeight, h);
        t++;
      }
      int y0 = top + (t == 0 ? 0 : topHeight + 50);

      List<Item> modelled =
          items.stream()
              .filter(i -> i.block() != Block.STANDING && i.block() != Block.ADHOC_REPORT)
              .flatMap(i -> perType(i).stream())
              .toList();
      int firstCenter = y0 + TASK_H / 2;
      StartEvent start = add(process, StartEvent.class, "StartEvent_DirectiveIssued");
      startEvent(start);
      event(start, START_X, firstCenter);
      EndEvent end = add(process, EndEvent.class, "EndEvent_DirectiveClosed");
      end.setName("Văn bản đã thực hiện xong");
      event(end, END_X, firstCenter);
      // one block or none: no gateways (a gateway of one path is superfluous)
      boolean parallel = modelled.size() > 1;
      FlowNode split = start;
      FlowNode join = end;
      int splitRight = START_X + EVENT;
      int joinLeft = END_X;
      if (parallel) {
        split = add(process, ParallelGateway.class, "Gateway_ItemsSplit");
        shape(split, SPLIT_X, firstCenter - GATEWAY / 2, GATEWAY, GATEWAY);
        join = add(process, ParallelGateway.class, "Gateway_ItemsJoin");
        shape(join, JOIN_X, firstCenter - GATEWAY / 2, GATEWAY, GATEWAY);
        flow(start, split, List.of(point(splitRight, firstCenter), point(SPLIT_X, firstCenter)));
        flow(join, end, List.of(point(JOIN_X + GATEWAY, firstCenter), point(END_X, firstCenter)));
        splitRight = SPLIT_X + GATEWAY;
        joinLeft = JOIN_X;
      }

      int y = y0;
      Map<Integer, String> byItem = new LinkedHashMap<>();
      int splitX = SPLIT_X + GATEWAY / 2;
      int joinX = JOIN_X + GATEWAY / 2;
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).block() == Block.STANDING || items.get(i).block() == Block.ADHOC_REPORT) {
          continue;
        }
        for (Item item : perType(items.get(i))) {
          CallActivity call = callActivity(item);
          byItem.putIfAbsent(i, call.getId());
          shape(call, TASK_X, y, TASK_W, TASK_H);
          int center = y + TASK_H / 2;
          if (center == firstCenter) {
            flow(split, call, List.of(point(splitRight, center), point(TASK_X, center)));
            flow(call, join, List.of(point(TASK_X + TASK_W, center), point(joinLeft, center)));
          } else {
            flow(
                split,
                call,
                List.of(
                    point(splitX, firstCenter + GATEWAY / 2),
                    point(splitX, center),
                    point(TASK_X, center)));
            flow(
                call,
                join,
                List.of(
                    point(TASK_X + TASK_W, center),
                    point(joinX, center),
                    point(joinX, firstCenter + GATEWAY / 2)));
          }
          String note = itemNote(item);
          String suffix = call.getId().substring("CallActivity_".length());
          TextAnnotation annotation = annotation("TextAnnotation_" + suffix, note);
          int h = height(note, NOTE_W);
          int noteY = y + TASK_H + NOTE_GAP;
          shape(annotation, TASK_X, noteY, NOTE_W, h);
          Association association = add(process, Association.class, "Association_" + suffix);
          association.setSource(call);
          association.setTarget(annotation);
          edge(
              association,
              List.of(point(TASK_X + TASK_W / 2, y + TASK_H), point(TASK_X + TASK_W / 2, noteY)));
          y = noteY + h + ROW_GAP;
        }
      }
      if (modelled.isEmpty()) {
        flow(start, end, List.of(point(splitRight, firstCenter), point(joinLeft, firstCenter)));
      }
      for (int i = 0; i < items.size(); i++) {
        elements.add(byItem.get(i));
      }
      Bpmn.validateModel(model);
      return Bpmn.convertToString(model);
    }

    String processName() {
      String name =
          (orEmpty(kind(text.kind())) + " " + orEmpty(text.number())).trim()
              + (text.title() == null ? "" : ": " + text.title());
      return name.isBlank() ? "Văn bản (bản nháp soạn từ văn bản)" : name;
    }

    String processDocumentation(List<Item> items) {
      StringBuilder doc = new StringBuilder("Bản nháp soạn từ văn bản");
      if (text.number() != null) {
        doc.append(" số ").append(text.number());
      }
      if (text.issued() != null) {
        doc.append(" ngày ").append(DAY.format(text.issued()));
      }
      if (text.issuer() != null) {
        doc.append(" của ").append(text.issuer());
      }
      doc.append(": mỗi mục của văn bản là một khối của sản phẩm, theo thứ tự trong văn bản;")
          .append(" các khối chạy song song. Kiểm tra đơn vị, thời hạn và nội dung trước khi")
          .append(" triển khai.");
      if (items.stream().anyMatch(i -> i.block() == Block.ADHOC_REPORT)) {
        doc.append(" Báo cáo đột xuất khi có vụ việc phức tạp: khối Báo cáo đột xuất,")
            .append(" do đơn vị tự khởi tạo.");
      }
      return doc.toString();
    }

    void startEvent(StartEvent start) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("soKyHieu", text.number() == null ? processId : text.number());
      values.put("soKyHieuGiaDinh", String.valueOf(text.number() == null));
      LocalDate issued = text.issued() == null ? LocalDate.now(Deadlines.ZONE) : text.issued();
      values.put("ngayBanHanh", issued.toString());
      values.put("ngayBanHanhGiaDinh", String.valueOf(text.issued() == null));
      values.put("loaiVanBan", kind(text.kind()));
      values.put("coQuanBanHanh", text.issuer());
      values.put("trichYeu", text.title());
      documentation(
          start,
          "Số "
              + values.get("soKyHieu")
              + (text.number() == null ? " (giả định: văn bản không ghi số)" : "")
              + ", ngày "
              + DAY.format(issued)
              + (text.issued() == null ? " (giả định: văn bản không ghi ngày)" : "")
              + ": số và ngày của văn bản.");
      ElementTemplates.apply(start, startTemplate, values);
    }

    CallActivity callActivity(Item item) {
      CallActivity call =
          add(process, CallActivity.class, unique("CallActivity_Item_" + ascii(item.number())));
      call.setName(name(item, names));
      documentation(call, "Mục " + item.number() + ": " + item.text());
      ElementTemplates.apply(call, templates.get(item.block()), fields(item));
      return call;
    }

    /**
     * The parts of an item the blocks can run: a block takes one type of bodies ({@code bodyType},
     * which then stands for its list of bodies), so work for several types, or for named bodies and
     * a type, is one block per type (and one for the named bodies), in the item's order.
     */
    List<Item> perType(Item item) {
      List<String> types = item.bodyTypes() == null ? List.of() : item.bodyTypes();
      boolean byType =
          item.block() == Block.FANOUT
              || item.block() == Block.PERIODIC_REPORT
              || item.block() == Block.SKILFUL_QUOTA
              || item.block() == Block.EVALUATION;
      List<String> lead = item.lead() == null ? List.of() : item.lead();
      if (!byType || types.size() + (lead.isEmpty() ? 0 : 1) < 2) {
        return List.of(item);
      }
      List<Item> parts = new ArrayList<>();
      if (!lead.isEmpty()) {
        parts.add(part(item, lead, null));
      }
      for (String type : types) {
        parts.add(part(item, List.of(), type));
      }
      return parts;
    }

    private static Item part(Item item, List<String> lead, String type) {
      return new Item(
          item.number(),
          item.text(),
          item.block(),
          lead,
          item.coordinating(),
          type,
          item.deadline(),
          item.notes(),
          type == null ? List.of() : List.of(type));
    }

    /** The item's fields, by the names its block's template gives them. */
    Map<String, String> fields(Item item) {
      Map<String, String> v = new LinkedHashMap<>();
      List<String> lead = item.lead() == null ? List.of() : item.lead();
      List<String> with = item.coordinating() == null ? List.of() : item.coordinating();
      String deadline = readable(item.deadline()) ? item.deadline() : null;
      String content = item.text();
      switch (item.block()) {
        case ASSIGNMENT -> {
          v.put(TASK_CONTENT, content);
          v.put(LEAD_BODY, lead.isEmpty() ? null : lead.get(0));
          List<String> others =
              new ArrayList<>(lead.size() > 1 ? lead.subList(1, lead.size()) : List.of());
          others.addAll(with);
          v.put(COORDINATING_BODIES, String.join(", ", others));
          v.put(DEADLINE_PHRASE, deadline);
        }
        case FANOUT -> {
          v.put(TASK_CONTENT, content);
          v.put(BODIES, String.join(", ", lead));
          v.put(BODY_TYPE, item.bodyType());
          v.put(DEADLINE_PHRASE, deadline);
        }
        case PERIODIC_REPORT -> {
          v.put(TASK_CONTENT, content);
          v.put(CYCLE_PHRASE, deadline);
          v.put(END_DATE, endDate(item).toString());
          v.put(REPORTING_BODIES, String.join(", ", lead));
          v.put(BODY_TYPE, item.bodyType());
        }
        case REVIEW_MILESTONE -> {
          v.put(
              REVIEW_KIND,
              content.toLowerCase(Locale.ROOT).contains("tổng kết") ? "Tổng kết" : "Sơ kết");
          v.put(TASK_CONTENT, content);
          v.put(MILESTONE_PHRASE, deadline);
          v.put(DRAFTING_BODY, lead.isEmpty() ? null : lead.get(0));
          v.put("contributingBodies", String.join(", ", with));
        }
        case SKILFUL_QUOTA -> {
          v.put(BODIES, String.join(", ", lead));
          v.put(BODY_TYPE, item.bodyType());
          v.put(REGISTRATION_DEADLINE, deadline);
          v.put(END_DATE, endDate(item).toString());
        }
        case EVALUATION -> {
          v.put(BODIES, String.join(", ", lead));
          v.put(BODY_TYPE, item.bodyType());
          v.put(SELF_ASSESSMENT_DEADLINE, deadline);
          v.put(END_DATE, endDate(item).toString());
        }
        default -> throw new IllegalStateException("Không mô hình hóa " + item.block());
      }
      return v;
    }

    String itemNote(Item item) {
      List<String> lead = item.lead() == null ? List.of() : item.lead();
      List<String> with = item.coordinating() == null ? List.of() : item.coordinating();
      String leads = names(lead);
      if (item.bodyType() != null) {
        String type =
            registry.bodyTypes().stream()
                .filter(bt -> bt.id().equals(item.bodyType()))
                .map(OrgRegistry.BodyType::name)
                .findFirst()
                .orElse(item.bodyType());
        leads = (lead.isEmpty() ? "" : leads + ", ") + "mọi đơn vị loại " + type;
      }
      StringBuilder note =
          new StringBuilder("Chủ trì: ")
              .append(leads.isEmpty() ? "không" : leads)
              .append("; phối hợp: ")
              .append(with.isEmpty() ? "không" : names(with))
              .append("\nThời hạn: ")
              .append(item.deadline() == null ? "không" : item.deadline());
      List<String> notes = new ArrayList<>(item.notes() == null ? List.of() : item.notes());
      if (item.deadline() != null && !readable(item.deadline())) {
        notes.add("thời hạn «" + item.deadline() + "» (không đọc được: chưa đưa vào mô hình)");
      }
      if (!notes.isEmpty()) {
        note.append("\n").append(UNREAD_TITLE).append(String.join("; ", notes));
      }
      if (item.block() == Block.PERIODIC_REPORT
          || item.block() == Block.SKILFUL_QUOTA
          || item.block() == Block.EVALUATION) {
        LocalDate until = endDate(item);
        if (!UNTIL_YEAR.matcher(item.text() + " " + orEmpty(item.deadline())).find()) {
          note.append("\nGiả định: đến ")
              .append(DAY.format(until))
              .append(" (văn bản không nêu thời điểm kết thúc)");
        }
      }
      return note.toString();
    }

    /** The end of a recurring item: the year the text names ("đến năm 2025"), else 5 years on. */
    LocalDate endDate(Item item) {
      Matcher until = UNTIL_YEAR.matcher(item.text() + " " + orEmpty(item.deadline()));
      int year =
          until.find()
              ? Integer.parseInt(until.group(1))
              : (text.issued() == null ? LocalDate.now(Deadlines.ZONE) : text.issued()).getYear()
                  + 5;
      return LocalDate.of(year, 12, 31);
    }

    String names(List<String> ids) {
      return String.join(", ", ids.stream().map(registry::name).toList());
    }

    String unique(String id) {
      String candidate = id;
      for (int n = 2; !ids.add(candidate); n++) {
        candidate = id + "_" + n;
      }
      return candidate;
    }

    TextAnnotation annotation(String id, String note) {
      TextAnnotation annotation = add(process, TextAnnotation.class, unique(id));
      Text content = model.newInstance(Text.class);
      content.setTextContent(note);
      annotation.setText(content);
      return annotation;
    }

    void flow(FlowNode from, FlowNode to, List<int[]> points) {
      String id = unique("Flow_" + shortId(from) + "_To_" + shortId(to));
      SequenceFlow flow = add(process, SequenceFlow.class, id);
      flow.setSource(from);
      flow.setTarget(to);
      from.getOutgoing().add(flow);
      to.getIncoming().add(flow);
      edge(flow, points);
    }

    void edge(BaseElement element, List<int[]> points) {
      BpmnEdge edge = add(plane, BpmnEdge.class, element.getId() + "_di");
      edge.setBpmnElement(element);
      for (int[] p : points) {
        Waypoint waypoint = model.newInstance(Waypoint.class);
        waypoint.setX(p[0]);
        waypoint.setY(p[1]);
        edge.getWaypoints().add(waypoint);
      }
    }

    BpmnShape shape(BaseElement element, int x, int y, int w, int h) {
      BpmnShape shape = add(plane, BpmnShape.class, element.getId() + "_di");
      shape.setBpmnElement(element);
      shape.setBounds(bounds(x, y, w, h));
      return shape;
    }

    /** An event at x, centred on y, its name under it. */
    void event(BaseElement event, int x, int centerY) {
      BpmnShape shape = shape(event, x, centerY - EVENT / 2, EVENT, EVENT);
      BpmnLabel label = model.newInstance(BpmnLabel.class);
      label.removeAttribute("id"); // the model API's random one: a draft reads the same each time
      label.setBounds(bounds(x + EVENT / 2 - LABEL_W / 2, centerY + EVENT / 2 + 7, LABEL_W, 27));
      shape.setBpmnLabel(label);
    }

    Bounds bounds(int x, int y, int w, int h) {
      Bounds bounds = model.newInstance(Bounds.class);
      bounds.setX(x);
      bounds.setY(y);
      bounds.setWidth(w);
      bounds.setHeight(h);
      return bounds;
    }

    void documentation(BaseElement element, String text) {
      Documentation doc = model.newInstance(Documentation.class);
      doc.removeAttribute("id"); // the model API's random one: a draft reads the same each time
      doc.setTextContent(text);
      element.getDocumentations().add(doc);
    }

    <T extends ModelElementInstance> T add(ModelElementInstance parent, Class<T> type, String id) {
      T element = model.newInstance(type);
      element.setAttributeValue("id", id, true);
      ids.add(id);
      parent.addChildElement(element);
      return element;
    }
  }

  /** "Các đơn vị … (III.2)": the items of one kind listed in the text's order. */
  private static String listed(List<Item> items, Block block) {
    List<String> listed =
        items.stream()
            .filter(i -> i.block() == block)
            .map(i -> i.number() + ". " + i.text())
            .toList();
    return listed.isEmpty() ? null : String.join("; ", listed);
  }

  /**
   * "<number> <short name>": the item's first clause, cut at a word within {@value #NAME_LENGTH}.
   */
  static String name(Item item, BodyNames names) {
    String text = item.text() == null ? "" : item.text().strip().replaceAll("\\s+", " ");
    int clause = indexOfAny(text, ";:.");
    if (clause > 0) {
      text = text.substring(0, clause);
    }
    text = withoutSubject(text, names);
    String prefix = item.number() + " ";
    int room = NAME_LENGTH - prefix.length();
    if (text.length() > room) {
      int cut = text.lastIndexOf(' ', room - 1);
      text = text.substring(0, cut > room / 2 ? cut : room - 1).replaceAll("[,\\s]+$", "") + "…";
    }
    return prefix + text;
  }

  /**
   * Words that stand between the bodies of a subject ("Giao A chủ trì, phối hợp với B và các C").
   */
  private static final Pattern SUBJECT_GLUE =
      Pattern.compile(
          "(?:(?:giao|de nghi|yeu cau|chi dao|thu truong|lanh dao|cac|va|tung|moi|cung|ca|voi"
              + "|chu tri|phoi hop|tinh)\\s*)*");

  /**
   * The work without who does it: "Đảng ủy các xã, phường, đặc khu xây dựng chương trình …" names
   * "Xây dựng chương trình …"; "Sở A chủ trì, phối hợp với Sở B tham mưu …" names "Tham mưu …".
   */
  static String withoutSubject(String text, BodyNames names) {
    if (names == null) {
      return text;
    }
    String folded = Folded.fold(text);
    int end = 0;
    for (BodyNames.Mention m : names.in(folded)) {
      if (m.start() < end
          || !SUBJECT_GLUE.matcher(folded.substring(end, m.start()).trim()).matches()) {
        break;
      }
      end = m.end();
    }
    if (end == 0) {
      return text;
    }
    Matcher tail =
        Pattern.compile(
                "^\\s*(?:tinh\\s+)?(?:chu tri\\s*)?(?:phoi hop (?:voi )?(?:cac )?(?:co quan|don"
                    + " vi|nganh)(?: lien quan)?\\s*)?")
            .matcher(folded.substring(end));
    if (tail.find()) {
      end += tail.end();
    }
    String rest = text.substring(end).replaceFirst("^[\\s,]+", "");
    if (rest.split(" ").length < 2) {
      return text;
    }
    return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
  }

  private static int indexOfAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the product reads the phrase (the deployment check reads it the same way). */
  static boolean readable(String phrase) {
    if (phrase == null || phrase.isBlank()) {
      return false;
    }
    try {
      DeadlinePhrases.parse(phrase, LocalDate.of(2000, 1, 1));
      return true;
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** A text's height in a box of that width, line by line. */
  static int height(String text, int width) {
    int perLine = Math.max(10, CHARS_PER_LINE * width / NOTE_W);
    int lines = 0;
    for (String line : text.split("\n")) {
      lines += Math.max(1, (line.length() + perLine - 1) / perLine);
    }
    return lines * LINE_H + 14;
  }

  private static int[] point(int x, int y) {
    return new int[] {x, y};
  }

  private static String shortId(BaseElement element) {
    String id = element.getId();
    int cut = id.indexOf('_');
    return cut < 0 ? id : id.substring(cut + 1);
  }

  /** "III.2" → "III_2", letters without their marks. */
  static String ascii(String number) {
    String plain =
        Normalizer.normalize(number == null ? "" : number, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('đ', 'd')
            .replace('Đ', 'D')
            .replaceAll("[^A-Za-z0-9]+", "_")
            .replaceAll("^_|_$", "");
    return plain.isEmpty() ? "X" : plain;
  }

  /** "Chỉ thị 15/CT-UBND" → "chiThi15CtUbnd". */
  static String camel(String words) {
    String[] parts = ascii(words).split("_");
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      String lower = part.toLowerCase(Locale.ROOT);
      out.append(
          out.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }
    return out.length() > 0 && Character.isDigit(out.charAt(0)) ? "vb" + out : out.toString();
  }

  /** The kind as a name is written ("CHỈ THỊ" → "Chỉ thị"). */
  static String kind(String kind) {
    if (kind == null || kind.isBlank() || !kind.equals(kind.toUpperCase(Locale.ROOT))) {
      return kind;
    }
    String lower = kind.strip().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
