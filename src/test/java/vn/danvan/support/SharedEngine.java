package vn.danvan.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps the shared demo application whole when a test of the same JVM starts an application of its
 * own and stops it. Camunda keeps two things in static fields that such a stop takes away:
 *
 * <ul>
 *   <li>the engines by name ({@link ProcessEngines}), where the REST API and the webapps look for
 *       "default": the closed engine leaves with the name;
 *   <li>the webapps' runtime delegates (Admin, Cockpit, Tasklist, Welcome), which a stopping web
 *       application sets to null: the webapps' APIs start on their first request, and one started
 *       after that stop fails with a NullPointerException (a 500 at login).
 * </ul>
 *
 * Both are put back before each test class (its {@code @BeforeAll} may already call the API) and
 * before each test.
 */
public final class SharedEngine implements BeforeAllCallback, BeforeEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    restore(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    restore(context);
  }

  private static void restore(ExtensionContext context) {
    ProcessEngine engine =
        SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }
}
