package vn.danvan.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.danvan.input.DeployedModelCheck;

/**
 * Deploys everything under {@code processes/} and {@code forms/} as one named deployment whose
 * resource names are the paths relative to the project root ({@code processes/blocks/x.bpmn}),
 * identical from the jar, {@code spring-boot:run} and tests. A restart on the same database deploys
 * nothing unless a file changed, and then only what changed, with what it needs: a model that shows
 * an embedded HTML form ({@code embedded:deployment:forms/x.html}, read from the model's own
 * deployment) goes out with that form, and a changed form with every model that shows it, so that
 * no process is left without its form or with an old one.
 *
 * <p>The starter's own auto-deployment is off ({@code camunda.bpm.auto-deployment-enabled}): it
 * names resources by absolute path and skips {@code .form} files. Embedded HTML forms ({@code
 * forms/*.html}, for sheets whose rows are data) are deployed alongside.
 */
@Component
@Order(ModelDeployer.ORDER)
public class ModelDeployer implements ApplicationRunner {

  public static final int ORDER = 10;
  public static final String DEPLOYMENT_NAME = DeployedModelCheck.PRODUCT_MODELS;
  static final List<String> FOLDERS = List.of("processes", "forms");
  static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form", ".html");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  /** How a model names an embedded form of its own deployment. */
  private static final Pattern EMBEDDED =
      Pattern.compile("embedded:deployment:([^\"'\\s]+\\.html)");

  private final RepositoryService repository;
  private final DataSource dataSource;

  ModelDeployer(RepositoryService repository, DataSource dataSource) {
    this.repository = repository;
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    deploy();
  }

  /**
   * Deploys changed models.
   *
   * @return the ids of the definitions this call created (empty when nothing changed)
   */
  public List<String> deploy() throws IOException {
    Map<String, byte[]> files = productFiles();
    if (files.isEmpty()) {
      LOG.warn("Không tìm thấy mô hình nào trong {}", FOLDERS);
      return List.of();
    }
    // nodes starting at once compare and deploy one after the other, so only one deploys
    try (ClusterLock lock = ClusterLock.acquire(dataSource, ClusterLock.Purpose.MODEL_DEPLOYMENT)) {
      return deploy(repository, files);
    } catch (SQLException e) {
      throw new IOException("Không giữ được khóa triển khai mô hình: " + e.getMessage(), e);
    }
  }

  /**
   * The product's own models and forms: stable name ({@code processes/blocks/x.bpmn}) → content.
   */
  public static Map<String, byte[]> productFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (Map.Entry<String, Resource> model :
        findModels(new PathMatchingResourcePatternResolver()).entrySet()) {
      try (InputStream in = model.getValue().getInputStream()) {
        files.put(model.getKey(), in.readAllBytes());
      }
    }
    return files;
  }

  /**
   * Deploys, of these files (name → content), those that differ from the latest deployed file of
   * the same name, with the embedded forms they show and the models that show them.
   *
   * @return the ids of the definitions created (empty when nothing changed)
   */
  public static List<String> deploy(RepositoryService repository, Map<String, byte[]> files)
      throws IOException {
    Map<String, byte[]> deployed = latestDeployed(repository);
    Set<String> changed = new TreeSet<>();
    files.forEach(
        (name, content) -> {
          if (!Arrays.equals(content, deployed.get(name))) {
            changed.add(name);
          }
        });
    if (changed.isEmpty()) {
      LOG.info("Mô hình, biểu mẫu không đổi ({} tệp): không triển khai lại", files.size());
      return List.of();
    }
    Set<String> going = new TreeSet<>(changed);
    files.forEach(
        (name, content) -> {
          Set<String> shown = embeddedForms(content);
          if (changed.contains(name)) {
            shown.stream().filter(files::containsKey).forEach(going::add);
          } else if (shown.stream().anyMatch(changed::contains)) {
            going.add(name);
            shown.stream().filter(files::containsKey).forEach(going::add);
          }
        });
    DeploymentBuilder builder =
        repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME);
    for (String name : going) {
      builder.addInputStream(name, new ByteArrayInputStream(files.get(name)));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    List<String> created = new ArrayList<>();
    if (deployment.getDeployedProcessDefinitions() != null) {
      deployment.getDeployedProcessDefinitions().forEach(d -> created.add(d.getId()));
    }
    if (deployment.getDeployedDecisionDefinitions() != null) {
      deployment.getDeployedDecisionDefinitions().forEach(d -> created.add(d.getId()));
    }
    LOG.info(
        "Triển khai {} tệp mô hình/biểu mẫu (đổi: {}); định nghĩa mới: {}",
        going.size(),
        changed,
        created);
    return created;
  }

  /** The embedded forms a model shows ({@code embedded:deployment:forms/x.html}). */
  static Set<String> embeddedForms(byte[] content) {
    Set<String> forms = new TreeSet<>();
    Matcher m = EMBEDDED.matcher(new String(content, StandardCharsets.UTF_8));
    while (m.find()) {
      forms.add(m.group(1));
    }
    return forms;
  }

  /** The content of each file as it was last deployed under {@link #DEPLOYMENT_NAME}. */
  private static Map<String, byte[]> latestDeployed(RepositoryService repository)
      throws IOException {
    Map<String, byte[]> latest = new HashMap<>();
    for (Deployment deployment :
        repository
            .createDeploymentQuery()
            .deploymentName(DEPLOYMENT_NAME)
            .orderByDeploymentTime()
            .desc()
            .list()) {
      for (org.camunda.bpm.engine.repository.Resource resource :
          repository.getDeploymentResources(deployment.getId())) {
        if (!latest.containsKey(resource.getName())) {
          try (InputStream in =
              repository.getResourceAsStreamById(deployment.getId(), resource.getId())) {
            latest.put(resource.getName(), in.readAllBytes());
          }
        }
      }
    }
    return latest;
  }

  /** Whether two copies of a file on the class path (a folder and a jar's) hold the same bytes. */
  private static boolean sameContent(Resource a, Resource b) throws IOException {
    try (InputStream first = a.getInputStream();
        InputStream second = b.getInputStream()) {
      return Arrays.equals(first.readAllBytes(), second.readAllBytes());
    }
  }

  /** Stable name (path below the classpath root, e.g. {@code forms/x.form}) → resource. */
  static Map<String, Resource> findModels(ResourcePatternResolver resolver) throws IOException {
    Map<String, Resource> models = new TreeMap<>();
    for (String folder : FOLDERS) {
      for (Resource root : resolver.getResources("classpath*:" + folder + "/")) {
        String rootUrl = root.getURL().toString();
        for (Resource file : resolver.getResources(rootUrl + "**/*")) {
          String url = file.getURL().toString();
          if (EXTENSIONS.stream().anyMatch(url::endsWith) && url.startsWith(rootUrl)) {
            String name = folder + "/" + url.substring(rootUrl.length());
            Resource first = models.putIfAbsent(name, file);
            if (first != null && !sameContent(first, file)) {
              throw new IllegalStateException(
                  "Mô hình " + name + " xuất hiện hai lần trên classpath");
            }
          }
        }
      }
    }
    return models;
  }
}
