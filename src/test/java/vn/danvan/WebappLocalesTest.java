package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese webapps: for Tasklist, Cockpit, Admin and Welcome, every label the English file of
 * Camunda's webjar has is translated, with the same placeholders ({{…}}, %s, HTML tags), and the
 * date locale is complete; Vietnamese is the fallback and English stays available.
 */
class WebappLocalesTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{[^}]*}}|%[sd]|\\{[0-9a-zA-Z_]+}|</?[a-zA-Z][^>]*>|&[a-z]+;");

  static JsonNode read(String path) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      return JSON.readTree(text);
    }
  }

  static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    Collections.sort(found);
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAVietnameseOneWithTheSamePlaceholders(String app) throws IOException {
    JsonNode en = read(APP + app + "/locales/en.json").get("labels");
    JsonNode vi = read(APP + app + "/locales/vi.json").get("labels");
    List<String> problems = new ArrayList<>();
    en.fields()
        .forEachRemaining(
            label -> {
              String english = label.getValue().asText();
              JsonNode viet = vi.get(label.getKey());
              if (viet == null || !viet.isTextual()) {
                problems.add(label.getKey() + ": no Vietnamese value");
              } else if (viet.asText().isBlank() && !english.isBlank() && !english.equals("s")) {
                problems.add(
                    label.getKey()
                        + ": blank"); // "s" is an English plural ending, none in Vietnamese
              } else if (!placeholders(english).equals(placeholders(viet.asText()))) {
                problems.add(
                    label.getKey()
                        + ": placeholders "
                        + placeholders(english)
                        + " ≠ "
                        + placeholders(viet.asText()));
              }
            });
    vi.fieldNames()
        .forEachRemaining(
            key -> {
              if (!en.has(key)) {
                problems.add(key + ": not a Camunda label");
              }
            });
    assertThat(problems).as(app).isEmpty();
    assertThat(en.size()).as(app + " labels").isGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void theDateLocaleIsCompleteAndDaysComeFirst(String app) throws IOException {
    JsonNode en = read(APP + app + "/locales/en.json").get("dateLocales");
    JsonNode vi = read(APP + app + "/locales/vi.json").get("dateLocales");
    en.fields()
        .forEachRemaining(
            part -> {
              assertThat(vi.has(part.getKey())).as(part.getKey()).isTrue();
              assertThat(vi.get(part.getKey()).size())
                  .as(part.getKey())
                  .isEqualTo(part.getValue().size());
            });
    assertThat(vi.get("longDateFormat").get("L").asText()).isEqualTo("DD/MM/YYYY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseIsTheDefaultAndEnglishStaysSelectable(String app) throws IOException {
    String config = text(APP + app + "/scripts/config.js");
    assertThat(config).contains("danvanConfig('");
    assertThat(text(APP + "tasklist/scripts/danvan-config.js"))
        .contains(
            "availableLocales: ['vi', 'en']", "fallbackLocale: 'vi'",
            "customScripts: ['scripts/ngon-ngu.js']", "normal: 'DD/MM/YYYY HH:mm'");
    assertThat(text(APP + app + "/styles/user-styles.css")).contains("danvan.css");
    assertThat(text(APP + "tasklist/styles/danvan.css")).contains(".ce-eol-banner");
  }

  static String text(String path) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
