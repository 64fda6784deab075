package vn.danvan.directive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.input.InvalidInputException;

/**
 * A directive amended (văn bản sửa đổi, bổ sung): its running instances of older versions move to a
 * newer version of the model with the engine's migration (activities of the same id map to each
 * other). Open tasks, the blocks' called instances, variables, timers (with their due dates) and
 * history stay. Every instance is first tried in a transaction that is rolled back: a dry run
 * reports what cannot move; a real run moves all of them in one transaction, or none when any
 * cannot move (an item removed in the new version while it is running, for one).
 */
@Component
public class Amendments {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TransactionTemplate transaction;

  Amendments(
      RepositoryService repository,
      RuntimeService runtime,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What an instance cannot take along: in Vietnamese, and the engine's own words. */
  public record Problem(String summary, String detail) {}

  /** One running instance: its number, the version it runs, and what stops it moving. */
  public record Instance(
      String id, String businessKey, int fromVersion, boolean movable, List<Problem> problems) {}

  /** The answer: the target version, each instance, and how many moved (0 in a dry run). */
  public record Result(
      String processDefinitionKey,
      int toVersion,
      String targetDefinitionId,
      boolean dryRun,
      List<Instance> instances,
      int migrated) {

    public boolean refused() {
      return instances.stream().anyMatch(instance -> !instance.movable());
    }
  }

  /**
   * Moves (or with {@code dryRun} only tries) the running root instances of the directive {@code
   * key}'s versions before {@code toVersion} (null: the latest) to that version.
   */
  public Result amend(String key, Integer toVersion, boolean dryRun) {
    ProcessDefinition target = target(key, toVersion);
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    List<Instance> instances = new ArrayList<>();
    Map<MigrationPlan, List<String>> moves = new LinkedHashMap<>();
    for (ProcessDefinition source :
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .orderByProcessDefinitionVersion()
            .asc()
            .list()) {
      if (source.getVersion() >= target.getVersion()) {
        continue;
      }
      List<ProcessInstance> running =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionId(source.getId())
              .rootProcessInstances()
              .list();
      if (running.isEmpty()) {
        continue;
      }
      BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
      MigrationPlan plan;
      List<Problem> planProblems = new ArrayList<>();
      try {
        plan =
            runtime
                .createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities()
                .build();
      } catch (MigrationPlanValidationException e) {
        plan = null;
        planProblems.addAll(planProblems(e, sourceModel, target.getVersion()));
      }
      for (ProcessInstance instance : running) {
        List<Problem> problems =
            plan == null ? planProblems : tryMove(plan, instance, sourceModel, target);
        instances.add(
            new Instance(
                instance.getId(),
                instance.getBusinessKey(),
                source.getVersion(),
                problems.isEmpty(),
                problems));
      }
      if (plan != null) {
        moves.put(plan, running.stream().map(ProcessInstance::getId).toList());
      }
    }
    Result tried =
        new Result(key, target.getVersion(), target.getId(), dryRun, List.copyOf(instances), 0);
    if (dryRun || tried.refused() || moves.isEmpty()) {
      return tried;
    }
    transaction.executeWithoutResult(
        status ->
            moves.forEach(
                (plan, ids) -> runtime.newMigration(plan).processInstanceIds(ids).execute()));
    int moved = moves.values().stream().mapToInt(List::size).sum();
    return new Result(key, target.getVersion(), target.getId(), false, tried.instances(), moved);
  }

  private ProcessDefinition target(String key, Integer version) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    ProcessDefinition target =
        (version == null ? query.latestVersion() : query.processDefinitionVersion(version))
            .singleResult();
    if (target == null) {
      throw new InvalidInputException(
          version == null
              ? "Chưa triển khai mô hình " + key + " (processDefinitionKey)"
              : "Mô hình " + key + " không có phiên bản " + version + " (toVersion)");
    }
    return target;
  }

  /** Moves one instance in a transaction that is always rolled back: what would go wrong. */
  private List<Problem> tryMove(
      MigrationPlan plan,
      ProcessInstance instance,
      BpmnModelInstance sourceModel,
      ProcessDefinition target) {
    List<Problem> problems = new ArrayList<>();
    transaction.executeWithoutResult(
        status -> {
          status.setRollbackOnly();
          try {
            runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
          } catch (MigratingProcessInstanceValidationException e) {
            problems.addAll(instanceProblems(e.getValidationReport(), sourceModel, target));
          } catch (ProcessEngineException e) {
            problems.add(
                new Problem(
                    "Không chuyển được sang phiên bản " + target.getVersion(), e.getMessage()));
          }
        });
    return problems;
  }

  private static List<Problem> instanceProblems(
      MigratingProcessInstanceValidationReport report,
      BpmnModelInstance sourceModel,
      ProcessDefinition target) {
    List<Problem> problems = new ArrayList<>();
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      String detail = String.join("; ", activity.getFailures());
      problems.add(
          new Problem(activityProblem(sourceModel, activity.getSourceScopeId(), target), detail));
    }
    for (MigratingTransitionInstanceValidationReport transition :
        report.getTransitionInstanceReports()) {
      String detail = String.join("; ", transition.getFailures());
      problems.add(
          new Problem(activityProblem(sourceModel, transition.getSourceScopeId(), target), detail));
    }
    for (String failure : report.getFailures()) {
      problems.add(new Problem("Không chuyển được sang phiên bản " + target.getVersion(), failure));
    }
    return problems;
  }

  private static String activityProblem(
      BpmnModelInstance sourceModel, String activityId, ProcessDefinition target) {
    return "Bước "
        + label(sourceModel, activityId)
        + " đang thực hiện nhưng phiên bản "
        + target.getVersion()
        + " không có bước tương ứng (cùng mã, cùng loại): chờ bước này xong rồi chuyển";
  }

  private static List<Problem> planProblems(
      MigrationPlanValidationException e, BpmnModelInstance sourceModel, int version) {
    List<Problem> problems = new ArrayList<>();
    for (MigrationInstructionValidationReport instruction :
        e.getValidationReport().getInstructionReports()) {
      String activityId = instruction.getMigrationInstruction().getSourceActivityId();
      problems.add(
          new Problem(
              "Bước "
                  + label(sourceModel, activityId)
                  + " không chuyển được sang bước cùng mã của phiên bản "
                  + version,
              String.join("; ", instruction.getFailures())));
    }
    if (problems.isEmpty()) {
      problems.add(new Problem("Không lập được kế hoạch chuyển phiên bản", e.getMessage()));
    }
    return problems;
  }

  /** "name" (id) of an element of the model, or its id alone. */
  private static String label(BpmnModelInstance model, String id) {
    return model.getModelElementById(id) instanceof FlowElement element && element.getName() != null
        ? "\"" + element.getName() + "\" (" + id + ")"
        : id;
  }
}
