package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.ANSWERED_BODIES;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.FIGURE_ROWS;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MISSING_BODIES;
import static vn.danvan.variable.SharedVariables.MISSING_COUNT;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.org.OrgRegistry;

/**
 * The figures of one round of a periodic report, per body and in total, read from the bodies' work
 * in the round's fan-out: a body counts once all its work there has ended (a body whose report was
 * returned counts again when it answers again), with the figures of its last answer. The compile
 * task shows this table; it follows the late and corrected reports while the task is open, and so
 * do its note of the bodies still missing and its choice of reports to return (every periodic
 * report's, with figures or not).
 */
@Component
public class FigureTables {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String MEMBER = "fanoutMember";

  /** The compile task of a round ({@code reportPeriod.bpmn}). */
  static final String COMPILE_TASK = "Task_Consolidate";

  private final OrgRegistry registry;

  public FigureTables(OrgRegistry registry) {
    this.registry = registry;
  }

  /** Bodies named one by one in the compile task's note; beyond, how many more. */
  static final int NAMED = 100;

  /** The answered bodies' rows, and the bodies whose work in the round is still open. */
  private record Snapshot(List<ReportFigures.Row> rows, List<String> open) {}

  /** The round's table; read without the caller's authorizations (the block's bookkeeping). */
  public ReportFigures.Table table(
      ProcessEngineServices engine, String fanoutId, List<ReportFigures.Figure> figures) {
    List<ReportFigures.Row> rows = snapshot(engine, fanoutId, null, null, null).rows();
    return ReportFigures.table(figures, rows);
  }

  private Snapshot snapshot(
      ProcessEngineServices engine,
      String fanoutId,
      String endingMember,
      String endingBody,
      Object endingFigures) {
    HistoryService history = engine.getHistoryService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              List<HistoricProcessInstance> members =
                  history
                      .createHistoricProcessInstanceQuery()
                      .processDefinitionKey(MEMBER)
                      .variableValueEquals(FANOUT_ID, fanoutId)
                      .list();
              Map<String, String> bodies = new HashMap<>();
              Map<String, Object> answers = new HashMap<>();
              if (!members.isEmpty()) {
                String[] ids =
                    members.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(ids)
                    .variableNameIn(LEAD_BODY, REPORTED_FIGURES)
                    .list()
                    .forEach(
                        v -> {
                          if (LEAD_BODY.equals(v.getName())) {
                            bodies.put(v.getProcessInstanceId(), (String) v.getValue());
                          } else {
                            answers.put(v.getProcessInstanceId(), v.getValue());
                          }
                        });
              }
              Set<String> open = new HashSet<>();
              Map<String, Date> lastEnd = new HashMap<>();
              Map<String, Object> last = new HashMap<>();
              for (HistoricProcessInstance m : members) {
                String body = bodies.get(m.getId());
                if (body == null || m.getId().equals(endingMember)) {
                  continue;
                }
                if (m.getEndTime() == null) {
                  open.add(body);
                } else if (!lastEnd.containsKey(body) || m.getEndTime().after(lastEnd.get(body))) {
                  lastEnd.put(body, m.getEndTime());
                  last.put(body, answers.get(m.getId()));
                }
              }
              if (endingBody != null) {
                lastEnd.put(endingBody, new Date(Long.MAX_VALUE));
                last.put(endingBody, endingFigures);
              }
              List<ReportFigures.Row> list = new ArrayList<>();
              for (String body : lastEnd.keySet()) {
                if (!open.contains(body)) {
                  list.add(
                      new ReportFigures.Row(
                          body,
                          registry.body(body).map(OrgRegistry.Body::name).orElse(body),
                          ReportFigures.stored(last.get(body))));
                }
              }
              list.sort(Comparator.comparing(ReportFigures.Row::bodyName));
              if (endingBody != null) {
                open.remove(endingBody);
              }
              return new Snapshot(list, open.stream().sorted().toList());
            });
  }

  /**
   * A body's work in a period's round ends (on time, late, or again after a return): the round's
   * compile task, when open, follows it: the bodies still missing, the bodies whose report can be
   * returned, and with figures the table with its answer.
   */
  public void answered(DelegateExecution member) {
    List<ReportFigures.Figure> figures = ReportFigures.declared(member);
    String fanoutId = (String) member.getVariable(FANOUT_ID);
    if (fanoutId == null || figures.isEmpty() && member.getVariable(PERIOD_LABEL) == null) {
      return; // not a period's report: no compile task to follow the answers
    }
    ProcessEngineServices engine = member.getProcessEngineServices();
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              HistoricProcessInstance fanout =
                  engine
                      .getHistoryService()
                      .createHistoricProcessInstanceQuery()
                      .processInstanceId(fanoutId)
                      .singleResult();
              if (fanout == null || fanout.getSuperProcessInstanceId() == null) {
                return null;
              }
              Task compile =
                  engine
                      .getTaskService()
                      .createTaskQuery()
                      .processInstanceId(fanout.getSuperProcessInstanceId())
                      .taskDefinitionKey(COMPILE_TASK)
                      .singleResult();
              if (compile != null) {
                Snapshot now =
                    snapshot(
                        engine,
                        fanoutId,
                        member.getProcessInstanceId(),
                        (String) member.getVariable(LEAD_BODY),
                        member.getVariable(REPORTED_FIGURES));
                TaskService tasks = engine.getTaskService();
                if (!figures.isEmpty()) {
                  tasks.setVariable(
                      compile.getId(),
                      FIGURE_ROWS,
                      ReportFigures.rows(ReportFigures.table(figures, now.rows())));
                }
                // the bodies whose report can now be returned
                ArrayNode choices = JSON.createArrayNode();
                now.rows()
                    .forEach(
                        r -> choices.addObject().put("label", r.bodyName()).put("value", r.body()));
                tasks.setVariable(
                    compile.getId(),
                    ANSWERED_BODIES,
                    SpinValues.jsonValue(choices.toString()).create());
                // the note of the bodies still missing follows too
                tasks.setVariable(
                    compile.getId(), MISSING_BODIES, registry.names(now.open(), NAMED));
                tasks.setVariable(compile.getId(), MISSING_COUNT, now.open().size());
              }
              return null;
            });
  }
}
