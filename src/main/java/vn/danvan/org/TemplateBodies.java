package vn.danvan.org;

import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * Writes the organisation registry into the Modeler element templates: every field that names one
 * body becomes a dropdown of the bodies in force ("Tên (mã)", sorted by name, its default kept),
 * the field of a body type a dropdown of the types that have a body in force, and the fields that
 * list several bodies keep free text with the types in their description. Running it twice changes
 * nothing. {@code main} takes the registry file (the demo province's when absent) and the templates
 * folder ({@code .camunda/element-templates} when absent).
 */
public final class TemplateBodies {

  /** A field names one body when its variable's name ends so (leadBody, monitorBody…). */
  public static boolean namesOneBody(String target) {
    return target.endsWith("Body");
  }

  /** A field lists several bodies (ids separated by commas): bodies, reportingBodies… */
  public static boolean namesSeveralBodies(String target) {
    return target.equals(BODIES) || target.endsWith("Bodies");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Collator BY_NAME = Collator.getInstance(Locale.forLanguageTag("vi"));

  private final OrgRegistry registry;
  private final LocalDate day;

  public TemplateBodies(OrgRegistry registry, LocalDate day) {
    this.registry = registry;
    this.day = day;
  }

  public static void main(String[] args) throws IOException {
    OrgRegistry registry =
        OrgRegistryLoader.load(
            args.length > 0 && !args[0].isBlank()
                ? new FileSystemResource(args[0])
                : new ClassPathResource("org/demo-province.yaml"));
    Path folder = Path.of(args.length > 1 ? args[1] : ".camunda/element-templates");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    List<Path> changed = new TemplateBodies(registry, today).write(folder);
    System.out.println(
        "Mẫu: " + changed.size() + " tệp được viết lại từ " + registry.source() + " " + changed);
  }

  /** Rewrites the templates of the folder that differ from their generated text; returns them. */
  public List<Path> write(Path folder) throws IOException {
    List<Path> changed = new ArrayList<>();
    for (Path file : templateFiles(folder)) {
      String now = Files.readString(file, StandardCharsets.UTF_8);
      String generated = generate(now);
      if (!generated.equals(now)) {
        Files.writeString(file, generated, StandardCharsets.UTF_8);
        changed.add(file);
      }
    }
    return changed;
  }

  /** The template files (*.json) of a folder, by name. */
  public static List<Path> templateFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** A template file's text with its body fields generated from the registry. */
  public String generate(String templateFile) throws IOException {
    JsonNode templates = JSON.readTree(templateFile);
    for (JsonNode template : templates.isArray() ? templates : List.of(templates)) {
      for (JsonNode property : template.path("properties")) {
        String target = property.path("binding").path("target").asText();
        if ("camunda:in".equals(property.path("binding").path("type").asText())) {
          rewrite((ObjectNode) property, target);
        }
      }
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    return JSON.writer(printer).writeValueAsString(templates) + "\n";
  }

  private void rewrite(ObjectNode property, String target) {
    if (namesOneBody(target)) {
      property.put("label", property.path("label").asText().replace(" (mã)", ""));
      property.put("type", "Dropdown");
      property.put(
          "description", "Đơn vị còn hoạt động trong sổ đăng ký tổ chức: Tên (mã), theo tên.");
      ArrayNode choices = property.putArray("choices");
      for (OrgRegistry.Body body : bodiesInForce()) {
        choices
            .addObject()
            .put("name", body.name() + " (" + body.id() + ")")
            .put("value", body.id());
      }
    } else if (namesSeveralBodies(target)) {
      property.put("type", "String");
      property.remove("choices");
      property.put(
          "description",
          "Mã các đơn vị trong sổ đăng ký tổ chức, cách nhau dấu phẩy; hoặc để trống và chọn loại ở"
              + " trường «Hoặc: mọi đơn vị thuộc loại». Các loại: "
              + String.join(
                  "; ", typesInForce().stream().map(t -> label(t.name(), t.id())).toList())
              + ".");
    } else if (BODY_TYPE.equals(target)) {
      property.put("type", "Dropdown");
      property.put("value", "");
      property.put(
          "description",
          "Mọi đơn vị còn hoạt động của loại này (khi khối chạy); để trống thì dùng danh sách mã.");
      ArrayNode choices = property.putArray("choices");
      choices.addObject().put("name", "(không chọn: dùng danh sách mã đơn vị)").put("value", "");
      for (OrgRegistry.BodyType type : typesInForce()) {
        choices.addObject().put("name", label(type.name(), type.id())).put("value", type.id());
      }
    }
  }

  private static String label(String name, String id) {
    return name + " (" + id + ")";
  }

  /** The bodies in force on the day, by name. */
  public List<OrgRegistry.Body> bodiesInForce() {
    return registry.bodies().stream()
        .filter(b -> b.isValidOn(day))
        .sorted(
            Comparator.comparing(OrgRegistry.Body::name, BY_NAME)
                .thenComparing(OrgRegistry.Body::id))
        .toList();
  }

  /** The body types that have a body in force on the day, by name. */
  public List<OrgRegistry.BodyType> typesInForce() {
    Set<String> used =
        bodiesInForce().stream()
            .map(OrgRegistry.Body::type)
            .collect(java.util.stream.Collectors.toSet());
    return registry.bodyTypes().stream()
        .filter(t -> used.contains(t.id()))
        .sorted(
            Comparator.comparing(OrgRegistry.BodyType::name, BY_NAME)
                .thenComparing(OrgRegistry.BodyType::id))
        .toList();
  }
}
