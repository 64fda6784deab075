package vn.danvan.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Two shortcuts in Camunda's authorization checks. Neither changes who may see or do what.
 *
 * <p><b>A body's work list without the per-task authorization join.</b> Camunda checks a task query
 * by joining every candidate task with the authorizations on
 * {@code RESOURCE_ID_ IN (task id, definition key, '*')}. The engine grants each candidate group
 * one authorization per task, so a body with 10,000 open tasks joins 10,000 tasks with 10,000
 * grants. PostgreSQL cannot hash that OR join: the Tasklist filter *Việc của đơn vị tôi* took
 * 5–11 s (W4, README).
 *
 * <p>The join adds nothing when the query itself keeps only tasks whose candidate is the caller or
 * one of the caller's own groups. The filter does that ({@code ${currentUserGroups()}}), and so
 * does {@code GET /task?candidateGroups=…} with the caller's own body. For each candidate link,
 * Camunda's {@code DefaultAuthorizationProvider} grants that group or user READ and TASK_WORK on
 * that task. So every task such a query can return is one the caller may read, and for those
 * queries the join is left out.
 *
 * <p>Every other query keeps the full check: another body's group, a {@code LIKE} pattern, no
 * candidate condition. So do single-task reads and every write. The shortcut is also off whenever
 * a REVOKE authorization exists (Camunda's own "auto" rule, {@code authorizationCheckRevokes}), so
 * an administrator's revoke always counts.
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
 * <p>This uses engine internals ({@link AuthorizationManager}, {@link TaskQueryImpl}), so
 * {@code AuthorizationShortcutsTest} checks it against the real engine on every upgrade.
 */
@Component
public class AuthorizationShortcuts extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new SessionFactory() {
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
  }

  /** Camunda's authorization manager with both shortcuts. */
  static class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of()
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

  /**
   * True when every task {@code query} can return has the caller, or one of the caller's groups,
   * as a candidate. Or-queries only narrow the main query (they are joined to it by AND).
   */
  static boolean onlyOwnCandidates(TaskQueryImpl query, Authentication caller) {
    if (caller == null || caller.getUserId() == null || query.isOrQueryActive()
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
