package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * README.md and docs/*.md name beans, files, classes and commands; each must exist. A document that
 * names something renamed or removed fails here, with the document and the name.
 */
class DocumentsTest {

  /** Simple names of the classes of the JDK and of the test class path (Camunda, Spring…). */
  private static final Set<String> OTHER_CLASSES = otherClasses();

  private static final Path ROOT = Path.of("");
  private static final Set<String> SKIPPED_FOLDERS =
      Set.of(".git", "target", "node_modules", "data");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
  private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Path PICTURES = Path.of("docs/img");
  private static final Pattern BEAN_REF = Pattern.compile("\\$\\{([a-zA-Z_]\\w*)");
  private static final Pattern SCRIPT = Pattern.compile("(?<![\\w/])(?:\\./)?(scripts/[\\w./-]+)");
  private static final Pattern FILE_LIKE =
      Pattern.compile(
          "[\\w*…-][\\w.*/…-]*\\."
              + "(bpmn|dmn|form|html|yaml|yml|json|sql|java|sh|md|js|png|properties|xml)");
  private static final Pattern TOP_FOLDER =
      Pattern.compile(
          "(?:\\./)?(processes|forms|src|scripts|lint|docs|\\.camunda|\\.ci)(/[^\\s]*)?");
  private static final Pattern CLASS_LIKE =
      Pattern.compile(
          "(vn\\.danvan\\.(?:[a-z]\\w*\\.)*)?([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*)"
              + "((?:\\.[A-Z][a-z]\\w*)*)(?:\\.([a-zA-Z_]\\w*)(?:\\(.*\\))?)?");

  @Test
  void everyBeanFileClassAndCommandADocumentNamesExists() throws IOException {
    List<Path> files = repositoryFiles();
    Set<String> beans = springBeans(files);
    Map<String, Path> classes =
        files.stream()
            .filter(f -> f.toString().endsWith(".java"))
            .collect(
                Collectors.toMap(
                    f -> f.getFileName().toString().replace(".java", ""),
                    f -> f,
                    (a, b) -> a,
                    TreeMap::new));
    Set<String> fileNames =
        files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet());

    List<String> missing = new ArrayList<>();
    for (Path document : documents()) {
      String text = Files.readString(document);
      String prose = FENCE.matcher(text).replaceAll("");
      for (String span : spans(prose)) {
        check(document, span, beans, classes, fileNames, files, missing);
      }
      Matcher image = IMAGE.matcher(text);
      while (image.find()) {
        if (!Files.isRegularFile(document.resolveSibling(image.group(1)))) {
          missing.add(document + ": picture " + image.group(1));
        }
      }
      Matcher script = SCRIPT.matcher(text);
      while (script.find()) {
        Path path = ROOT.resolve(script.group(1));
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
          missing.add(document + ": command " + script.group(1));
        }
      }
    }
    assertThat(missing).as("names in the documents that do not exist").isEmpty();
  }

  /**
   * scripts/render-diagrams.sh draws every block and one directive; run it after a model changes.
   */
  @Test
  void everyPictureIsDrawnFromItsModelAsItIsNow() throws Exception {
    Map<String, String> drawn = new TreeMap<>();
    for (String line : Files.readAllLines(PICTURES.resolve("diagrams.sha256"))) {
      String[] hashAndFile = line.split("  ", 2);
      drawn.put(hashAndFile[1], hashAndFile[0]);
    }
    try (Stream<Path> blocks = Files.list(Path.of("processes/blocks"))) {
      assertThat(drawn)
          .as("blocks drawn")
          .containsKeys(
              blocks
                  .filter(f -> f.toString().endsWith(".bpmn"))
                  .map(Path::toString)
                  .toArray(String[]::new));
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> model : drawn.entrySet()) {
      Path bpmn = Path.of(model.getKey());
      Path png = PICTURES.resolve(bpmn.getFileName().toString().replace(".bpmn", ".png"));
      if (!Files.exists(bpmn) || !Files.exists(png) || !sha256(bpmn).equals(model.getValue())) {
        stale.add(png + " (from " + bpmn + ")");
      }
    }
    assertThat(stale)
        .as("pictures older than their model: run ./scripts/render-diagrams.sh")
        .isEmpty();
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void aNameThatDoesNotExistIsFound() throws IOException {
    List<Path> files = repositoryFiles();
    Set<String> beans = springBeans(files);
    assertThat(beans)
        .contains("assignmentStarted", "deadlines", "evaluations")
        .doesNotContain("assignmentStartCheck");
    List<String> missing = new ArrayList<>();
    Path doc = Path.of("example.md");
    for (String span :
        List.of(
            "${assignmentStartCheck}",
            "processes/blocks/nothing.bpmn",
            "NoSuchService",
            "vn.danvan.nothing.WorkStatusX",
            "nothing.sql",
            "WorkStatus.noSuchMethod")) {
      check(
          doc,
          span,
          beans,
          Map.of("WorkStatus", Path.of("src/main/java/vn/danvan/tracking/WorkStatus.java")),
          Set.of(),
          files,
          missing);
    }
    assertThat(missing).hasSize(6);
  }

  private static void check(
      Path document,
      String span,
      Set<String> beans,
      Map<String, Path> classes,
      Set<String> fileNames,
      List<Path> files,
      List<String> missing)
      throws IOException {
    Matcher bean = BEAN_REF.matcher(span);
    while (bean.find()) {
      if (!beans.contains(bean.group(1))) {
        missing.add(document + ": bean ${" + bean.group(1) + "}");
      }
    }
    if (span.contains(" ") || span.contains(":") || span.contains("{")) {
      return;
    }
    Matcher type = CLASS_LIKE.matcher(span);
    boolean oneWord =
        type.matches()
            && type.group(2).chars().filter(Character::isUpperCase).count() == 1
            && type.group(1) == null
            && type.group(4) == null;
    if (type.matches()
        && !span.endsWith(".java")
        && !(oneWord && !classes.containsKey(type.group(2)))) {
      String name = type.group(2);
      Path source = classes.get(name);
      String folder = type.group(1) == null ? "" : type.group(1).replace('.', '/');
      if (source == null && !OTHER_CLASSES.contains(name)
          || source != null && !source.toString().endsWith(folder + name + ".java")) {
        missing.add(document + ": class " + span);
      } else if (source != null) {
        String code = Files.readString(source);
        for (String nested : type.group(3).split("\\.")) {
          if (!nested.isEmpty()
              && !code.matches("(?s).*\\b(class|record|enum|interface) " + nested + "\\b.*")) {
            missing.add(document + ": class " + span);
          }
        }
        if (type.group(4) != null
            && !Pattern.compile("\\b" + type.group(4) + "\\b").matcher(code).find()) {
          missing.add(document + ": member " + span);
        }
      }
      return;
    }
    String path = span.startsWith("./") ? span.substring(2) : span;
    if (path.startsWith("target/") || path.startsWith("data/") || path.startsWith("/")) {
      return;
    }
    if (TOP_FOLDER.matcher(path).matches()) {
      if (!exists(path, files)) {
        missing.add(document + ": file " + span);
      }
    } else if (FILE_LIKE.matcher(path).matches() && !path.contains("/")) {
      if (path.contains("*") ? !exists("**/" + path, files) : !fileNames.contains(path)) {
        missing.add(document + ": file " + span);
      }
    } else if (path.endsWith(".java")) {
      if (!classes.containsKey(path.substring(path.lastIndexOf('/') + 1).replace(".java", ""))) {
        missing.add(document + ": file " + span);
      }
    }
  }

  /** A path of the repository, or a pattern ({@code *}, {@code …} for any folders) one matches. */
  private static boolean exists(String path, List<Path> files) {
    String glob = path.replace("…", "**").replaceAll("/$", "");
    if (!glob.contains("*")) {
      return Files.exists(ROOT.resolve(glob));
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    return files.stream()
        .anyMatch(
            f ->
                matcher.matches(f)
                    || Stream.iterate(f.getParent(), p -> p != null, Path::getParent)
                        .anyMatch(matcher::matches));
  }

  private static Set<String> otherClasses() {
    Set<String> names = new HashSet<>();
    try {
      for (Resource manifest :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:META-INF/MANIFEST.MF")) {
        if (manifest.getURL().openConnection() instanceof JarURLConnection jar) {
          jar.setUseCaches(false);
          try (JarFile file = jar.getJarFile()) {
            file.stream().map(JarEntry::getName).forEach(name -> addClass(name, names));
          }
        }
      }
      try (Stream<Path> jdk =
          Files.walk(FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules"))) {
        jdk.forEach(f -> addClass(f.toString(), names));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void addClass(String entry, Set<String> names) {
    if (entry.endsWith(".class")) {
      String name = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - 6);
      names.add(name.substring(name.lastIndexOf('$') + 1));
    }
  }

  private static List<String> spans(String text) {
    List<String> spans = new ArrayList<>();
    Matcher span = SPAN.matcher(text);
    while (span.find()) {
      spans.add(span.group(1).trim());
    }
    return spans;
  }

  static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
    if (!Files.isDirectory(Path.of("docs"))) {
      return documents;
    }
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  private static List<Path> repositoryFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("."))) {
      return walk.filter(Files::isRegularFile)
          .map(f -> ROOT.resolve(Path.of(".").relativize(f)))
          .filter(f -> Stream.of(f.toString().split("/")).noneMatch(SKIPPED_FOLDERS::contains))
          .toList();
    }
  }

  private static final Pattern NAMED_COMPONENT =
      Pattern.compile(
          "@(?:Component|Service|Repository|Controller|RestController|Configuration)"
              + "\\(\\s*(?:value\\s*=\\s*)?\"(\\w+)\"");
  private static final Pattern COMPONENT =
      Pattern.compile(
          "@(?:Component|Service|Repository|Controller|RestController|Configuration)\\b(?!\\()"
              + "[^{;]*?\\b(?:class|record|interface) (\\w+)");
  private static final Pattern BEAN_METHOD =
      Pattern.compile(
          "@Bean(?:\\(([^)]*)\\))?\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
              + "(?:(?:public|protected|static|final)\\s+)*[\\w<>,.?\\[\\] ]+?\\s+(\\w+)\\s*\\(");
  private static final Pattern QUOTED = Pattern.compile("\"(\\w+)\"");

  /** Bean names: named and unnamed components, and {@code @Bean} methods, under src/main/java. */
  private static Set<String> springBeans(List<Path> files) {
    Set<String> beans = new HashSet<>();
    files.stream()
        .filter(f -> f.startsWith("src/main/java") && f.toString().endsWith(".java"))
        .forEach(
            f -> {
              String code;
              try {
                code = Files.readString(f);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              NAMED_COMPONENT.matcher(code).results().forEach(m -> beans.add(m.group(1)));
              COMPONENT
                  .matcher(code)
                  .results()
                  .forEach(
                      m ->
                          beans.add(
                              Character.toLowerCase(m.group(1).charAt(0))
                                  + m.group(1).substring(1)));
              BEAN_METHOD
                  .matcher(code)
                  .results()
                  .forEach(
                      m -> {
                        List<String> names =
                            m.group(1) == null
                                ? List.of()
                                : QUOTED
                                    .matcher(m.group(1))
                                    .results()
                                    .map(q -> q.group(1))
                                    .toList();
                        beans.addAll(names.isEmpty() ? List.of(m.group(2)) : names);
                      });
            });
    return beans;
  }
}
