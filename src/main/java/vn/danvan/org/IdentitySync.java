package vn.danvan.org;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.danvan.engine.DirectiveModels;
import vn.danvan.org.OrgRegistry.Body;
import vn.danvan.org.OrgRegistry.Person;

/**
 * Makes Camunda's users, groups, memberships, authorizations and Tasklist filters match the
 * registry. Idempotent: a second run over the same registry changes nothing.
 *
 * <p>Groups: one per body (its id), one for the body's leaders ({@code <id>LanhDao}), one per role.
 * Task visibility comes from candidate groups: the engine grants the candidate body's group
 * TASK_WORK on each task it is offered, so other bodies cannot see it. Memberships of the groups
 * the registry owns are made exact; people removed from the registry keep their account (an
 * administrator deletes it) but lose their groups.
 */
@Service
public class IdentitySync {

  static final String GROUP_TYPE_BODY = "DON_VI";
  static final String GROUP_TYPE_LEADERS = "LANH_DAO";
  static final String GROUP_TYPE_ROLE = "VAI_TRO";

  /** Tasklist filter: tasks offered to any of my groups (my body), assigned or not. */
  public static final String FILTER_MY_BODY = "Việc của đơn vị tôi";

  /** Tasklist filter: the body's work due within the "sắp đến hạn" window (3 days). */
  public static final String FILTER_DUE_SOON = "Sắp đến hạn";

  /** Tasklist filter: the body's work past its deadline. */
  public static final String FILTER_OVERDUE = "Quá hạn";

  /** Tasklist filter: tasks I have claimed. */
  public static final String FILTER_MINE = "Việc tôi đang xử lý";

  /**
   * Tasklist filter of one directive, for coordinators: its number follows ("Văn bản 45-KH/TU").
   */
  public static final String FILTER_DIRECTIVE = "Văn bản ";

  /** The process every body may start. */
  static final String ADHOC_REPORT = "adhocReport";

  static final String SKILFUL_MODEL = "skilfulModel";

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final RuntimeService runtime;

  IdentitySync(
      IdentityService identity,
      AuthorizationService authorizations,
      FilterService filters,
      TaskService tasks,
      RepositoryService repository,
      RuntimeService runtime) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.repository = repository;
    this.runtime = runtime;
  }

  /** What one run changed; all zero when Camunda already matched the registry. */
  public static final class Report {
    int usersCreated;
    int usersUpdated;
    int groupsCreated;
    int groupsUpdated;
    int membershipsAdded;
    int membershipsRemoved;
    int authorizationsChanged;
    int filtersCreated;

    public int changes() {
      return usersCreated
          + usersUpdated
          + groupsCreated
          + groupsUpdated
          + membershipsAdded
          + membershipsRemoved
          + authorizationsChanged
          + filtersCreated;
    }

    @Override
    public String toString() {
      return "users +"
          + usersCreated
          + " ~"
          + usersUpdated
          + ", groups +"
          + groupsCreated
          + " ~"
          + groupsUpdated
          + ", memberships +"
          + membershipsAdded
          + " -"
          + membershipsRemoved
          + ", authorizations "
          + authorizationsChanged
          + ", filters +"
          + filtersCreated;
    }
  }

  /**
   * Applies the registry.
   *
   * @param initialPassword password given to accounts this run creates, or {@code null} to create
   *     them without one (an administrator or an identity provider sets it)
   */
  public Report sync(OrgRegistry registry, String initialPassword) {
    Report report = new Report();
    Map<String, Set<String>> members = desiredMemberships(registry);
    for (Body body : registry.bodies()) {
      ensureGroup(body.id(), body.name(), GROUP_TYPE_BODY, report);
      ensureGroup(body.leadersGroupId(), "Lãnh đạo " + body.name(), GROUP_TYPE_LEADERS, report);
    }
    for (Role role : Role.values()) {
      if (role == Role.ADMIN) {
        if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
          ensureGroup(role.groupId(), role.groupName(), Groups.GROUP_TYPE_SYSTEM, report);
        }
      } else {
        ensureGroup(role.groupId(), role.groupName(), GROUP_TYPE_ROLE, report);
      }
    }
    for (Person person : registry.people()) {
      ensureUser(person, initialPassword, report);
      ownAccountOnly(person, report);
    }
    members.forEach(
        (group, users) -> ensureMembers(group, users, !group.equals(Role.ADMIN.groupId()), report));
    grantRolePermissions(report);
    ensureFilter(
        FILTER_MY_BODY,
        "Nhiệm vụ giao cho đơn vị của tôi, kể cả việc đồng nghiệp đã nhận",
        -10,
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        report);
    ensureFilter(
        FILTER_DUE_SOON,
        "Việc của đơn vị tôi đến hạn trong 3 ngày tới, hạn gần nhất trước",
        -9,
        myBody().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3)}"),
        report);
    ensureFilter(
        FILTER_OVERDUE,
        "Việc của đơn vị tôi đã quá hạn mà chưa xong, quá hạn lâu nhất trước",
        -8,
        myBody().dueBeforeExpression("${now()}"),
        report);
    ensureFilter(
        FILTER_MINE,
        "Nhiệm vụ tôi đã nhận xử lý",
        -5,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        report);
    for (String number : runningDirectives()) {
      directiveFilter(number, report);
    }
    LOG.info(
        "Đồng bộ sổ tổ chức {}: {} đơn vị, {} người; thay đổi: {}",
        registry.source(),
        registry.bodies().size(),
        registry.people().size(),
        report);
    return report;
  }

  private static Map<String, Set<String>> desiredMemberships(OrgRegistry registry) {
    Map<String, Set<String>> members = new LinkedHashMap<>();
    for (Body body : registry.bodies()) {
      members.put(body.id(), new HashSet<>());
      members.put(body.leadersGroupId(), new HashSet<>());
    }
    for (Role role : Role.values()) {
      members.put(role.groupId(), new HashSet<>());
    }
    for (Person person : registry.people()) {
      members.get(person.body()).add(person.id());
      members.get(person.role().groupId()).add(person.id());
      if (person.role() == Role.LEADER) {
        members.get(person.body() + OrgRegistry.LEADERS_SUFFIX).add(person.id());
      }
    }
    return members;
  }

  private void ensureGroup(String id, String name, String type, Report report) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      report.groupsCreated++;
    } else if (!Objects.equals(group.getName(), name) || !Objects.equals(group.getType(), type)) {
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
      report.groupsUpdated++;
    }
  }

  private void ensureUser(Person person, String initialPassword, Report report) {
    User user = identity.createUserQuery().userId(person.id()).singleResult();
    if (user == null) {
      user = identity.newUser(person.id());
      fill(user, person);
      if (initialPassword != null && !initialPassword.isBlank()) {
        user.setPassword(initialPassword);
      }
      identity.saveUser(user);
      report.usersCreated++;
    } else if (!Objects.equals(user.getFirstName(), person.firstName())
        || !Objects.equals(user.getLastName(), person.lastName())
        || !Objects.equals(user.getEmail(), person.email())) {
      fill(user, person);
      identity.saveUser(user);
      report.usersUpdated++;
    }
  }

  /**
   * Camunda gives each new user ALL on their own account, so anyone could delete themselves through
   * the REST API ({@code DELETE /engine-rest/user/{id}}). A person reads and updates their account
   * (name, password); whether they exist is the registry's business.
   */
  private void ownAccountOnly(Person person, Report report) {
    Authorization own =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .userIdIn(person.id())
            .resourceType(Resources.USER)
            .resourceId(person.id())
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (own != null && !own.isPermissionGranted(Permissions.DELETE)) {
      return;
    }
    if (own == null) {
      own = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      own.setUserId(person.id());
      own.setResource(Resources.USER);
      own.setResourceId(person.id());
    }
    own.setPermissions(new Permission[] {Permissions.READ, Permissions.UPDATE});
    authorizations.saveAuthorization(own);
    report.authorizationsChanged++;
  }

  private static void fill(User user, Person person) {
    user.setFirstName(person.firstName());
    user.setLastName(person.lastName());
    user.setEmail(person.email());
  }

  private void ensureMembers(String groupId, Set<String> wanted, boolean exact, Report report) {
    Set<String> current = new HashSet<>();
    identity.createUserQuery().memberOfGroup(groupId).list().forEach(u -> current.add(u.getId()));
    for (String userId : wanted) {
      if (!current.contains(userId)) {
        identity.createMembership(userId, groupId);
        report.membershipsAdded++;
      }
    }
    if (exact) {
      for (String userId : current) {
        if (!wanted.contains(userId)) {
          identity.deleteMembership(userId, groupId);
          report.membershipsRemoved++;
        }
      }
    }
  }

  /**
   * Staff and leaders use Tasklist and may raise ad-hoc reports and register "Dân vận khéo" models;
   * coordinators also use Cockpit, where they read every directive's instances, tasks and history
   * (also the count of open tasks per body) and start directives. Administrators are {@code
   * camunda-admin}, which Camunda grants everything.
   */
  private void grantRolePermissions(Report report) {
    for (Role role : List.of(Role.STAFF, Role.LEADER, Role.COORDINATOR)) {
      grant(role.groupId(), Resources.APPLICATION, "tasklist", report, Permissions.ACCESS);
      // anyone may raise an ad-hoc report (báo cáo đột xuất)
      grant(
          role.groupId(),
          Resources.PROCESS_DEFINITION,
          ADHOC_REPORT,
          report,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      // and register their body's "Dân vận khéo" models
      grant(
          role.groupId(),
          Resources.PROCESS_DEFINITION,
          SKILFUL_MODEL,
          report,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(
          role.groupId(),
          Resources.PROCESS_INSTANCE,
          ANY,
          report,
          ProcessInstancePermissions.CREATE);
    }
    String coordinators = Role.COORDINATOR.groupId();
    grant(coordinators, Resources.APPLICATION, "cockpit", report, Permissions.ACCESS);
    grant(
        coordinators,
        Resources.PROCESS_DEFINITION,
        ANY,
        report,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(
        coordinators,
        Resources.PROCESS_INSTANCE,
        ANY,
        report,
        ProcessInstancePermissions.CREATE,
        ProcessInstancePermissions.READ);
    // every task: they already read every directive's tasks (READ_TASK above); Cockpit's
    // "Công việc của người dùng" counts open tasks per body only with READ on every task
    grant(coordinators, Resources.TASK, ANY, report, TaskPermissions.READ);
    grant(coordinators, Resources.DEPLOYMENT, ANY, report, Permissions.READ);
    grant(coordinators, Resources.DECISION_DEFINITION, ANY, report, Permissions.READ);
    grant(coordinators, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, report, Permissions.READ);
  }

  /**
   * The coordinators' Tasklist filter of a directive ({@link #FILTER_DIRECTIVE} and its number):
   * the open tasks of every instance with its number as business key (the directive's and those of
   * the blocks it calls, which pass it down), nearest deadline first, readable by the coordinators'
   * role only; the tasks listed are still only those the engine lets the coordinator read. Made
   * when a directive starts and on every sync for the directives running; kept if it exists. Made
   * with the engine's authority: whoever starts a directive may not make filters.
   */
  public void ensureDirectiveFilter(String number) {
    CommandContext context = Context.getCommandContext();
    boolean checks = context != null && context.isAuthorizationCheckEnabled();
    if (checks) {
      context.disableAuthorizationCheck();
    }
    try {
      directiveFilter(number, new Report());
    } finally {
      if (checks) {
        context.enableAuthorizationCheck();
      }
    }
  }

  private void directiveFilter(String number, Report report) {
    String filter =
        taskFilter(
            FILTER_DIRECTIVE + number,
            "Việc đang mở của văn bản " + number + " ở mọi đơn vị, hạn gần nhất trước",
            10,
            tasks.createTaskQuery().processInstanceBusinessKey(number).orderByDueDate().asc(),
            report);
    grant(Role.COORDINATOR.groupId(), Resources.FILTER, filter, report, Permissions.READ);
  }

  /** The numbers of the directives running (instances of the models that are directives). */
  private Set<String> runningDirectives() {
    Set<String> numbers = new TreeSet<>();
    List<String> keys =
        repository.createProcessDefinitionQuery().list().stream()
            .filter(d -> DirectiveModels.isDirective(repository, d))
            .map(ProcessDefinition::getKey)
            .distinct()
            .toList();
    if (!keys.isEmpty()) {
      runtime
          .createProcessInstanceQuery()
          .processDefinitionKeyIn(keys.toArray(String[]::new))
          .list()
          .forEach(
              instance -> {
                if (instance.getBusinessKey() != null && !instance.getBusinessKey().isBlank()) {
                  numbers.add(instance.getBusinessKey());
                }
              });
    }
    return numbers;
  }

  /** Tasks offered to a group of the signed-in person, also those a colleague took, by due day. */
  private TaskQuery myBody() {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .orderByDueDate()
        .asc();
  }

  /** Everyone's filter: made if missing, readable by all. */
  private void ensureFilter(
      String name, String description, int priority, TaskQuery query, Report report) {
    String filter = taskFilter(name, description, priority, query, report);
    grantToEveryone(Resources.FILTER, filter, report, Permissions.READ);
  }

  /** A task filter of that name, made as given if there is none; its id. */
  private String taskFilter(
      String name, String description, int priority, TaskQuery query, Report report) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", new ArrayList<>());
      filter.setProperties(properties);
      filter.setQuery((Query<?, ?>) query);
      filters.saveFilter(filter);
      report.filtersCreated++;
    }
    return filter.getId();
  }

  private void grant(
      String groupId,
      Resource resource,
      String resourceId,
      Report report,
      Permission... permissions) {
    Authorization auth =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
    }
    save(auth, resource, resourceId, report, permissions);
  }

  /** A global authorization: applies to every user, present and future. */
  private void grantToEveryone(
      Resource resource, String resourceId, Report report, Permission... permissions) {
    Authorization auth =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GLOBAL)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      auth.setUserId(ANY);
    }
    save(auth, resource, resourceId, report, permissions);
  }

  private void save(
      Authorization auth,
      Resource resource,
      String resourceId,
      Report report,
      Permission... permissions) {
    boolean changed = auth.getId() == null;
    for (Permission permission : permissions) {
      if (changed || !auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      authorizations.saveAuthorization(auth);
      report.authorizationsChanged++;
    }
  }
}
