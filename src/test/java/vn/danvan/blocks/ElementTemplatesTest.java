package vn.danvan.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.danvan.support.ElementTemplateConformance;

/**
 * The Modeler element templates exist for the blocks, and every call activity in processes/
 * that calls a block fills what its template requires. (Their JSON schema is checked by
 * lint/validate-element-templates.js in the same build.)
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of(".camunda", "element-templates");

  @Test
  void everyBlockHasATemplate() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    assertThat(conformance.templates()).containsOnlyKeys("vn.danvan.block.assignment",
        "vn.danvan.block.fanout", "vn.danvan.block.periodicReport",
        "vn.danvan.block.reviewMilestone", "vn.danvan.block.annualEvaluation",
        "vn.danvan.block.thangDanVan", "vn.danvan.block.skilfulQuota");
    assertThat(conformance.templates().values()).allSatisfy(t -> {
      assertThat(t.get("name").asText()).isNotBlank();
      assertThat(t.get("appliesTo").get(0).asText()).isEqualTo("bpmn:CallActivity");
    });
  }

  /**
   * The models administrators compose (directives). The blocks themselves call each other with
   * variable mappings, not with the templates' literal fields, and are left out.
   */
  @Test
  void everyCallActivityInProcessesFillsItsTemplate() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);
    try (Stream<Path> models = Files.walk(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn"))
          .filter(p -> !p.startsWith(Path.of("processes", "blocks"))).toList()) {
        assertThat(conformance.check(model)).as(model.toString()).isEmpty();
      }
    }
  }

  @Test
  void theCheckFindsAMissingRequiredField() throws Exception {
    ElementTemplateConformance conformance = new ElementTemplateConformance(TEMPLATES);

    assertThat(conformance.check(fixture("sample-directive.bpmn"))).isEmpty();
    List<String> problems = conformance.check(fixture("sample-directive-missing-lead.bpmn"));
    assertThat(problems).singleElement().asString()
        .contains("CallActivity_Plan").contains("leadBody").contains("Đơn vị chủ trì");
  }

  static Path fixture(String name) {
    return Path.of("src", "test", "resources", "fixtures", name);
  }
}
