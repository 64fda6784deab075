package vn.danvan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between the models and the Java: every process variable is named once, as a constant
 * of its block's {@code *Variables} class (or of {@link vn.danvan.variable.SharedVariables} when
 * several blocks use it), and the code spells it through that constant. The constants are inlined
 * by the compiler, so the check reads the source files: a name written as a literal ({@code
 * "deadline"}, or {@code 'deadline'} in SQL) outside the class that defines it fails.
 */
class VariableNamesTest {

  private static final Path MAIN = Path.of("src/main/java");

  /**
   * Literals that look like a variable's name but are something else, each with its reason (file
   * relative to {@code src/main/java/vn/danvan/}).
   */
  private static final Map<String, Set<String>> NOT_VARIABLES =
      Map.of(
          // a key of the deadline and return logs' entries (JSON), not skilfulModel's reason
          "assignment/AssignmentRecords.java", Set.of("reason"),
          // the REST body of ending a body ({"reason": …})
          "org/OrgApi.java", Set.of("reason"),
          // keys of the organisation registry's YAML file
          "org/OrgRegistryLoader.java", Set.of("body", "bodies"),
          // a key of a criteria set's YAML file
          "evaluation/CriteriaSet.java", Set.of("province"),
          // the ranking rows' body id (JSON the forms read)
          "evaluation/Evaluations.java", Set.of("body"),
          // a tag of the work metrics
          "tracking/WorkMetrics.java", Set.of("body"),
          // a key of the chase log's entries: how many bodies were chased
          "fanout/Fanouts.java", Set.of("bodies"),
          // a key of the round log's entries: the round's name
          "skilful/SkilfulContests.java", Set.of("round"),
          // a type of form component (a text shown, not a field)
          "input/FormRules.java", Set.of("text"));

  private static JavaClasses mainClasses;

  /** Variable name → the source file that defines it. */
  private static final Map<String, Path> DEFINED_IN = new TreeMap<>();

  @BeforeAll
  static void collectNames() throws Exception {
    mainClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.danvan");
    for (JavaClass variables : variablesClasses()) {
      Class<?> type = Class.forName(variables.getName());
      for (Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers)
            && Modifier.isFinal(modifiers)
            && field.getType() == String.class) {
          String name = (String) field.get(null);
          Path source = MAIN.resolve(type.getName().replace('.', '/') + ".java");
          Path earlier = DEFINED_IN.put(name, source);
          assertThat(earlier).as("\"%s\" named twice: %s and %s", name, earlier, source).isNull();
        }
      }
    }
  }

  private static List<JavaClass> variablesClasses() {
    return mainClasses.stream()
        .filter(c -> c.getSimpleName().endsWith("Variables"))
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .toList();
  }

  @Test
  void variablesClassesOnlyNameVariables() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Variables")
        .and()
        .arePublic()
        .should()
        .haveOnlyFinalFields()
        .andShould()
        .haveOnlyPrivateConstructors()
        .andShould()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.camunda.bpm.engine.delegate..")
        .check(mainClasses);
    assertThat(DEFINED_IN).containsKeys("deadline", "leadBody", "taskContent", "fanoutId");
  }

  @Test
  void noVariableNameIsWrittenAsALiteralOutsideItsClass() throws Exception {
    Pattern literal = Pattern.compile("[\"']([a-z][A-Za-z0-9]*)[\"']");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = MAIN.resolve("vn/danvan").relativize(file).toString().replace('\\', '/');
        Set<String> allowed = NOT_VARIABLES.getOrDefault(relative, Set.of());
        String[] lines = withoutComments(Files.readString(file)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          Matcher m = literal.matcher(lines[i]);
          while (m.find()) {
            String name = m.group(1);
            Path owner = DEFINED_IN.get(name);
            if (owner != null && !owner.equals(file) && !allowed.contains(name)) {
              found.add(
                  file
                      + ":"
                      + (i + 1)
                      + ": "
                      + m.group()
                      + " (a constant of "
                      + owner.getFileName()
                      + ")");
            }
          }
        }
      }
    }
    assertThat(found).as("process variable names written as literals: use the constants").isEmpty();
  }

  /** The source with its comments blanked out, lines kept. */
  static String withoutComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? source.length() : end + 3;
        out.append(source, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(source.length(), j + 1);
        out.append(source, i, j);
        i = j;
      } else if (source.startsWith("//", i)) {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(n -> out.append('\n'));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
