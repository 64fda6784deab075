package vn.danvan.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
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

/**
 * Deploys everything under {@code processes/} and {@code forms/} as one named deployment whose
 * resource names are the paths relative to the project root ({@code processes/blocks/x.bpmn}),
 * identical from the jar, {@code spring-boot:run} and tests. With duplicate filtering, a restart on
 * the same database deploys nothing unless a file changed, and then only that file.
 *
 * <p>The starter's own auto-deployment is off ({@code camunda.bpm.auto-deployment-enabled}): it
 * names resources by absolute path and skips {@code .form} files. Embedded HTML forms ({@code
 * forms/*.html}, for sheets whose rows are data) are deployed alongside.
 */
@Component
@Order(ModelDeployer.ORDER)
public class ModelDeployer implements ApplicationRunner {

  public static final int ORDER = 10;
  public static final String DEPLOYMENT_NAME = "danvan-models";
  static final List<String> FOLDERS = List.of("processes", "forms");
  static final List<String> EXTENSIONS = List.of(".bpmn", ".dmn", ".form", ".html");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repository;
  private final ResourcePatternResolver resolver;

  ModelDeployer(RepositoryService repository) {
    this.repository = repository;
    this.resolver = new PathMatchingResourcePatternResolver();
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
    Map<String, Resource> models = findModels(resolver);
    if (models.isEmpty()) {
      LOG.warn("Không tìm thấy mô hình nào trong {}", FOLDERS);
      return List.of();
    }
    DeploymentBuilder builder =
        repository
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_NAME)
            .enableDuplicateFiltering(true);
    for (Map.Entry<String, Resource> model : models.entrySet()) {
      try (InputStream in = model.getValue().getInputStream()) {
        builder.addInputStream(model.getKey(), new ByteArrayInputStream(in.readAllBytes()));
      }
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    List<String> created = new ArrayList<>();
    if (deployment.getDeployedProcessDefinitions() != null) {
      deployment.getDeployedProcessDefinitions().forEach(d -> created.add(d.getId()));
    }
    if (deployment.getDeployedDecisionDefinitions() != null) {
      deployment.getDeployedDecisionDefinitions().forEach(d -> created.add(d.getId()));
    }
    LOG.info("Triển khai {} tệp mô hình/biểu mẫu; định nghĩa mới: {}", models.size(), created);
    return created;
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
            if (models.putIfAbsent(name, file) != null) {
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
