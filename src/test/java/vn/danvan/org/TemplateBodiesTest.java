package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import vn.danvan.variable.SharedVariables;

/**
 * The body fields of the element templates are the demo registry's bodies in force, as {@code
 * scripts/generate-templates.sh} writes them: the committed templates cannot drift from the
 * registry. With {@code -Dtemplates.write=true} (and {@code -Dtemplates.registry=<file>}) this test
 * writes the templates instead, which is what the script does.
 */
class TemplateBodiesTest {

  static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

  static final OrgRegistry DEMO =
      OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));

  @Test
  void theCommittedTemplatesAreWhatTheRegistryGenerates() throws Exception {
    String registry = System.getProperty("templates.registry", "");
    OrgRegistry source =
        registry.isBlank() ? DEMO : OrgRegistryLoader.load(new FileSystemResource(registry));
    TemplateBodies generator = new TemplateBodies(source, TODAY);
    if (Boolean.getBoolean("templates.write")) {
      generator.write(TEMPLATES);
    }
    List<String> drifted = new ArrayList<>();
    for (Path file : TemplateBodies.templateFiles(TEMPLATES)) {
      String committed = Files.readString(file, StandardCharsets.UTF_8);
      String generated = generator.generate(committed);
      if (!generated.equals(committed)) {
        drifted.add(file.getFileName().toString());
      }
      assertThat(generator.generate(generated)).as("twice is once").isEqualTo(generated);
    }
    assertThat(drifted).as("run scripts/generate-templates.sh").isEmpty();
  }

  @Test
  void everyBodyFieldIsADropdownOfBodiesInForceAndKeepsItsDefault() throws Exception {
    Map<String, OrgRegistry.Body> bodies = DEMO.bodiesById();
    Set<String> types =
        DEMO.bodyTypes().stream().map(OrgRegistry.BodyType::id).collect(Collectors.toSet());
    int fields = 0;
    for (Path file : TemplateBodies.templateFiles(TEMPLATES)) {
      for (JsonNode property :
          new ObjectMapper().readTree(file.toFile()).get(0).get("properties")) {
        String target = property.path("binding").path("target").asText();
        String where = file.getFileName() + " " + target;
        if (TemplateBodies.namesOneBody(target)) {
          fields++;
          assertThat(property.get("type").asText()).as(where).isEqualTo("Dropdown");
          List<String> ids = new ArrayList<>();
          for (JsonNode choice : property.get("choices")) {
            String id = choice.get("value").asText();
            ids.add(id);
            assertThat(bodies).as(where).containsKey(id);
            assertThat(bodies.get(id).isValidOn(TODAY)).as(where + " " + id).isTrue();
            assertThat(choice.get("name").asText())
                .isEqualTo(bodies.get(id).name() + " (" + id + ")");
          }
          assertThat(ids)
              .as(where)
              .hasSize((int) bodies.values().stream().filter(b -> b.isValidOn(TODAY)).count());
          if (property.has("value")) {
            assertThat(ids).as(where + " default").contains(property.get("value").asText());
          }
        } else if (SharedVariables.BODY_TYPE.equals(target)) {
          assertThat(property.get("type").asText()).as(where).isEqualTo("Dropdown");
          for (JsonNode choice : property.get("choices")) {
            String id = choice.get("value").asText();
            assertThat(id.isEmpty() || types.contains(id)).as(where + " " + id).isTrue();
          }
        } else if (TemplateBodies.namesSeveralBodies(target)) {
          assertThat(property.get("type").asText()).as(where).isEqualTo("String");
          assertThat(property.get("description").asText()).as(where).contains("(xa)", "(so)");
        }
      }
    }
    assertThat(fields).as("one-body fields in the templates").isGreaterThanOrEqualTo(15);
  }

  @Test
  void aBodyThatHasEndedIsNoChoice() throws Exception {
    OrgRegistry.Body ended =
        DEMO.bodies().stream().filter(b -> b.hasEndedBy(TODAY)).findFirst().orElseThrow();
    String generated =
        new TemplateBodies(DEMO, TODAY)
            .generate(Files.readString(TEMPLATES.resolve("giao-nhiem-vu.json")));
    assertThat(generated).doesNotContain("\"value\": \"" + ended.id() + "\"");
    assertThat(generated).contains("\"value\": \"bdvTU\"");
  }
}
