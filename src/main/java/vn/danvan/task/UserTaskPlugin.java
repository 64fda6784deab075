package vn.danvan.task;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A process engine plugin that adds the product's own behaviour to every user task of every model
 * as the engine reads the models: its name ({@link TaskNames}), the server's check of the answers
 * to its form, the e-mail to its body. The models themselves stay free of it.
 */
public abstract class UserTaskPlugin extends AbstractProcessEnginePlugin {

  /**
   * Adds to one user task as it is read.
   *
   * @param task the task's definition (its name, candidates, form, listeners)
   * @param activity the task's element in the process (its id and BPMN name)
   */
  protected abstract void parsed(TaskDefinition task, ActivityImpl activity);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration
        .getCustomPreBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                parsed(
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition(),
                    activity);
              }
            });
  }
}
