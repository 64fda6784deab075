package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.engine.ModelDeployer;
import vn.danvan.org.IdentitySync;
import vn.danvan.org.OrgRegistry;
import vn.danvan.support.DemoAppTest;

/** The started demo application: models deployed once, organisation applied once. */
@DemoAppTest
class DemoApplicationIT {

  @Autowired RepositoryService repository;
  @Autowired ModelDeployer deployer;
  @Autowired IdentitySync sync;
  @Autowired OrgRegistry registry;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @Test
  void everyModelAndFormIsDeployedOnceUnderItsProjectPath() throws Exception {
    List<Deployment> deployments =
        repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list();
    assertThat(deployments).hasSize(1);
    assertThat(repository.getDeploymentResourceNames(deployments.get(0).getId()))
        .contains(
            "processes/blocks/assignment.bpmn",
            "forms/thucHienNhiemVu.form",
            "forms/duyetKetQua.form");

    // what a restart does: the same files again create no deployment and no new version
    assertThat(deployer.deploy()).isEmpty();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("assignment")
                .singleResult()
                .getVersion())
        .isEqualTo(1);
  }

  @Test
  void everyProcessHasAHistoryTimeToLive() {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();
    assertThat(definitions)
        .isNotEmpty()
        .allSatisfy(
            d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
  }

  @Test
  void historyCleanupRunsAtNight() {
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    // by each instance's end time: no removal time written into every history row at the end
    assertThat(engineConfiguration.getHistoryCleanupStrategy()).isEqualTo("endTimeBased");
    assertThat(engineConfiguration.getHistoryRemovalTimeStrategy()).isEqualTo("none");
    assertThat(engineConfiguration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
  }

  @Test
  void secondSyncOfTheSameRegistryChangesNothing() {
    assertThat(sync.sync(registry, "demo").changes()).isZero();
  }

  @Test
  void bodiesAndRolesBecomeGroups() {
    assertThat(identity.createGroupQuery().groupMember("soNoiVuLanhDao").list())
        .extracting(g -> g.getId())
        .containsExactlyInAnyOrder("soNoiVu", "soNoiVuLanhDao", "vaiTroLanhDao");
    assertThat(identity.createGroupQuery().groupMember("bdvTUDieuPhoi").list())
        .extracting(g -> g.getId())
        .containsExactlyInAnyOrder("bdvTU", "vaiTroDieuPhoi");
    assertThat(identity.createUserQuery().memberOfGroup("soNoiVu").count()).isEqualTo(3);
    assertThat(identity.checkPassword("soNoiVuCanBo", "demo")).isTrue();
    User user = identity.createUserQuery().userId("soNoiVuCanBo").singleResult();
    assertThat(user.getEmail()).isEqualTo("sonoivucanbo@demo.danvan.vn");
    assertThat(identity.createUserQuery().count())
        .isEqualTo(registry.people().size() + 1); // + the administrator "demo"
  }

  @Test
  void everyoneCanReadTheBodyTaskFilters() {
    for (String name : List.of(IdentitySync.FILTER_MY_BODY, IdentitySync.FILTER_MINE)) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      for (String user : List.of("soNoiVuCanBo", "bdvTUDieuPhoi", "ubndXaXuanHiepLanhDao")) {
        List<String> groups =
            identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
        assertThat(
                authorizations.isUserAuthorized(
                    user, groups, Permissions.READ, Resources.FILTER, filter.getId()))
            .as(user + " reads " + name)
            .isTrue();
      }
    }
  }
}
