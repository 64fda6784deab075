package vn.danvan.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Shortcuts in Camunda's authorization checks and grants. None changes who may see or do what.
 *
 * <p><b>A body's work list without the per-task authorization join.</b> Camunda checks a task query
 * by joining every candidate task with the authorizations on {@code RESOURCE_ID_ IN (task id,
 * definition key, '*')}. The engine grants each candidate group one authorization per task, so a
 * body with 10,000 open tasks joins 10,000 tasks with 10,000 grants. PostgreSQL cannot hash that OR
 * join: the Tasklist filter *Việc của đơn vị tôi* took 5–11 s (W4, README).
 *
 * <p>The join adds nothing when the query itself keeps only tasks whose candidate is the caller or
 * one of the caller's own groups. The filter does that ({@code ${currentUserGroups()}}), and so
 * does {@code GET /task?candidateGroups=…} with the caller's own body. For each candidate link,
 * Camunda's {@code DefaultAuthorizationProvider} grants that group or user READ and TASK_WORK on
 * that task. So every task such a query can return is one the caller may read, and for those
 * queries the join is left out.
 *
 * <p>Every other query keeps the full check: another body's group, a {@code LIKE} pattern, no
 * candidate condition. So do single-task reads and every write. The shortcut is also off whenever a
 * REVOKE authorization exists (Camunda's own "auto" rule, {@code authorizationCheckRevokes}), so an
 * administrator's revoke always counts.
 *
 * <p>Trade-off: deleting or editing a task's generated grant in the Admin app no longer hides that
 * task from its candidate body's list; change the task's candidates instead, which is what the
 * grant follows.
 *
 * <p><b>No scan of every authorization per command.</b> Before each check Camunda reads the
 * distinct group ids of all authorizations ({@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}) to drop the caller's groups that hold none. With one grant per open task
 * that is a scan of tens of thousands of rows for every command a person runs, about 3 ms of
 * PostgreSQL time each with 20,000 grants. The caller's groups are used as they are: a group
 * without authorizations matches no row, so the checks give the same answers.
 *
 * <p><b>A permission check without MyBatis's dynamic SQL.</b> Every check of one permission ("may
 * this person work on this task?", "start this process?") is one statement Camunda builds from a
 * large dynamic SQL template: user, group and global grants and revokes, per atomic check. Building
 * it took 70% of the CPU of a REST task completion's check, and the check about 10% of the whole
 * completion (W1, Java Flight Recorder). While no REVOKE applies (the rule above), the answer only
 * depends on the grants: this manager reads the grants that could match, in one plain statement,
 * and evaluates the check as Camunda's SQL does (the first atomic check that finds a grant or has a
 * "not found" answer decides a disjunction; a conjunction needs them all). Checks of other shapes
 * (nested composites, query parameters) and every check while a revoke exists go to Camunda's SQL.
 * {@code AuthorizationShortcutsTest} compares both answers on random grants and checks.
 *
 * <p><b>A new task's grants without looking for old ones.</b> When a task gets a candidate or an
 * assignee, Camunda's {@code DefaultAuthorizationProvider} first reads the database for a grant on
 * that task to add the permissions to: one statement per task the engine creates (17,181 in the W3
 * lifetime, one per leader approval a W1 completion creates). A task created in this very
 * transaction has no row in the database yet, so for it {@link TaskGrants} skips the read; grants
 * made earlier in the same transaction are still merged, from the engine's cache, as Camunda does.
 *
 * <p>This uses engine internals ({@link AuthorizationManager}, {@link TaskQueryImpl}, {@link
 * DefaultAuthorizationProvider}, the engine's entity cache), so {@code AuthorizationShortcutsTest}
 * checks it against the real engine on every upgrade.
 */
@Component
public class AuthorizationShortcuts extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new Manager();
          }
        });
    configuration.setCustomSessionFactories(factories);
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new TaskGrants());
    }
  }

  /** Camunda's grants, without the database read for a task that is not in the database yet. */
  static class TaskGrants extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity getGrantAuthorization(
        String taskId, String userId, String groupId, Resource resource) {
      return createdInThisTransaction(taskId)
          ? null
          : super.getGrantAuthorization(taskId, userId, groupId, resource);
    }

    private static boolean createdInThisTransaction(String taskId) {
      DbEntityManager db = Context.getCommandContext().getDbEntityManager();
      TaskEntity task = db.getCachedEntity(TaskEntity.class, taskId);
      return task != null && db.getDbEntityCache().isTransient(task);
    }
  }

  /** Camunda's authorization manager with the shortcuts. */
  static class Manager extends AuthorizationManager {

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
      if (isAuthorizationEnabled() && isResourceValidForPermission(check)) {
        Boolean granted = granted(userId, groupIds, List.of(check), true);
        if (granted != null) {
          return granted;
        }
      }
      return super.isAuthorized(userId, groupIds, check);
    }

    @Override
    public boolean isAuthorized(
        String userId, List<String> groupIds, CompositePermissionCheck check) {
      if (check.getCompositeChecks().isEmpty()
          && !check.getAtomicChecks().isEmpty()
          && check.getAtomicChecks().stream().allMatch(this::isResourceValidForPermission)) {
        Boolean granted = granted(userId, groupIds, check.getAtomicChecks(), check.isDisjunctive());
        if (granted != null) {
          return granted;
        }
      }
      return super.isAuthorized(userId, groupIds, check);
    }

    /** Camunda's SQL answer, for the test that compares both. */
    boolean camundaAnswer(String userId, List<String> groupIds, CompositePermissionCheck check) {
      return super.isAuthorized(userId, groupIds, check);
    }

    /**
     * The answer of atomic {@code checks} from the grants alone, or null when Camunda's SQL must
     * answer (a revoke applies, or a check names a query parameter instead of a resource id).
     */
    Boolean granted(
        String userId, List<String> groupIds, List<PermissionCheck> checks, boolean disjunctive) {
      if (checks.stream().anyMatch(c -> c.getResourceIdQueryParam() != null)
          || isRevokeAuthCheckEnabled(userId, groupIds)) {
        return null;
      }
      List<Grant> grants = grants(userId, filterAuthenticatedGroupIds(groupIds), checks);
      long result = disjunctive ? 0 : 1;
      for (PermissionCheck check : checks) {
        Long value =
            grants.stream().anyMatch(g -> g.covers(check))
                ? Long.valueOf(1)
                : check.getAuthorizationNotFoundReturnValue();
        if (disjunctive && value != null) {
          return value == 1; // Camunda: COALESCE(check 1, check 2, …, 0)
        }
        if (!disjunctive) {
          result &= value == null ? 0 : value; // Camunda: BITAND(IFNULL(check, 0), …)
        }
      }
      return result == 1;
    }

    /** The grants (user, group, global) on the checks' resource types and ids, or on all ids. */
    private List<Grant> grants(String userId, List<String> groupIds, List<PermissionCheck> checks) {
      Set<Integer> types = new LinkedHashSet<>();
      Set<String> ids = new LinkedHashSet<>();
      ids.add(Authorization.ANY);
      checks.forEach(
          c -> {
            types.add(c.getResourceType());
            if (c.getResourceId() != null) {
              ids.add(c.getResourceId());
            }
          });
      String table =
          Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
      String sql =
          "select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from "
              + table
              + " where RESOURCE_TYPE_ in ("
              + marks(types.size())
              + ")"
              + " and RESOURCE_ID_ in ("
              + marks(ids.size())
              + ")"
              + " and ((TYPE_ = "
              + Authorization.AUTH_TYPE_GLOBAL
              + " and USER_ID_ = '*')"
              + " or (TYPE_ = "
              + Authorization.AUTH_TYPE_GRANT
              + " and (USER_ID_ = ?"
              + (groupIds.isEmpty() ? "" : " or GROUP_ID_ in (" + marks(groupIds.size()) + ")")
              + ")))";
      List<Object> values = new ArrayList<>(types);
      values.addAll(ids);
      values.add(userId);
      values.addAll(groupIds);
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      List<Grant> grants = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < values.size(); i++) {
          statement.setObject(i + 1, values.get(i));
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            grants.add(new Grant(rows.getInt(1), rows.getString(2), rows.getInt(3)));
          }
        }
      } catch (SQLException e) {
        throw new ProcessEngineException(
            "Reading the grants of " + userId + ": " + e.getMessage(), e);
      }
      return grants;
    }

    private static String marks(int n) {
      return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null
          ? List.of()
          : authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList();
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      Authentication caller = getCurrentAuthentication();
      if (isAuthCheckExecuted() && onlyOwnCandidates(query, caller)) {
        configureQuery(query); // the caller and groups, no permission check: no join
        if (!query.getAuthCheck().isRevokeAuthorizationCheckEnabled()) {
          return;
        }
      }
      super.configureTaskQuery(query);
    }
  }

  /** A grant's resource and permission bits. */
  record Grant(int resourceType, String resourceId, int perms) {
    /** Camunda: the resource type matches, the id is the check's or '*', all its bits are set. */
    boolean covers(PermissionCheck check) {
      String id = check.getResourceId();
      return resourceType == check.getResourceType()
          && (Authorization.ANY.equals(resourceId)
              || (id != null && !Authorization.ANY.equals(id) && id.equals(resourceId)))
          && (perms & check.getPerms()) == check.getPerms();
    }
  }

  /**
   * True when every task {@code query} can return has the caller, or one of the caller's groups, as
   * a candidate. Or-queries only narrow the main query (they are joined to it by AND).
   */
  static boolean onlyOwnCandidates(TaskQueryImpl query, Authentication caller) {
    if (caller == null
        || caller.getUserId() == null
        || query.isOrQueryActive()
        || query.getCandidateGroupLike() != null) {
      return false;
    }
    String candidateUser = query.getCandidateUser();
    if (candidateUser != null && !candidateUser.equals(caller.getUserId())) {
      return false;
    }
    // with a candidate user, Camunda adds that user's groups to these
    List<String> groups = query.getCandidateGroups();
    if (candidateUser == null && (groups == null || groups.isEmpty())) {
      return false;
    }
    List<String> own = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return groups == null || own.containsAll(groups);
  }
}
