package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Resource names must not depend on where the classpath comes from (folder or jar). */
class ModelDeployerTest {

  @TempDir Path dir;

  @Test
  void namesAreRelativeToTheClasspathRootInAFolder() throws Exception {
    Path root = dir.resolve("classes");
    write(root.resolve("processes/blocks/a.bpmn"));
    write(root.resolve("forms/f.form"));
    write(root.resolve("processes/readme.txt"));

    assertThat(ModelDeployer.findModels(resolver(root.toUri().toURL())).keySet())
        .containsExactly("forms/f.form", "processes/blocks/a.bpmn");
  }

  @Test
  void namesAreTheSameInsideAJar() throws Exception {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          new String[] {
            "processes/",
            "processes/blocks/",
            "forms/",
            "processes/blocks/a.bpmn",
            "forms/f.form",
            "processes/d.dmn"
          }) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }

    assertThat(ModelDeployer.findModels(resolver(jar.toUri().toURL())).keySet())
        .containsExactly("forms/f.form", "processes/blocks/a.bpmn", "processes/d.dmn");
  }

  @Test
  void theProjectModelsAreFoundUnderTheirProjectPaths() throws Exception {
    assertThat(ModelDeployer.findModels(new PathMatchingResourcePatternResolver()).keySet())
        .contains("processes/blocks/assignment.bpmn", "forms/thucHienNhiemVu.form");
  }

  private static PathMatchingResourcePatternResolver resolver(URL url) {
    return new PathMatchingResourcePatternResolver(new URLClassLoader(new URL[] {url}, null));
  }

  private static void write(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("<x/>".getBytes(StandardCharsets.UTF_8));
    }
  }
}
