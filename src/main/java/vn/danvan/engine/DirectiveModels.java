package vn.danvan.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;

/**
 * Which models are directives: those whose start event runs the directive's start checks ({@value
 * #START_CHECKS}, the template "Văn bản được ban hành"), wherever they were deployed from (the
 * product's {@code processes/directives/} or an administrator's Modeler).
 */
public final class DirectiveModels {

  public static final String START_CHECKS = "${directiveStarted}";

  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

  private DirectiveModels() {}

  /** Whether the process's own start event runs the start checks. */
  public static boolean isDirective(Process process) {
    return process.getChildElementsByType(StartEvent.class).stream()
        .anyMatch(DirectiveModels::hasStartChecks);
  }

  /** Whether a deployed definition is a directive (read once per definition). */
  public static boolean isDirective(RepositoryService repository, ProcessDefinition definition) {
    return KNOWN.computeIfAbsent(
        definition.getId(),
        id -> {
          BpmnModelInstance model = repository.getBpmnModelInstance(id);
          Process process = model.getModelElementById(definition.getKey());
          return process != null && isDirective(process);
        });
  }

  private static boolean hasStartChecks(StartEvent start) {
    return start.getExtensionElements() != null
        && start
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaExecutionListener.class)
            .list()
            .stream()
            .anyMatch(
                l ->
                    "start".equals(l.getCamundaEvent())
                        && START_CHECKS.equals(l.getCamundaDelegateExpression()));
  }
}
