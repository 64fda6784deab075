package vn.danvan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization shortcuts on a real engine with authorization on: two bodies ({@code bodyA},
 * {@code bodyB}) with three tasks each, staff {@code staffA} and {@code staffB}.
 */
class AuthorizationShortcutsTest {

  static ProcessEngine engine;

  @BeforeAll
  static void start() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:own-candidates;DB_CLOSE_DELAY=-1");
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("audit");
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.getProcessEnginePlugins().add(new AuthorizationShortcuts());
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("work.bpmn",
        Bpmn.createExecutableProcess("work").camundaHistoryTimeToLive(1).startEvent()
            .userTask("doIt").camundaCandidateGroups("${body}").endEvent().done()).deploy();
    for (String body : List.of("bodyA", "bodyB")) {
      engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(body));
      String staff = body.replace("body", "staff");
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser(staff));
      engine.getIdentityService().createMembership(staff, body);
      IntStream.range(0, 3).forEach(i -> engine.getRuntimeService()
          .startProcessInstanceByKey("work", java.util.Map.of("body", body)));
    }
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
    engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
  }

  static TaskQuery asStaffA() {
    engine.getIdentityService().setAuthentication("staffA", List.of("bodyA"));
    return engine.getTaskService().createTaskQuery();
  }

  static List<String> tasksOf(String body) {
    engine.getIdentityService().clearAuthentication();
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(body).list().stream()
        .map(Task::getId).sorted().toList();
  }

  @Test
  void theBodyListShowsExactlyTheBodysTasks() {
    List<String> own = tasksOf("bodyA");
    List<String> listed = asStaffA().taskCandidateGroupIn(List.of("bodyA")).includeAssignedTasks()
        .list().stream().map(Task::getId).sorted().toList();
    assertThat(listed).hasSize(3).isEqualTo(own);
    assertThat(asStaffA().taskCandidateGroupIn(List.of("bodyA")).count()).isEqualTo(3);
    assertThat(asStaffA().taskCandidateUser("staffA").count()).isEqualTo(3);
  }

  @Test
  void anotherBodysTasksStayHidden() {
    assertThat(tasksOf("bodyB")).hasSize(3);
    assertThat(asStaffA().taskCandidateGroup("bodyB").list()).isEmpty();
    assertThat(asStaffA().taskCandidateGroupIn(List.of("bodyA", "bodyB")).count()).isEqualTo(3);
    assertThat(asStaffA().taskCandidateGroupLike("body%").count()).isEqualTo(3);
    assertThat(asStaffA().taskCandidateUser("staffB").count()).isZero();
    assertThat(asStaffA().count()).isEqualTo(3);
    String theirs = tasksOf("bodyB").get(0);
    engine.getIdentityService().setAuthentication("staffA", List.of("bodyA"));
    assertThatThrownBy(() -> engine.getTaskService().complete(theirs))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aRevokeStillHidesTheTask() {
    String revoked = tasksOf("bodyA").get(0);
    Authorization revoke =
        engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("staffA"); // a person's revoke outranks the group's grant
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(revoked);
    revoke.removePermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(revoke);

    assertThat(asStaffA().list()).as("full check").hasSize(2);
    assertThat(asStaffA().taskCandidateGroup("bodyA").list()).hasSize(2)
        .extracting(Task::getId).doesNotContain(revoked);
  }

  /**
   * What the shortcut leaves out: the per-task grant. With the grant of one task deleted, the
   * body's list still shows it (its candidate link says so) while a query without a candidate
   * condition, which keeps the full check, does not.
   */
  @Test
  void theBodyListFollowsTheCandidateLinkNotThePerTaskGrant() {
    String task = tasksOf("bodyA").get(1);
    engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(task).list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    try {
      assertThat(asStaffA().taskCandidateGroup("bodyA").count()).isEqualTo(3);
      assertThat(asStaffA().count()).isEqualTo(2);
    } finally { // the link made again brings its grant back
      engine.getIdentityService().clearAuthentication();
      engine.getTaskService().deleteCandidateGroup(task, "bodyA");
      engine.getTaskService().addCandidateGroup(task, "bodyA");
    }
  }

  @Test
  void theRuleAcceptsOnlyTheCallersOwnCandidates() {
    Authentication staffA = new Authentication("staffA", List.of("bodyA", "vaiTroCanBo"));
    assertThat(rule(query().taskCandidateGroup("bodyA"), staffA)).isTrue();
    assertThat(rule(query().taskCandidateGroupIn(List.of("bodyA", "vaiTroCanBo")), staffA))
        .isTrue();
    assertThat(rule(query().taskCandidateGroupIn(List.of("bodyA", "bodyB")), staffA)).isFalse();
    assertThat(rule(query(), staffA)).isFalse();
    assertThat(rule(query().withCandidateGroups(), staffA)).isFalse();
    assertThat(rule(query().taskCandidateGroup("bodyA").taskCandidateGroupLike("%"), staffA))
        .isFalse();
    assertThat(rule(query().taskCandidateGroup("bodyA"), null)).isFalse();
  }

  static TaskQuery query() {
    return engine.getTaskService().createTaskQuery();
  }

  static boolean rule(TaskQuery query, Authentication caller) {
    return AuthorizationShortcuts.onlyOwnCandidates((TaskQueryImpl) query, caller);
  }

  @Test
  void theCallersGroupsAreUsedWithoutReadingEveryAuthorization() {
    // Camunda's own manager reads the database here (and fails outside a command)
    assertThat(new AuthorizationShortcuts.Manager()
        .filterAuthenticatedGroupIds(java.util.Arrays.asList("bodyA", null, "noGrants", "bodyA")))
        .containsExactly("bodyA", "noGrants");
    engine.getIdentityService().setAuthentication("staffA", List.of("bodyA", "noGrants"));
    assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(3);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("bodyB").count())
        .isZero();
  }
}
