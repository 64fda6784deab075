package vn.danvan.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.danvan.intake.DirectiveText.Block;
import vn.danvan.intake.DirectiveText.Item;
import vn.danvan.org.OrgRegistry;
import vn.danvan.support.ElementTemplateConformance;
import vn.danvan.support.ProcessTestEngine;

/**
 * A draft from a hand-made reading of a directive: every block with its element template applied
 * (the template's id, version and bindings), deployed on the process-test engine through the
 * deployment checks and started; the annotations in their exact format; layout for every element;
 * the items in the text's order.
 */
class DraftsTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withCoverageReport();

  @AfterEach
  void cleanUp() {
    ProcessEngine e = engine.getProcessEngine();
    e.getRepositoryService()
        .createDeploymentQuery()
        .list()
        .forEach(d -> e.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  /** A small directive with one item of every block, read completely. */
  static DirectiveText sample() {
    return new DirectiveText(
        "Chỉ thị",
        "07-CT/TU",
        LocalDate.of(2026, 3, 2),
        "Ban Thường vụ Tỉnh ủy",
        "Về tăng cường công tác dân vận",
        List.of(
            new Item(
                "1",
                "Các cấp ủy thường xuyên quán triệt chủ trương của Đảng về công tác dân vận.",
                Block.STANDING,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of()),
            new Item(
                "2.a",
                "Sở Nội vụ chủ trì, phối hợp Sở Tài chính xây dựng kế hoạch thực hiện Chỉ thị.",
                Block.ASSIGNMENT,
                List.of("soNoiVu"),
                List.of("soTaiChinh"),
                null,
                "trước 30/6/2026",
                List.of(),
                List.of()),
            new Item(
                "2.b",
                "Các sở, ban, ngành và UBND các xã quán triệt, triển khai Chỉ thị trong cơ quan,"
                    + " đơn vị.",
                Block.FANOUT,
                List.of(),
                List.of(),
                "so",
                "trong tháng 5/2026",
                List.of(),
                List.of("so", "xa")),
            new Item(
                "3",
                "Ủy ban Mặt trận Tổ quốc tỉnh báo cáo kết quả hằng quý.",
                Block.PERIODIC_REPORT,
                List.of("mttqTinh"),
                List.of(),
                null,
                "hằng quý",
                List.of(),
                List.of()),
            new Item(
                "4",
                "Khi có vụ việc phức tạp, các đơn vị báo cáo ngay.",
                Block.ADHOC_REPORT,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of()),
            new Item(
                "5",
                "Các sở đăng ký mô hình Dân vận khéo hằng năm.",
                Block.SKILFUL_QUOTA,
                List.of("soNoiVu", "soTaiChinh"),
                List.of(),
                null,
                "trước ngày 30/6 hằng năm",
                List.of(),
                List.of()),
            new Item(
                "6",
                "Đánh giá, xếp loại công tác dân vận của các sở hằng năm.",
                Block.EVALUATION,
                List.of("soNoiVu"),
                List.of(),
                null,
                "trước ngày 15/10 hằng năm",
                List.of(),
                List.of()),
            new Item(
                "III.1",
                "Ban Dân vận Tỉnh ủy chủ trì sơ kết 3 năm thực hiện Chỉ thị.",
                Block.REVIEW_MILESTONE,
                List.of("bdvTU"),
                List.of("mttqTinh"),
                null,
                "quý I/2029",
                List.of(),
                List.of())),
        List.of());
  }

  Drafts drafts() {
    return ProcessTestEngine.bean(Drafts.class);
  }

  static BpmnModelInstance read(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyBlockCarriesItsTemplateAsTheModelerWouldApplyIt() throws Exception {
    DirectiveText text = sample();
    Drafts.Draft draft = drafts().make(text, "chiThi07Draft");
    BpmnModelInstance model = read(draft.bpmn());

    assertThat(draft.elements())
        .containsExactly(
            null,
            "CallActivity_Item_2_a",
            "CallActivity_Item_2_b",
            "CallActivity_Item_3",
            null,
            "CallActivity_Item_5",
            "CallActivity_Item_6",
            "CallActivity_Item_III_1");
    for (int i = 0; i < text.items().size(); i++) {
      Item item = text.items().get(i);
      if (draft.elements().get(i) == null) {
        continue;
      }
      CallActivity call = model.getModelElementById(draft.elements().get(i));
      JsonNode template = ElementTemplates.read(Drafts.TEMPLATES.get(item.block()));
      assertThat(call.getAttributeValueNs(ElementTemplates.CAMUNDA_NS, "modelerTemplate"))
          .isEqualTo(template.get("id").asText());
      assertThat(call.getAttributeValueNs(ElementTemplates.CAMUNDA_NS, "modelerTemplateVersion"))
          .isEqualTo(template.get("version").asText());
      assertThat(call.getName()).startsWith(item.number() + " ").hasSizeLessThanOrEqualTo(81);
      Map<String, String> ins = ins(call);
      for (JsonNode property : template.get("properties")) {
        JsonNode binding = property.get("binding");
        String type = binding.get("type").asText();
        if ("Hidden".equals(property.path("type").asText())) {
          String value = property.get("value").asText();
          switch (type) {
            case "property" -> {
              String name = binding.get("name").asText();
              assertThat(
                      name.startsWith("camunda:")
                          ? call.getAttributeValueNs(ElementTemplates.CAMUNDA_NS, name.substring(8))
                          : call.getAttributeValue(name))
                  .as(call.getId() + " " + name)
                  .isEqualTo(value);
            }
            case "camunda:in:businessKey" -> assertThat(ins).containsEntry("businessKey", value);
            default -> assertThat(ins).containsEntry(binding.get("target").asText(), value);
          }
        }
      }
    }
    CallActivity assignment = model.getModelElementById("CallActivity_Item_2_a");
    assertThat(ins(assignment))
        .containsEntry("leadBody", "soNoiVu")
        .containsEntry("coordinatingBodies", "soTaiChinh")
        .containsEntry("deadlinePhrase", "trước 30/6/2026")
        .containsEntry("taskContent", text.items().get(1).text())
        .containsEntry("monitorBody", "bdvTU")
        .containsEntry("reminderDays", "3");
    assertThat(ins(model.getModelElementById("CallActivity_Item_2_b")))
        .containsEntry("bodyType", "so")
        .doesNotContainKey("bodies");
    assertThat(ins(model.getModelElementById("CallActivity_Item_3")))
        .containsEntry("reportingBodies", "mttqTinh")
        .containsEntry("cyclePhrase", "hằng quý")
        .containsEntry("endDate", "2031-12-31");
    assertThat(ins(model.getModelElementById("CallActivity_Item_III_1")))
        .containsEntry("reviewKind", "Sơ kết")
        .containsEntry("milestonePhrase", "quý I/2029")
        .containsEntry("draftingBody", "bdvTU")
        .containsEntry("contributingBodies", "mttqTinh");

    Path file = Files.createTempDirectory("draft").resolve("chiThi07Draft.bpmn");
    Files.writeString(file, draft.bpmn());
    ElementTemplateConformance conformance =
        new ElementTemplateConformance(Path.of(".camunda/element-templates"));
    assertThat(conformance.check(file)).isEmpty();
  }

  @Test
  void theStartEventCarriesTheDirectiveStartTemplateAndTheRecord() {
    BpmnModelInstance model = read(drafts().draft(sample(), "chiThi07Draft"));
    StartEvent start = model.getModelElementById("StartEvent_DirectiveIssued");
    assertThat(start.getAttributeValueNs(ElementTemplates.CAMUNDA_NS, "modelerTemplate"))
        .isEqualTo("vn.danvan.event.directiveIssued");
    assertThat(start.getName()).isEqualTo("Văn bản được ban hành");
    assertThat(start.getCamundaFormKey()).isEqualTo("embedded:deployment:forms/khoiTaoVanBan.html");
    assertThat(
            start
                .getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaExecutionListener.class)
                .list())
        .extracting(CamundaExecutionListener::getCamundaDelegateExpression)
        .containsExactly("${directiveStarted}");
    Map<String, String> properties =
        model.getModelElementsByType(CamundaProperty.class).stream()
            .collect(
                Collectors.toMap(
                    CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
    assertThat(properties)
        .containsEntry("soKyHieu", "07-CT/TU")
        .containsEntry("soKyHieuGiaDinh", "false")
        .containsEntry("ngayBanHanh", "2026-03-02")
        .containsEntry("loaiVanBan", "Chỉ thị")
        .containsEntry("coQuanBanHanh", "Ban Thường vụ Tỉnh ủy")
        .containsEntry("trichYeu", "Về tăng cường công tác dân vận")
        .containsEntry("doKhan", "Thường");
    Process process = model.getModelElementById("chiThi07Draft");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("3650");
    assertThat(process.getCamundaVersionTag()).isEqualTo("07-CT/TU");
    assertThat(process.getName()).isEqualTo("Chỉ thị 07-CT/TU: Về tăng cường công tác dân vận");
  }

  @Test
  void theAnnotationsSayWhoAndWhenAndWhatWasNotRead() {
    DirectiveText read = sample();
    List<Item> items = new java.util.ArrayList<>(read.items());
    Item first = items.get(1);
    items.set(
        1,
        new Item(
            first.number(),
            first.text(),
            first.block(),
            first.lead(),
            first.coordinating(),
            null,
            null,
            List.of("đơn vị phối hợp «các ngành liên quan»"),
            List.of()));
    DirectiveText text =
        new DirectiveText(
            read.kind(),
            read.number(),
            read.issued(),
            read.issuer(),
            read.title(),
            items,
            List.of("Mục 7: không rõ đơn vị thực hiện"));
    BpmnModelInstance model = read(drafts().draft(text, "chiThi07Draft"));
    Map<String, String> notes = annotations(model);

    assertThat(notes.get("CallActivity_Item_2_a"))
        .isEqualTo(
            "Chủ trì: Sở Nội vụ; phối hợp: Sở Tài chính\nThời hạn: không\n"
                + "Chưa đọc được: đơn vị phối hợp «các ngành liên quan»");
    assertThat(notes.get("CallActivity_Item_III_1"))
        .isEqualTo(
            "Chủ trì: Ban Tuyên giáo và Dân vận Tỉnh ủy; phối hợp: Ủy ban Mặt trận Tổ quốc Việt"
                + " Nam tỉnh\nThời hạn: quý I/2029");
    assertThat(notes.get("CallActivity_Item_2_b"))
        .startsWith("Chủ trì: mọi đơn vị loại Sở, cơ quan ngang sở; phối hợp: không\n");
    assertThat(notes.get("CallActivity_Item_3"))
        .isEqualTo(
            "Chủ trì: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; phối hợp: không\n"
                + "Thời hạn: hằng quý\n"
                + "Giả định: đến 31/12/2031 (văn bản không nêu thời điểm kết thúc)");
    TextAnnotation standing = model.getModelElementById("TextAnnotation_Standing");
    assertThat(standing.getText().getTextContent())
        .isEqualTo(
            "Nhiệm vụ thường xuyên (không mô hình hóa): 1. Các cấp ủy thường xuyên quán triệt"
                + " chủ trương của Đảng về công tác dân vận.");
    TextAnnotation unread = model.getModelElementById("TextAnnotation_Unread");
    assertThat(unread.getText().getTextContent())
        .isEqualTo("Chưa đọc được: Mục 7: không rõ đơn vị thực hiện");
    TextAnnotation adhoc = model.getModelElementById("TextAnnotation_Adhoc");
    assertThat(adhoc.getText().getTextContent()).contains("4. Khi có vụ việc phức tạp");
  }

  @Test
  void everyElementIsDrawnWithoutOverlapsAndTheItemsInTheTextsOrder() {
    BpmnModelInstance model = read(drafts().draft(sample(), "chiThi07Draft"));
    Map<String, Bounds> drawn = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      drawn.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    Map<String, Integer> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      edges.put(edge.getBpmnElement().getId(), edge.getWaypoints().size());
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow) {
        assertThat(edges.get(element.getId())).as(element.getId()).isGreaterThanOrEqualTo(2);
      } else {
        assertThat(drawn).as(element.getId()).containsKey(element.getId());
      }
    }
    for (TextAnnotation note : model.getModelElementsByType(TextAnnotation.class)) {
      assertThat(drawn).containsKey(note.getId());
    }
    for (Association association : model.getModelElementsByType(Association.class)) {
      assertThat(edges).containsKey(association.getId());
    }
    List<Map.Entry<String, Bounds>> shapes = List.copyOf(drawn.entrySet());
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        assertThat(overlap(shapes.get(i).getValue(), shapes.get(j).getValue()))
            .as(shapes.get(i).getKey() + " / " + shapes.get(j).getKey())
            .isFalse();
      }
    }
    List<String> order =
        model.getModelElementsByType(CallActivity.class).stream()
            .sorted(Comparator.comparingDouble(c -> drawn.get(c.getId()).getY()))
            .map(c -> c.getName().split(" ")[0])
            .toList();
    assertThat(order).containsExactly("2.a", "2.b", "2.b", "3", "5", "6", "III.1");
  }

  @Test
  void theDraftDeploysThroughTheChecksAndStarts() throws Exception {
    ProcessEngine e = engine.getProcessEngine();
    var blocks = e.getRepositoryService().createDeployment().source("danvan-models");
    for (String pattern : List.of("processes/blocks/*.bpmn", "processes/decisions/*.dmn")) {
      for (Resource file :
          new PathMatchingResourcePatternResolver().getResources("classpath*:" + pattern)) {
        try (InputStream in = file.getInputStream()) {
          blocks.addInputStream(file.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
        }
      }
    }
    blocks.deploy();
    e.getRepositoryService()
        .createDeployment()
        .name("Soạn thảo từ văn bản")
        .source("Camunda Modeler")
        .addString("chiThi07Draft.bpmn", drafts().draft(sample(), "chiThi07Draft"))
        .deploy();

    ProcessInstance directive =
        e.getRuntimeService()
            .startProcessInstanceByKey(
                "chiThi07Draft", "07-CT/TU", Map.of("issuedDate", "2026-03-02"));
    assertThat(
            e.getRuntimeService()
                .createProcessInstanceQuery()
                .superProcessInstanceId(directive.getId())
                .count())
        .isEqualTo(7);
  }

  /**
   * A block takes one type of bodies: work for two types is one block per type, work for named
   * bodies and a type one block for the bodies and one for the type; each named by its work, not by
   * who does it.
   */
  @Test
  void workForSeveralTypesIsOneBlockPerTypeNamedByTheWork() {
    Drafts.Draft draft = drafts().make(sample(), "chiThi07Draft");
    BpmnModelInstance model = read(draft.bpmn());
    CallActivity so = model.getModelElementById("CallActivity_Item_2_b");
    CallActivity xa = model.getModelElementById("CallActivity_Item_2_b_2");
    assertThat(ins(so)).containsEntry("bodyType", "so");
    assertThat(ins(xa)).containsEntry("bodyType", "xa");
    assertThat(so.getName())
        .isEqualTo("2.b Quán triệt, triển khai Chỉ thị trong cơ quan, đơn vị")
        .isEqualTo(xa.getName());
    CallActivity named = model.getModelElementById("CallActivity_Item_5");
    assertThat(ins(named)).containsEntry("bodies", "soNoiVu, soTaiChinh");
    CallActivity assignment = model.getModelElementById("CallActivity_Item_2_a");
    assertThat(assignment.getName()).isEqualTo("2.a Xây dựng kế hoạch thực hiện Chỉ thị");
    assertThat(draft.elements()).contains("CallActivity_Item_2_b").doesNotContain(xa.getId());
  }

  /**
   * The drafts (of the sample and of the read texts) pass the product's bpmnlint rules
   * (lint/.bpmnlintrc), when the lint tools are installed (lint/node_modules, as the build installs
   * them).
   */
  @Test
  void theDraftIsLintClean() throws Exception {
    Path bpmnlint = Path.of("lint/node_modules/.bin/bpmnlint").toAbsolutePath();
    Assumptions.assumeTrue(Files.isExecutable(bpmnlint), "bpmnlint not installed");
    Path folder = Files.createDirectories(Path.of("target/drafts"));
    List<String> command =
        new java.util.ArrayList<>(List.of(bpmnlint.toString(), "--max-warnings=0"));
    Map<String, DirectiveText> texts = new java.util.TreeMap<>(readTexts());
    texts.put("chiThi07Draft", sample());
    for (Map.Entry<String, DirectiveText> text : texts.entrySet()) {
      Path file = folder.resolve(text.getKey() + ".bpmn").toAbsolutePath();
      Files.writeString(file, drafts().draft(text.getValue(), text.getKey()));
      command.add(file.toString());
    }
    java.lang.Process lint =
        new ProcessBuilder(command)
            .directory(Path.of("lint").toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor()).as(output).isZero();
  }

  /**
   * Every directive text the reader is measured on (seeds and own texts) gives a draft that passes
   * the deployment checks, with an element for every item that is a block.
   */
  @Test
  void theReadTextsGiveDraftsThatDeploy() throws Exception {
    ProcessEngine e = engine.getProcessEngine();
    Map<String, DirectiveText> texts = readTexts();
    assertThat(texts).isNotEmpty();
    for (Map.Entry<String, DirectiveText> read : texts.entrySet()) {
      DirectiveText text = read.getValue();
      Drafts.Draft draft = drafts().make(text, read.getKey());
      for (int i = 0; i < text.items().size(); i++) {
        Block block = text.items().get(i).block();
        assertThat(draft.elements().get(i) == null)
            .as(read.getKey() + " " + text.items().get(i).number())
            .isEqualTo(block == Block.STANDING || block == Block.ADHOC_REPORT);
      }
      e.getRepositoryService()
          .createDeployment()
          .source("Camunda Modeler")
          .addString(read.getKey() + ".bpmn", draft.bpmn())
          .deploy();
    }
  }

  /** What the reader reads in each text it is measured on (seeds, own texts), by a draft key. */
  static Map<String, DirectiveText> readTexts() throws Exception {
    DirectiveReader reader = new DirectiveReader(ProcessTestEngine.bean(OrgRegistry.class));
    Map<String, DirectiveText> texts = new java.util.TreeMap<>();
    for (Resource file :
        new PathMatchingResourcePatternResolver().getResources("classpath:intake/texts/*.txt")) {
      String key = "draft" + Drafts.ascii(file.getFilename().replace(".txt", "")).replace("_", "");
      texts.put(
          key,
          reader.read(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    }
    return texts;
  }

  /** Each call activity's annotation text, by the call activity's id. */
  static Map<String, String> annotations(BpmnModelInstance model) {
    Map<String, String> notes = new HashMap<>();
    for (Association association : model.getModelElementsByType(Association.class)) {
      BaseElement target = association.getTarget();
      if (target instanceof TextAnnotation note) {
        notes.put(association.getSource().getId(), note.getText().getTextContent());
      }
    }
    return notes;
  }

  static Map<String, String> ins(CallActivity call) {
    Map<String, String> ins = new HashMap<>();
    for (CamundaIn in :
        call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
      if (in.getCamundaBusinessKey() != null) {
        ins.put("businessKey", in.getCamundaBusinessKey());
      } else {
        ins.put(
            in.getCamundaTarget(),
            in.getCamundaSourceExpression() != null
                ? in.getCamundaSourceExpression()
                : in.getCamundaSource());
      }
    }
    return ins;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }
}
