package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.org.OrgRegistryException;

/** Start-up stops, with a message saying what to fix, instead of running half-configured. */
class StartupRefusalIT {

  @TempDir Path dir;

  /** Starts the application; {@code args} are command-line arguments like {@code --a=b}. */
  private static ConfigurableApplicationContext run(String profile, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                "--camunda.bpm.job-execution.enabled=false"));
    all.addAll(List.of(args));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(DanVanApplication.class);
    if (profile != null) {
      builder.profiles(profile);
    }
    return builder.run(all.toArray(String[]::new));
  }

  @Test
  void noAdministratorPasswordOutsideTheDemo() {
    assertThatThrownBy(() -> run(null).close())
        .hasMessageContaining("DANVAN_ADMIN_PASSWORD")
        .hasMessageContaining("no administrator password");
  }

  @Test
  void noRegistryOutsideTheDemo() {
    assertThatThrownBy(() -> run(null, "--camunda.bpm.admin-user.password=s3cret!").close())
        .rootCause()
        .hasMessageContaining("danvan.org.registry");
  }

  @Test
  void anInvalidRegistryNamesTheFileAndTheLine() throws Exception {
    Path file = dir.resolve("org.yaml");
    Files.writeString(
        file,
        """
        bodyTypes:
          - id: so
            name: Sở
        bodies:
          - id: soNoiVu
            name: Sở Nội vụ
            type: so
            parent: ubndTinh
        people: []
        """,
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> run("demo", "--danvan.org.registry=file:" + file).close())
        .rootCause()
        .isInstanceOf(OrgRegistryException.class)
        .hasMessageContaining("org.yaml")
        .hasMessageContaining("dòng 5: đơn vị cha \"ubndTinh\"");
  }

  @Test
  void theDemoStartsWithItsOwnPassword() {
    try (ConfigurableApplicationContext context = run("demo")) {
      assertThat(context.getEnvironment().getProperty("camunda.bpm.admin-user.password"))
          .isEqualTo("demo");
    }
  }
}
