package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistryLoader;

/** The README is what a newcomer reads first: it must list every demo login and both commands. */
class ReadmeTest {

  @Test
  void readmeListsEveryDemoLoginAndTheTwoCommands() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    OrgRegistry demo = OrgRegistryLoader.load(new ClassPathResource("org/demo-province.yaml"));

    assertThat(demo.people())
        .allSatisfy(person -> assertThat(readme).as(person.id()).contains("`" + person.id() + "`"));
    assertThat(readme).contains("./mvnw spring-boot:run").contains("./scripts/test.sh");
    assertThat(Files.readString(Path.of(".ci/run"))).contains("./scripts/test.sh");
  }
}
