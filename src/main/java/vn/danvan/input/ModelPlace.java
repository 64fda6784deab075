package vn.danvan.input;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Where a value came from, for a message: the field, and the model element that gave it. Work a
 * directive gives out starts in a block called by one of the directive's elements, so the caller is
 * named ({@code chiThi03XuanLoc2023 › CallActivity_ReportToDistrict "Báo cáo…", trường
 * monitorBody}); a block started directly names itself; a task names its step.
 */
public final class ModelPlace {

  private ModelPlace() {}

  /** The element and field, or just the field where no model is at hand. */
  public static String of(VariableScope vars, String field) {
    String element = null;
    if (vars instanceof DelegateTask task) {
      element =
          processKey(task.getExecution())
              + " › "
              + task.getTaskDefinitionKey()
              + quoted(task.getName());
    } else if (vars instanceof ExecutionEntity execution) {
      ExecutionEntity caller = execution.getProcessInstance().getSuperExecution();
      element =
          caller != null
              ? processKey(caller) + " › " + activity(caller)
              : processKey(execution) + " › " + activity(execution);
    }
    return element == null ? field : element + ", trường " + field;
  }

  private static String processKey(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
      return entity.getProcessDefinition().getKey();
    }
    return execution == null ? "?" : execution.getProcessDefinitionId();
  }

  private static String activity(ExecutionEntity execution) {
    ActivityImpl activity = execution.getActivity();
    if (activity == null) {
      return execution.getCurrentActivityId() == null
          ? "(bắt đầu)"
          : execution.getCurrentActivityId();
    }
    return activity.getId() + quoted((String) activity.getProperty("name"));
  }

  private static String quoted(String name) {
    return name == null || name.isBlank() ? "" : " \"" + name.replaceAll("\\s+", " ") + "\"";
  }
}
