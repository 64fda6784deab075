package vn.danvan.notification;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Every user task of every model tells its body when it is created ({@link Notifications}). */
public class NotificationPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener created;

  /**
   * Notifications looked up at the first task (a Spring bean made after the engine's plugins), then
   * kept: looking it up again cost 2% of the CPU of a task completion over REST (W1).
   */
  public NotificationPlugin(Supplier<Notifications> notifications) {
    AtomicReference<Notifications> found = new AtomicReference<>();
    this.created =
        task -> found.updateAndGet(n -> n != null ? n : notifications.get()).taskCreated(task);
  }

  public NotificationPlugin(Notifications notifications) {
    this.created = notifications::taskCreated;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task =
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
              }
            });
  }
}
