package vn.danvan.org;

import javax.sql.DataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import vn.danvan.engine.ClusterLock;

/** Loads the registry (start-up stops on a bad file) and applies it to Camunda once started. */
@Configuration
@EnableConfigurationProperties(OrgProperties.class)
class OrgConfiguration {

  /** After the models are deployed ({@code ModelDeployer} runs at order 10). */
  static final int SYNC_ORDER = 20;

  @Bean
  OrgRegistry orgRegistry(OrgProperties properties, ResourceLoader resources) {
    if (properties.registry() == null || properties.registry().isBlank()) {
      throw new IllegalStateException(
          "Chưa cấu hình sổ đăng ký tổ chức: đặt danvan.org.registry (biến môi trường"
              + " DANVAN_ORG_REGISTRY), ví dụ file:/etc/danvan/org.yaml");
    }
    return OrgRegistryLoader.load(resources.getResource(properties.registry()));
  }

  @Bean
  @Order(SYNC_ORDER)
  ApplicationRunner orgSync(
      IdentitySync sync, OrgRegistry registry, OrgProperties properties, DataSource dataSource) {
    // one node at a time: two nodes starting together would both create the same groups
    return args -> {
      try (ClusterLock lock = ClusterLock.acquire(dataSource, ClusterLock.Purpose.REGISTRY_SYNC)) {
        sync.sync(registry, properties.initialPassword());
      }
    };
  }

  /**
   * Then the endings an administrator declared over REST, and the open work of bodies ended by
   * today moved to their heirs (before the demo's directives, order 30, give out new work).
   */
  @Bean
  @Order(SYNC_ORDER + 5)
  ApplicationRunner endingsDue(Restructuring restructuring) {
    return args -> {
      restructuring.refresh();
      restructuring.applyDue(null);
    };
  }
}
