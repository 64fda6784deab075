package vn.danvan.support.operaton;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngines;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;

/**
 * The part of Camunda's {@code BpmnAwareTests} (camunda-bpm-assert) that the process tests use, for
 * the Operaton build, which has no published Operaton Assert: the build points the tests' imports
 * here. AssertJ's own {@code assertThat} overloads come with it, as with the original.
 */
public class BpmnAwareTests extends Assertions {

  private static final ThreadLocal<ProcessEngine> ENGINE = new ThreadLocal<>();
  private static final ThreadLocal<ProcessInstance> LAST = new ThreadLocal<>();

  protected BpmnAwareTests() {}

  /** The engine the tests' extension runs on this thread (set before each test). */
  public static void init(ProcessEngine engine) {
    ENGINE.set(engine);
  }

  public static ProcessEngine processEngine() {
    ProcessEngine engine = ENGINE.get();
    if (engine != null) {
      return engine;
    }
    Map<String, ProcessEngine> engines = ProcessEngines.getProcessEngines();
    if (engines.size() != 1) {
      throw new IllegalStateException("no single process engine: " + engines.keySet());
    }
    return engines.values().iterator().next();
  }

  public static RuntimeService runtimeService() {
    return processEngine().getRuntimeService();
  }

  public static TaskService taskService() {
    return processEngine().getTaskService();
  }

  public static HistoryService historyService() {
    return processEngine().getHistoryService();
  }

  public static IdentityService identityService() {
    return processEngine().getIdentityService();
  }

  public static ManagementService managementService() {
    return processEngine().getManagementService();
  }

  public static RepositoryService repositoryService() {
    return processEngine().getRepositoryService();
  }

  public static TaskQuery taskQuery() {
    return taskService().createTaskQuery();
  }

  /** Variables from key-value pairs. */
  public static Map<String, Object> withVariables(String key, Object value, Object... more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(key, value);
    for (int i = 0; i + 1 < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  /** The one open task of the instance last asserted on. */
  public static Task task() {
    return task(LAST.get());
  }

  /** The one open task of the instance (null when there is none). */
  public static Task task(ProcessInstance instance) {
    return taskQuery().processInstanceId(instance.getId()).singleResult();
  }

  public static void complete(Task task) {
    taskService().complete(task.getId());
  }

  public static void complete(Task task, Map<String, Object> variables) {
    taskService().complete(task.getId(), variables);
  }

  public static void execute(Job job) {
    managementService().executeJob(job.getId());
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance actual) {
    LAST.set(actual);
    return new ProcessInstanceAssert(actual);
  }

  public static TaskAssert assertThat(Task actual) {
    return new TaskAssert(actual);
  }

  /** Where a process instance is and has been. */
  public static final class ProcessInstanceAssert
      extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    ProcessInstanceAssert(ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
    }

    private boolean running() {
      return runtimeService().createProcessInstanceQuery().processInstanceId(actual.getId()).count()
          > 0;
    }

    public ProcessInstanceAssert isEnded() {
      isNotNull();
      if (running()) {
        failWithMessage("expected instance %s to have ended", actual.getId());
      }
      return this;
    }

    public ProcessInstanceAssert isActive() {
      isNotNull();
      if (!running()) {
        failWithMessage("expected instance %s to be running", actual.getId());
      }
      return this;
    }

    /** Every activity named has an activity or transition (async) instance now. */
    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      isActive();
      List<String> here = new ArrayList<>();
      collect(runtimeService().getActivityInstance(actual.getId()), here);
      Assertions.assertThat(here)
          .as("activities instance %s waits at", actual.getId())
          .contains(activityIds);
      return this;
    }

    private static void collect(ActivityInstance instance, List<String> into) {
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        into.add(child.getActivityId());
        collect(child, into);
      }
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        into.add(transition.getActivityId());
      }
    }

    private List<String> passed() {
      return historyService()
          .createHistoricActivityInstanceQuery()
          .processInstanceId(actual.getId())
          .finished()
          .list()
          .stream()
          .map(HistoricActivityInstance::getActivityId)
          .toList();
    }

    public ProcessInstanceAssert hasPassed(String... activityIds) {
      isNotNull();
      Assertions.assertThat(passed())
          .as("activities instance %s passed", actual.getId())
          .contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      isNotNull();
      Assertions.assertThat(passed())
          .as("activities instance %s passed", actual.getId())
          .doesNotContain(activityIds);
      return this;
    }
  }

  /** Who may take a task, what it is and when it is due. */
  public static final class TaskAssert extends AbstractAssert<TaskAssert, Task> {

    TaskAssert(Task actual) {
      super(actual, TaskAssert.class);
    }

    public TaskAssert hasCandidateGroup(String group) {
      isNotNull();
      List<String> groups =
          taskService().getIdentityLinksForTask(actual.getId()).stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(IdentityLink::getGroupId)
              .filter(Objects::nonNull)
              .toList();
      Assertions.assertThat(groups)
          .as("candidate groups of task %s", actual.getId())
          .contains(group);
      return this;
    }

    public TaskAssert isAssignedTo(String userId) {
      isNotNull();
      Assertions.assertThat(actual.getAssignee()).isEqualTo(userId);
      return this;
    }

    public TaskAssert hasDefinitionKey(String key) {
      isNotNull();
      Assertions.assertThat(actual.getTaskDefinitionKey()).isEqualTo(key);
      return this;
    }

    public TaskAssert hasDueDate(Date due) {
      isNotNull();
      Assertions.assertThat(actual.getDueDate()).isEqualTo(due);
      return this;
    }
  }
}
