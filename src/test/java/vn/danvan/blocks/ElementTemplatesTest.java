package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.directive.DirectiveIdentity;
import vn.danvan.support.ElementTemplateConformance;

/**
 * The Modeler element templates exist for the blocks, and every call activity in processes/ that
 * calls a block fills what its template requires. (Their JSON schema is checked by
 * lint/validate-element-templates.js in the same build.)
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of(".camunda", "element-templates");

  @Test
  void everyBlockHasATemplate() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    assertThat(conformance.templates())
        .containsOnlyKeys(
            "vn.danvan.block.assignment",
            "vn.danvan.block.fanout",
            "vn.danvan.block.periodicReport",
            "vn.danvan.block.reviewMilestone",
            "vn.danvan.block.annualEvaluation",
            "vn.danvan.block.thangDanVan",
            "vn.danvan.block.skilfulQuota",
            "vn.danvan.block.skilfulFocus",
            "vn.danvan.block.inspection",
            "vn.danvan.task.approveResult",
            "vn.danvan.event.directiveIssued");
    assertThat(conformance.templates())
        .allSatisfy(
            (id, t) -> {
              assertThat(t.get("name").asText()).isNotBlank();
              assertThat(t.get("appliesTo").get(0).asText())
                  .isEqualTo(
                      id.startsWith("vn.danvan.task.")
                          ? "bpmn:UserTask"
                          : id.startsWith("vn.danvan.event.")
                              ? "bpmn:StartEvent"
                              : "bpmn:CallActivity");
            });
  }

  /**
   * The leader's approval is one task in two blocks (the assignment, and a fan-out's member when
   * only the leader reviews): both are made with its template and hold its values.
   */
  @Test
  void everyApprovalTaskUsesItsTemplate() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    int approvals = 0;
    try (Stream<Path> models = Files.walk(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        assertThat(conformance.checkTasks(model, APPROVAL)).as(model.toString()).isEmpty();
        approvals += Files.readString(model).split("\\$\\{assignmentReviewed}", -1).length - 1;
      }
    }
    assertThat(approvals).as("approval tasks in processes/").isEqualTo(2);
  }

  @Test
  void theTaskCheckFindsAChangedValueAndAMissingTemplate() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    Path model = Files.createTempFile("approval", ".bpmn");
    model.toFile().deleteOnExit();
    String member = Files.readString(Path.of("processes", "blocks", "fanoutMember.bpmn"));
    Files.writeString(
        model,
        member.replace(
            "camunda:candidateGroups=\"${leadBody}LanhDao\"",
            "camunda:candidateGroups=\"${leadBody}\""));
    assertThat(conformance.checkTasks(model, APPROVAL))
        .singleElement()
        .asString()
        .contains("Task_ApproveResult")
        .contains("camunda:candidateGroups");
    Files.writeString(
        model, member.replace("camunda:modelerTemplate=\"vn.danvan.task.approveResult\"", ""));
    assertThat(conformance.checkTasks(model, APPROVAL))
        .singleElement()
        .asString()
        .contains("không dùng mẫu vn.danvan.task.approveResult");
  }

  /**
   * Every directive starts with the template's start event: the shared start form, the start checks
   * (${directiveStarted}), and the number and date it names.
   */
  @Test
  void everyDirectiveStartsWithItsTemplate() throws Exception {
    try (Stream<Path> models = Files.list(Path.of("processes", "directives"))) {
      List<Path> directives = models.filter(p -> p.toString().endsWith(".bpmn")).toList();
      assertThat(directives).isNotEmpty();
      for (Path file : directives) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        StartEvent start =
            model.getModelElementsByType(StartEvent.class).stream()
                .filter(e -> e.getParentElement() instanceof Process)
                .findFirst()
                .orElseThrow();
        assertThat(start.getAttributeValueNs(CAMUNDA, "modelerTemplate"))
            .as(file.toString())
            .isEqualTo("vn.danvan.event.directiveIssued");
        assertThat(start.getCamundaFormKey())
            .isEqualTo("embedded:deployment:forms/khoiTaoVanBan.html");
        assertThat(start.getName()).isEqualTo("Văn bản được ban hành");
        assertThat(
                start
                    .getExtensionElements()
                    .getElementsQuery()
                    .filterByType(CamundaExecutionListener.class)
                    .list())
            .extracting(
                CamundaExecutionListener::getCamundaEvent,
                CamundaExecutionListener::getCamundaDelegateExpression)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("start", "${directiveStarted}"));
        DirectiveIdentity identity =
            vn.danvan.directive.Directives.identity(
                model, model.getModelElementsByType(Process.class).iterator().next().getId());
        assertThat(identity.number()).as(file.toString()).isNotBlank();
        assertThat(identity.issued()).as(file.toString()).isNotNull();
        assertThat(identity.record().summary()).as(file.toString()).isNotBlank();
      }
    }
  }

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  static final Map<String, String> APPROVAL =
      Map.of("vn.danvan.task.approveResult", "${assignmentReviewed}");

  /**
   * The models administrators compose (directives). The blocks themselves call each other with
   * variable mappings, not with the templates' literal fields, and are left out.
   */
  @Test
  void everyCallActivityInProcessesFillsItsTemplate() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    try (Stream<Path> models = Files.walk(Path.of("processes"))) {
      for (Path model :
          models
              .filter(p -> p.toString().endsWith(".bpmn"))
              .filter(p -> !p.startsWith(Path.of("processes", "blocks")))
              .toList()) {
        assertThat(conformance.check(model)).as(model.toString()).isEmpty();
      }
    }
  }

  @Test
  void theCheckFindsAMissingRequiredField() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);

    assertThat(conformance.check(fixture("sample-directive.bpmn"))).isEmpty();
    List<String> problems = conformance.check(fixture("sample-directive-missing-lead.bpmn"));
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("CallActivity_Plan")
        .contains("leadBody")
        .contains("Đơn vị chủ trì");
  }

  /** A yes/no field holds one of its choices (true, false), a number of days its digits. */
  @Test
  void theCheckFindsAValueOutsideTheChoicesAndDaysNotAsDigits(@TempDir Path dir) throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    Path model = dir.resolve("sample-directive-choices.bpmn");
    Files.writeString(
        model,
        Files.readString(fixture("sample-directive.bpmn"))
            .replace(
                "<camunda:in sourceExpression=\"3\" target=\"reminderDays\" />",
                "<camunda:in sourceExpression=\"${3}\" target=\"reminderDays\" />"
                    + "<camunda:in sourceExpression=\"có\" target=\"leaderReview\" />"));
    assertThat(conformance.check(model))
        .containsExactlyInAnyOrder(
            "sample-directive-choices.bpmn CallActivity_Plan: \"${3}\" không đúng dạng: Số nguyên"
                + " từ 0 đến 999",
            "sample-directive-choices.bpmn CallActivity_Plan: \"có\" không có trong danh sách chọn"
                + " của \"Lãnh đạo đơn vị duyệt trước khi gửi\" (leaderReview)");
  }

  static Path fixture(String name) {
    return Path.of("src", "test", "resources", "fixtures", name);
  }
}
