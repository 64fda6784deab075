package vn.danvan.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;
import vn.danvan.task.UserTaskPlugin;

/**
 * The server checks every answer a client sends to a user task against the task's own Camunda Form
 * ({@link FormRules}): Tasklist's and any REST client's, whatever the client checked itself. The
 * check is a built-in listener on the task's completion, so it runs before the model's own
 * listeners and a refused answer rolls back with nothing saved (an {@link InvalidInputException},
 * answered 400). Completions by the product's own Java code (the demo's replay, tests driving the
 * engine directly) are not answers from a client and are left to the models' own checks.
 *
 * <p>Forms are read from the deployment once and kept for {@link #KEPT} (the form deployed last is
 * the one Tasklist shows; after a new deployment of a form the server follows within that time). A
 * form that cannot be found or read is not checked: the task's own listeners still are.
 */
@Component
public class FormCheckPlugin extends UserTaskPlugin {

  /** How long a form read from the deployment is kept. */
  static final Duration KEPT = Duration.ofSeconds(30);

  /**
   * Set while a client's request (REST API, webapps) runs, by {@link RequestInputGuard}: only then
   * is a completion someone's answer to check.
   */
  static final ThreadLocal<Boolean> ANSWERING = new ThreadLocal<>();

  private record Kept(FormRules rules, long readAt) {}

  private final Map<String, Kept> forms = new ConcurrentHashMap<>();

  @Override
  protected void parsed(TaskDefinition task, ActivityImpl activity) {
    String form = formOf(task.getFormDefinition());
    if (form != null) {
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, answer -> check(answer, form));
    }
  }

  /**
   * Which form a task shows, as a key for the forms kept: a Camunda Form reference ({@code
   * camunda:formRef}, with its binding) or a {@code camunda-forms:} form key; null for any other.
   */
  static String formOf(FormDefinition definition) {
    if (definition == null) {
      return null;
    }
    Expression ref = definition.getCamundaFormDefinitionKey();
    if (ref != null) {
      Expression version = definition.getCamundaFormDefinitionVersion();
      return "ref:"
          + ref.getExpressionText()
          + ":"
          + definition.getCamundaFormDefinitionBinding()
          + (version == null ? "" : ":" + version.getExpressionText());
    }
    Expression key = definition.getFormKey();
    if (key != null && key.getExpressionText().startsWith("camunda-forms:")) {
      return "key:" + key.getExpressionText();
    }
    return null;
  }

  private void check(DelegateTask task, String form) {
    if (ANSWERING.get() == null) {
      return;
    }
    String key =
        form.startsWith("ref:") && form.contains(":latest")
            ? form
            : form + "@" + task.getProcessDefinitionId();
    long now = System.nanoTime();
    Kept kept = forms.get(key);
    if (kept == null || now - kept.readAt() > KEPT.toNanos()) {
      FormRules rules = read(task);
      if (rules == null) {
        return;
      }
      kept = new Kept(rules, now);
      forms.put(key, kept);
    }
    kept.rules().check(task::getVariable);
  }

  /** The task's deployed form, read with the engine's authority (this is the server's check). */
  private static FormRules read(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    boolean checks = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try (InputStream json =
        task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      return FormRules.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException notFound) {
      return null;
    } finally {
      if (checks) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
