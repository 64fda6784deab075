package vn.danvan.periodic;

import static vn.danvan.periodic.PeriodicVariables.COMPILE_OPENED_AT;
import static vn.danvan.periodic.PeriodicVariables.LAST_RETURNED_BODY;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_ID;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_SUMMARY;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_TASK;
import static vn.danvan.periodic.PeriodicVariables.RETURNING;
import static vn.danvan.periodic.PeriodicVariables.RETURN_BODY;
import static vn.danvan.periodic.PeriodicVariables.RETURN_ONE;
import static vn.danvan.variable.SharedVariables.ANSWERED_BODIES;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.FIGURE_COLUMNS;
import static vn.danvan.variable.SharedVariables.FIGURE_ROWS;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MISSING_BODIES;
import static vn.danvan.variable.SharedVariables.MISSING_COUNT;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.Withdrawals;
import vn.danvan.fanout.Fanouts;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.FigureTables;
import vn.danvan.tracking.ReportFigures;
import vn.danvan.variable.SharedVariables;

/**
 * One round of a periodic report ({@code reportPeriod.bpmn}), an instance of its own so that the
 * next round opens on its date whatever this one waits for: the compile task carries the bodies
 * that have not answered; the consolidating body may return one body's report with a reason, and
 * only that body works again; withdrawn, the round ends the work it gave back.
 */
@Component
public class PeriodWork {

  static final String WITHDRAWN = "Kỳ báo cáo đã bị hủy";
  private static final String FANOUT = "fanout";
  private static final String MEMBER = "fanoutMember";

  /** Bodies named one by one in the compile task; beyond, how many more. */
  static final int NAMED = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fanouts fanouts;
  private final OrgRegistry registry;
  private final Deadlines deadlines;
  private final FigureTables figureTables;

  public PeriodWork(
      Fanouts fanouts, OrgRegistry registry, Deadlines deadlines, FigureTables figureTables) {
    this.fanouts = fanouts;
    this.registry = registry;
    this.deadlines = deadlines;
    this.figureTables = figureTables;
  }

  /**
   * The compile task is created (on the compile day, when every body has answered, or again after a
   * return): the bodies that have not answered, by name, for the form.
   */
  public void compileOpened(DelegateTask task) {
    if (task.getVariable(COMPILE_OPENED_AT) == null) {
      task.setVariable(COMPILE_OPENED_AT, deadlines.nowAsDate());
    }
    String fanoutId = fanoutId(task.getExecution());
    List<String> missing =
        fanoutId == null
            ? List.of()
            : fanouts.unansweredBodies(task.getProcessEngineServices(), fanoutId);
    task.setVariable(MISSING_BODIES, registry.names(missing, NAMED));
    task.setVariable(MISSING_COUNT, missing.size());
    ArrayNode choices = JSON.createArrayNode();
    if (fanoutId != null) {
      for (String body : fanouts.answeredBodies(task.getProcessEngineServices(), fanoutId)) {
        choices
            .addObject()
            .put("label", registry.body(body).map(OrgRegistry.Body::name).orElse(body))
            .put("value", body);
      }
    }
    task.setVariable(ANSWERED_BODIES, SpinValues.jsonValue(choices.toString()).create());
    List<ReportFigures.Figure> figures = ReportFigures.declared(task);
    if (!figures.isEmpty()) {
      ReportFigures.Table table =
          figureTables.table(task.getProcessEngineServices(), fanoutId, figures);
      task.setVariable(FIGURE_COLUMNS, ReportFigures.columns(figures));
      task.setVariable(FIGURE_ROWS, ReportFigures.rows(table));
    }
  }

  /** The figures of the body's last ended member of the fan-out; null when it gave none. */
  private static Object lastAnswer(DelegateExecution execution, String fanoutId, String body) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              HistoricProcessInstance last =
                  history
                      .createHistoricProcessInstanceQuery()
                      .processDefinitionKey(MEMBER)
                      .variableValueEquals(FANOUT_ID, fanoutId)
                      .variableValueEquals(LEAD_BODY, body)
                      .finished()
                      .orderByProcessInstanceEndTime()
                      .desc()
                      .list()
                      .stream()
                      .findFirst()
                      .orElse(null);
              if (last == null) {
                return null;
              }
              HistoricVariableInstance figures =
                  history
                      .createHistoricVariableInstanceQuery()
                      .processInstanceId(last.getId())
                      .variableName(REPORTED_FIGURES)
                      .singleResult();
              return figures == null ? null : figures.getValue();
            });
  }

  /** The body's report task opens: the figures it asks for, as the form's columns. */
  public void figuresAsked(DelegateTask task) {
    task.setVariableLocal(FIGURE_COLUMNS, ReportFigures.columns(ReportFigures.declared(task)));
  }

  /**
   * A body's figures on its report task: each declared figure, an integer from 0, checked whatever
   * the client (a Vietnamese message naming the figure, nothing saved), then kept as one JSON
   * value.
   */
  public void figuresReported(DelegateTask task) {
    if (SharedVariables.requestExtension(task)) {
      throw new InvalidInputException(
          "Báo cáo định kỳ có số liệu không đề nghị gia hạn: gửi báo cáo và số liệu"
              + " (requestExtension)");
    }
    List<ReportFigures.Figure> figures = ReportFigures.declared(task);
    Map<String, Long> values = ReportFigures.values(figures, task.getVariable(REPORTED_FIGURES));
    task.setVariable(REPORTED_FIGURES, ReportFigures.json(values));
  }

  /**
   * The compile task done: either one body's report returned (a body that has answered, with a
   * reason), or the summary.
   */
  public void compileDone(DelegateTask task) {
    Object chosen = task.getVariable(RETURN_BODY);
    boolean returning = Boolean.TRUE.equals(task.getVariable(RETURN_ONE));
    if (returning && !(chosen instanceof String named && !named.isBlank())) {
      throw new InvalidInputException("Chọn đơn vị cần làm lại báo cáo (returnBody)");
    }
    if (chosen instanceof String body && !body.isBlank()) {
      body = body.trim();
      Inputs.text(task, RETURN_REASON, "Lý do trả lại");
      String fanoutId = fanoutId(task.getExecution());
      if (fanoutId == null || !answered(task.getExecution(), fanoutId, body)) {
        throw new InvalidInputException(
            "Đơn vị \""
                + body
                + "\" chưa gửi báo cáo "
                + task.getVariable(PERIOD_LABEL)
                + " (hoặc không thuộc kỳ báo cáo này): không có báo"
                + " cáo để trả lại (returnBody)");
      }
      task.setVariable(RETURN_BODY, body);
      task.setVariable(RETURNING, true);
      return;
    }
    task.setVariable(RETURNING, false);
    Inputs.text(task, PERIOD_SUMMARY, "Báo cáo tổng hợp");
  }

  /**
   * The returned body works again: a new member of the round's fan-out, with the reason in what it
   * is asked; the consolidating body's choice is cleared for the next compile task.
   */
  public void returnReport(DelegateExecution execution) {
    String body = (String) execution.getVariable(RETURN_BODY);
    String reason = (String) execution.getVariable(RETURN_REASON);
    String content =
        execution.getVariable(PERIOD_TASK) + "\n\nBáo cáo bị trả lại để làm lại: " + reason.trim();
    String fanoutId = fanoutId(execution);
    Map<String, Object> extra = new HashMap<>();
    extra.put(TASK_CONTENT, content);
    extra.put(RETURN_REASON, reason.trim());
    extra.put(PERIOD_ID, execution.getProcessInstanceId());
    // the figures it sent come back with it, to be corrected or completed
    Object figures = lastAnswer(execution, fanoutId, body);
    if (figures != null) {
      extra.put(REPORTED_FIGURES, ReportFigures.json(ReportFigures.stored(figures)));
    }
    fanouts.reopen(execution, fanoutId, body, extra);
    execution.setVariable(LAST_RETURNED_BODY, body);
    execution.removeVariable(RETURN_BODY);
    execution.removeVariable(RETURN_REASON);
    execution.removeVariable(RETURN_ONE);
    execution.setVariable(RETURNING, false);
  }

  /** Withdrawn (deleted with its cycle or directive): the work it gave back ends with it. */
  public void ended(DelegateExecution execution) {
    if (execution.isCanceled()) {
      Withdrawals.endStartedBy(execution, PERIOD_ID, WITHDRAWN, MEMBER);
    }
  }

  /** The round's fan-out (running or ended), null before it started. */
  private static String fanoutId(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .superProcessInstanceId(execution.getProcessInstanceId())
                    .processDefinitionKey(FANOUT)
                    .list()
                    .stream()
                    .map(HistoricProcessInstance::getId)
                    .findFirst()
                    .orElse(null));
  }

  /** Whether the body's work in the fan-out has ended (and none given back is still open). */
  private static boolean answered(DelegateExecution execution, String fanoutId, String body) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              List<HistoricProcessInstance> members =
                  history
                      .createHistoricProcessInstanceQuery()
                      .processDefinitionKey(MEMBER)
                      .variableValueEquals(FANOUT_ID, fanoutId)
                      .variableValueEquals(LEAD_BODY, body)
                      .list();
              return !members.isEmpty() && members.stream().allMatch(m -> m.getEndTime() != null);
            });
  }
}
