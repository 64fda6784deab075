package vn.danvan.notification;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import vn.danvan.task.UserTaskPlugin;

/** Every user task of every model tells its body when it is created ({@link Notifications}). */
public class NotificationPlugin extends UserTaskPlugin {

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
  protected void parsed(TaskDefinition task, ActivityImpl activity) {
    task.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
  }
}
