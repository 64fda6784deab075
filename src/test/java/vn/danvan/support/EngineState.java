package vn.danvan.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * What a refused request must leave as it was: counts of the engine's instances, tasks, variables,
 * deployments, history and identity, and the given tasks as they stand (open or not, assignee,
 * variables). Two snapshots are equal when nothing changed.
 */
public final class EngineState {

  private EngineState() {}

  public static Map<String, String> of(ProcessEngine engine, String... taskIds) {
    Map<String, String> state = new LinkedHashMap<>();
    state.put(
        "process instances", "" + engine.getRuntimeService().createProcessInstanceQuery().count());
    state.put(
        "active instances",
        "" + engine.getRuntimeService().createProcessInstanceQuery().active().count());
    state.put("tasks", "" + engine.getTaskService().createTaskQuery().count());
    state.put("variables", "" + engine.getRuntimeService().createVariableInstanceQuery().count());
    state.put("deployments", "" + engine.getRepositoryService().createDeploymentQuery().count());
    state.put(
        "definitions", "" + engine.getRepositoryService().createProcessDefinitionQuery().count());
    state.put(
        "active definitions",
        "" + engine.getRepositoryService().createProcessDefinitionQuery().active().count());
    state.put(
        "history", "" + engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    state.put(
        "historic variables",
        "" + engine.getHistoryService().createHistoricVariableInstanceQuery().count());
    state.put("users", "" + engine.getIdentityService().createUserQuery().count());
    state.put("groups", "" + engine.getIdentityService().createGroupQuery().count());
    state.put("tenants", "" + engine.getIdentityService().createTenantQuery().count());
    state.put(
        "authorizations", "" + engine.getAuthorizationService().createAuthorizationQuery().count());
    state.put("filters", "" + engine.getFilterService().createFilterQuery().count());
    attachments(engine, state);
    for (String id : taskIds) {
      Task task = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
      state.put(
          "task " + id,
          task == null
              ? "completed"
              : task.getAssignee()
                  + " "
                  + new TreeMap<>(engine.getTaskService().getVariables(id))
                  + " comments "
                  + engine.getTaskService().getTaskComments(id).size()
                  + " attachments "
                  + engine.getTaskService().getTaskAttachments(id).size()
                  + " links "
                  + engine.getTaskService().getIdentityLinksForTask(id).size());
    }
    return state;
  }

  /** The product's attached files, where the application keeps them (not in process tests). */
  private static void attachments(ProcessEngine engine, Map<String, String> state) {
    javax.sql.DataSource data =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getDataSource();
    try {
      state.put(
          "attachments",
          ""
              + new org.springframework.jdbc.core.JdbcTemplate(data)
                  .queryForObject("select count(*) from danvan_attachment", Long.class));
    } catch (org.springframework.dao.DataAccessException noTable) {
      // an engine without the product's tables
    }
  }
}
