package vn.danvan.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.danvan.org.OrgRegistry;

/**
 * Who may do what with the files of a task or of a process instance: exactly what the engine's
 * authorizations let that person do with the task or instance itself, asked of the engine as that
 * person.
 *
 * <ul>
 *   <li>A task's files: listed and downloaded by whoever may read the task (its body); added by
 *       whoever may work on it ({@code TASK_WORK}: its body's staff; Tasklist's "Tệp đính kèm").
 *       Along the chain they stay readable to whoever may read another task of the same process
 *       instance (the leaders approving the result, the monitoring body confirming it) or its
 *       history (coordinators, administrators), and, once the task is done, to the body it was
 *       offered to (its group and that body's leaders, kept with each file).
 *   <li>A process instance's own files (the directive's): listed and downloaded by whoever may read
 *       the instance or its history, or a task under it or under its number (the business key its
 *       blocks carry: every body working on the directive); added by whoever may read the running
 *       instance itself (coordinators, administrators).
 * </ul>
 */
@Component
class AttachmentAccess {

  /** What a caller may do with the files of a task or instance. */
  enum Right {
    NONE,
    READ,
    WORK
  }

  /** A task or process instance files belong to, as the engine knows it. */
  record Target(String taskId, String processInstanceId, String businessKey, boolean running) {}

  private final ProcessEngine engine;

  AttachmentAccess(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The task, running or done; empty when the engine knows none by that id. */
  Optional<Target> task(String taskId) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task != null) {
      return Optional.of(new Target(taskId, task.getProcessInstanceId(), null, true));
    }
    HistoricTaskInstance done =
        engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return Optional.ofNullable(done)
        .map(t -> new Target(taskId, t.getProcessInstanceId(), null, false));
  }

  /** The process instance, running or ended; empty when the engine knows none by that id. */
  Optional<Target> instance(String processInstanceId) {
    HistoricProcessInstance instance =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    boolean running =
        engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .count()
            > 0;
    return Optional.of(new Target(null, processInstanceId, instance.getBusinessKey(), running));
  }

  /** The directive a task serves: the root of its process instance, or null for a lone task. */
  Optional<Target> directiveOf(Target task) {
    if (task.processInstanceId() == null) {
      return Optional.empty();
    }
    HistoricProcessInstance instance =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(task.processInstanceId())
            .singleResult();
    String root =
        instance == null || instance.getRootProcessInstanceId() == null
            ? task.processInstanceId()
            : instance.getRootProcessInstanceId();
    return instance(root);
  }

  Right onTask(Authentication caller, Target task) {
    if (task.running()) {
      boolean reads =
          as(
              caller,
              () -> engine.getTaskService().createTaskQuery().taskId(task.taskId()).count() > 0);
      if (reads) {
        return task.running() && mayWork(caller, task.taskId()) ? Right.WORK : Right.READ;
      }
    }
    String instance = task.processInstanceId();
    return instance != null && (readsTaskOf(caller, instance) || readsHistory(caller, instance))
        ? Right.READ
        : Right.NONE;
  }

  Right onInstance(Authentication caller, Target instance) {
    String id = instance.processInstanceId();
    boolean reads =
        as(
            caller,
            () ->
                engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(id)
                        .count()
                    > 0);
    if (reads && instance.running()) {
      return Right.WORK;
    }
    String key = instance.businessKey();
    return reads
            || readsHistory(caller, id)
            || readsTaskOf(caller, id)
            || key != null
                && as(
                    caller,
                    () ->
                        engine
                                .getTaskService()
                                .createTaskQuery()
                                .processInstanceBusinessKey(key)
                                .count()
                            > 0)
        ? Right.READ
        : Right.NONE;
  }

  /** Whether the caller belongs to a body a file's task was offered to (or to its leaders). */
  static boolean owner(Authentication caller, List<String> ownerGroups) {
    return caller.getGroupIds() != null
        && caller.getGroupIds().stream().anyMatch(ownerGroups::contains);
  }

  /** The groups a running task is offered to, and their leaders' groups: who keeps its files. */
  List<String> ownerGroups(String taskId) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
      String group = link.getGroupId();
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && group != null) {
        groups.add(group);
        if (!group.endsWith(OrgRegistry.LEADERS_SUFFIX)) {
          groups.add(group + OrgRegistry.LEADERS_SUFFIX);
        }
      }
    }
    return groups.stream().distinct().toList();
  }

  private boolean readsTaskOf(Authentication caller, String processInstanceId) {
    return as(
        caller,
        () ->
            engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count()
                > 0);
  }

  private boolean readsHistory(Authentication caller, String processInstanceId) {
    return as(
        caller,
        () ->
            engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId)
                    .count()
                > 0);
  }

  /** The engine's own check that the caller may work on (complete) the task. */
  private boolean mayWork(Authentication caller, String taskId) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return as(
        caller,
        () ->
            configuration
                .getCommandExecutorTxRequired()
                .execute(
                    context -> {
                      TaskEntity task = context.getTaskManager().findTaskById(taskId);
                      if (task == null) {
                        return false;
                      }
                      try {
                        for (CommandChecker checker :
                            context.getProcessEngineConfiguration().getCommandCheckers()) {
                          checker.checkTaskWork(task);
                        }
                        return true;
                      } catch (AuthorizationException denied) {
                        return false;
                      }
                    }));
  }

  /** Runs {@code query} with the caller's authorizations. */
  private <T> T as(Authentication caller, Supplier<T> query) {
    IdentityService identity = engine.getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller);
    try {
      return query.get();
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }
}
