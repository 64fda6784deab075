package vn.danvan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
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
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "work.bpmn",
            Bpmn.createExecutableProcess("work")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("doIt")
                .camundaCandidateGroups("${body}")
                .endEvent()
                .done())
        .deploy();
    for (String body : List.of("bodyA", "bodyB")) {
      engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(body));
      String staff = body.replace("body", "staff");
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser(staff));
      engine.getIdentityService().createMembership(staff, body);
      IntStream.range(0, 3)
          .forEach(
              i ->
                  engine
                      .getRuntimeService()
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
    engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
  }

  static TaskQuery asStaffA() {
    engine.getIdentityService().setAuthentication("staffA", List.of("bodyA"));
    return engine.getTaskService().createTaskQuery();
  }

  static List<String> tasksOf(String body) {
    engine.getIdentityService().clearAuthentication();
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(body).list().stream()
        .map(Task::getId)
        .sorted()
        .toList();
  }

  /** The grants on {@code taskId}: "group or user: permissions", sorted. */
  static List<String> grantsOn(String taskId) {
    engine.getIdentityService().clearAuthentication();
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(taskId)
        .list()
        .stream()
        .map(
            a ->
                (a.getGroupId() != null ? "group " + a.getGroupId() : "user " + a.getUserId())
                    + ": "
                    + java.util.Arrays.stream(a.getPermissions(TaskPermissions.values()))
                        .map(Permission::getName)
                        .filter(n -> !n.equals("NONE"))
                        .sorted()
                        .toList())
        .sorted()
        .toList();
  }

  @Test
  void aNewTasksGrantsAreCamundasWithoutReadingForOldOnes() {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "grants.bpmn",
            Bpmn.createExecutableProcess("grants")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("checkIt")
                .camundaCandidateGroups("${group}")
                .camundaCandidateUsers("${user}")
                .camundaAssignee("${user}")
                .endEvent()
                .done())
        .deploy();
    String instance =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "grants", java.util.Map.of("group", "bodyG", "user", "staffG"))
            .getId();
    String task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .singleResult()
            .getId();
    // one grant per group or user, the candidate user's and the assignee's merged in one
    assertThat(grantsOn(task))
        .containsExactly("group bodyG: [READ, TASK_WORK]", "user staffG: [READ, TASK_WORK]");

    // on a task already in the database, the existing grant is found and kept, not doubled
    engine.getTaskService().addCandidateGroup(task, "bodyG");
    engine.getTaskService().addCandidateGroup(task, "bodyH");
    assertThat(grantsOn(task))
        .containsExactly(
            "group bodyG: [READ, TASK_WORK]",
            "group bodyH: [READ, TASK_WORK]",
            "user staffG: [READ, TASK_WORK]");
    engine.getRuntimeService().deleteProcessInstance(instance, "test done");
  }

  @Test
  void theBodyListShowsExactlyTheBodysTasks() {
    List<String> own = tasksOf("bodyA");
    List<String> listed =
        asStaffA().taskCandidateGroupIn(List.of("bodyA")).includeAssignedTasks().list().stream()
            .map(Task::getId)
            .sorted()
            .toList();
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
    assertThat(asStaffA().taskCandidateGroup("bodyA").list())
        .hasSize(2)
        .extracting(Task::getId)
        .doesNotContain(revoked);
  }

  /**
   * What the shortcut leaves out: the per-task grant. With the grant of one task deleted, the
   * body's list still shows it (its candidate link says so) while a query without a candidate
   * condition, which keeps the full check, does not.
   */
  @Test
  void theBodyListFollowsTheCandidateLinkNotThePerTaskGrant() {
    String task = tasksOf("bodyA").get(1);
    engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .resourceType(Resources.TASK)
        .resourceId(task)
        .list()
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
    assertThat(
            new AuthorizationShortcuts.Manager()
                .filterAuthenticatedGroupIds(
                    java.util.Arrays.asList("bodyA", null, "noGrants", "bodyA")))
        .containsExactly("bodyA", "noGrants");
    engine.getIdentityService().setAuthentication("staffA", List.of("bodyA", "noGrants"));
    assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(3);
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("bodyB").count())
        .isZero();
  }

  /**
   * The grants-only permission check against Camunda's SQL: 60 rounds of random grants (a user's, a
   * group's, global; on tasks and definitions, on one id or '*'), 20 random checks each (one to
   * four atomic checks, "or" or "and", some with a "not found" answer of their own), on top of the
   * engine's own per-task grants. Every answer must be Camunda's, and the shortcut must have given
   * it.
   */
  @Test
  void permissionChecksGiveCamundasAnswers() {
    Random random = new Random(2016);
    AuthorizationService authorizations = engine.getAuthorizationService();
    String[] ids = {tasksOf("bodyA").get(0), tasksOf("bodyB").get(0), "work", "other", "*"};
    Resource[] resources = {Resources.TASK, Resources.PROCESS_DEFINITION};
    Permission[][] permissions = {
      {Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_WORK},
      {
        Permissions.READ,
        ProcessDefinitionPermissions.TASK_WORK,
        ProcessDefinitionPermissions.UPDATE_TASK
      }
    };
    int granted = 0;
    int checks = 0;
    for (int round = 0; round < 60; round++) {
      List<String> made = new ArrayList<>();
      for (int g = random.nextInt(5); g > 0; g--) {
        int type =
            random.nextInt(3) == 0 ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT;
        Authorization grant = authorizations.createNewAuthorization(type);
        if (type == Authorization.AUTH_TYPE_GRANT) {
          if (random.nextBoolean()) {
            grant.setUserId("staffA");
          } else {
            grant.setGroupId(random.nextBoolean() ? "bodyA" : "bodyB");
          }
        }
        int r = random.nextInt(2);
        grant.setResource(resources[r]);
        grant.setResourceId(ids[random.nextInt(ids.length)]);
        grant.addPermission(permissions[r][random.nextInt(3)]);
        grant.addPermission(permissions[r][random.nextInt(3)]);
        if (taken(grant)) {
          continue; // one authorization per person or group and resource
        }
        made.add(authorizations.saveAuthorization(grant).getId());
      }
      for (int c = 0; c < 20; c++) {
        CompositePermissionCheck check = new CompositePermissionCheck(random.nextBoolean());
        for (int a = 1 + random.nextInt(4); a > 0; a--) {
          int r = random.nextInt(2);
          PermissionCheck atomic = new PermissionCheck();
          atomic.setResource(resources[r]);
          atomic.setPermission(permissions[r][random.nextInt(3)]);
          atomic.setResourceId(random.nextInt(6) == 0 ? null : ids[random.nextInt(ids.length)]);
          if (random.nextInt(8) == 0) {
            atomic.setAuthorizationNotFoundReturnValue((long) random.nextInt(2));
          }
          check.addAtomicCheck(atomic);
        }
        boolean[] answers =
            configuration()
                .getCommandExecutorTxRequired()
                .execute(
                    context -> {
                      AuthorizationShortcuts.Manager manager =
                          (AuthorizationShortcuts.Manager) context.getAuthorizationManager();
                      List<String> groups = List.of("bodyA", "vaiTroCanBo");
                      assertThat(
                              manager.granted(
                                  "staffA", groups, check.getAtomicChecks(), check.isDisjunctive()))
                          .as("the shortcut answers")
                          .isNotNull();
                      return new boolean[] {
                        manager.isAuthorized("staffA", groups, check),
                        manager.camundaAnswer("staffA", groups, check)
                      };
                    });
        assertThat(answers[0]).as("round %d check %d", round, c).isEqualTo(answers[1]);
        granted += answers[0] ? 1 : 0;
        checks++;
      }
      made.forEach(authorizations::deleteAuthorization);
    }
    // both answers occur often enough for the comparison to mean something
    assertThat(granted).isBetween(checks / 5, checks * 4 / 5);
  }

  static boolean taken(Authorization grant) {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .authorizationType(grant.getAuthorizationType())
        .resourceType(grant.getResourceType())
        .resourceId(grant.getResourceId())
        .list()
        .stream()
        .anyMatch(
            a ->
                Objects.equals(a.getUserId(), grant.getUserId())
                    && Objects.equals(a.getGroupId(), grant.getGroupId()));
  }

  static ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
