package vn.danvan.periodic;

import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.periodic.PeriodicVariables.CONSOLIDATING_BODY;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_DUE;
import static vn.danvan.periodic.PeriodicVariables.PERIOD_TASK;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.RECIPIENT_BODY;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;

import java.text.Collator;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.document.ReportAttachments;
import vn.danvan.fanout.Fanouts;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.ReportFigures;

/**
 * The draft of a period's consolidated report, read from the engine for the compile task ({@code
 * Task_Consolidate} of {@code reportPeriod.bpmn}): each body's last answer in the period's fan-out
 * (its report, its figures, when it was sent and whether after the due day), the bodies still
 * missing, and the files to list ({@link ReportAttachments}, when a store provides them).
 */
@Component
public class ConsolidatedReports {

  static final String COMPILE_TASK = "Task_Consolidate";
  static final String PERIOD_PROCESS = "reportPeriod";
  private static final String FANOUT = "fanout";
  private static final String MEMBER = "fanoutMember";

  private final ProcessEngine engine;
  private final OrgRegistry registry;
  private final Fanouts fanouts;
  private final Deadlines deadlines;
  private final ObjectProvider<ReportAttachments> attachments;
  private final String place;

  public ConsolidatedReports(
      ProcessEngine engine,
      OrgRegistry registry,
      Fanouts fanouts,
      Deadlines deadlines,
      ObjectProvider<ReportAttachments> attachments,
      @Value("${danvan.documents.place:}") String place) {
    this.engine = engine;
    this.registry = registry;
    this.fanouts = fanouts;
    this.deadlines = deadlines;
    this.attachments = attachments;
    this.place = place;
  }

  /**
   * The compile task, if the user may read it as the engine decides with the user's groups.
   *
   * @throws ReportRefused 404 when there is no such open task or it is not a compile task, 403 when
   *     the user may not read it
   */
  public Task compileTask(String user, String taskId) {
    IdentityService identity = engine.getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    try {
      identity.clearAuthentication();
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        throw new ReportRefused(
            HttpStatus.NOT_FOUND,
            "Không có việc đang mở với mã \"" + taskId + "\" (việc đã xong hoặc không tồn tại)");
      }
      List<String> groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      identity.setAuthentication(user, groups);
      if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
        throw new ReportRefused(
            HttpStatus.FORBIDDEN,
            "Bạn không có quyền xem việc này: chỉ đơn vị tổng hợp của kỳ báo cáo tải được dự thảo"
                + " báo cáo tổng hợp");
      }
      identity.clearAuthentication();
      String process =
          engine
              .getRepositoryService()
              .getProcessDefinition(task.getProcessDefinitionId())
              .getKey();
      if (!COMPILE_TASK.equals(task.getTaskDefinitionKey()) || !PERIOD_PROCESS.equals(process)) {
        throw new ReportRefused(
            HttpStatus.NOT_FOUND,
            "Việc \""
                + task.getName()
                + "\" không phải việc Tổng hợp báo cáo kỳ: chỉ việc tổng hợp của một kỳ báo cáo"
                + " định kỳ có dự thảo báo cáo tổng hợp");
      }
      return task;
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  /**
   * The draft's content for a compile task (checked by {@link #compileTask}); read without the
   * caller's authorizations: it is the period's own record.
   */
  public ConsolidatedReport of(Task task) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    IdentityService identity = engine.getIdentityService();
    Authentication before = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return configuration.getCommandExecutorTxRequired().execute(context -> read(task));
    } finally {
      if (before != null) {
        identity.setAuthentication(before);
      }
    }
  }

  private ConsolidatedReport read(Task task) {
    RuntimeService runtime = engine.getRuntimeService();
    HistoryService history = engine.getHistoryService();
    String period = task.getProcessInstanceId();
    Map<String, Object> vars =
        runtime.getVariables(
            period,
            List.of(
                PERIOD_LABEL,
                PERIOD_DUE,
                PERIOD_TASK,
                CONSOLIDATING_BODY,
                RECIPIENT_BODY,
                REPORT_FIGURES));
    ProcessInstance instance =
        runtime.createProcessInstanceQuery().processInstanceId(period).singleResult();
    String dueText = (String) vars.get(PERIOD_DUE);
    LocalDate due = dueText == null || dueText.isBlank() ? null : LocalDate.parse(dueText);
    Object declared = vars.get(REPORT_FIGURES);
    List<ReportFigures.Figure> figures =
        ReportFigures.parse(declared == null ? null : declared.toString());
    String fanoutId =
        history
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(period)
            .processDefinitionKey(FANOUT)
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .findFirst()
            .orElse(null);
    List<String> missing =
        fanoutId == null ? List.of() : fanouts.unansweredBodies(engine, fanoutId);
    List<Answer> answers = fanoutId == null ? List.of() : answers(fanoutId, Set.copyOf(missing));
    Instant dueEnd = due == null ? null : Deadlines.startOf(due.plusDays(1)).toInstant();
    Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
    List<ConsolidatedReport.BodyReport> reports = new ArrayList<>();
    for (Answer a : answers) {
      reports.add(
          new ConsolidatedReport.BodyReport(
              a.body(),
              registry.name(a.body()),
              a.text(),
              a.figures(),
              a.sent() == null
                  ? null
                  : a.sent().toInstant().atZone(Deadlines.ZONE).toLocalDateTime(),
              dueEnd != null && a.sent() != null && a.sent().toInstant().isAfter(dueEnd)));
    }
    reports.sort(Comparator.comparing(ConsolidatedReport.BodyReport::name, vietnamese));
    Map<String, Long> totals =
        ReportFigures.table(
                figures,
                reports.stream()
                    .map(r -> new ReportFigures.Row(r.body(), r.name(), r.figures()))
                    .toList())
            .totals();
    String issuer = (String) vars.get(CONSOLIDATING_BODY);
    Object recipient = vars.get(RECIPIENT_BODY);
    ReportAttachments files = attachments.getIfAvailable(() -> (taskId, answered) -> List.of());
    return new ConsolidatedReport(
        registry.name(issuer),
        code(issuer),
        place == null || place.isBlank() ? "……" : place.strip(),
        deadlines.now().toLocalDate(),
        instance.getBusinessKey(),
        String.valueOf(vars.get(PERIOD_LABEL)),
        due,
        subject((String) vars.get(PERIOD_TASK)),
        recipient == null ? null : registry.name(recipient.toString()),
        figures,
        reports,
        totals,
        missing.stream().map(registry::name).sorted(vietnamese).toList(),
        files.names(task.getId(), answers.stream().map(Answer::member).toList()));
  }

  /** A body's last ended work in the fan-out. */
  private record Answer(
      String member, String body, String text, Map<String, Long> figures, Date sent) {}

  /** Each body's last answer, leaving out the bodies still at work (a report given back). */
  private List<Answer> answers(String fanoutId, Set<String> open) {
    HistoryService history = engine.getHistoryService();
    List<HistoricProcessInstance> members =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(MEMBER)
            .variableValueEquals(FANOUT_ID, fanoutId)
            .finished()
            .list();
    if (members.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> values = new HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(
            members.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(LEAD_BODY, REPORTED_FIGURES, RESULT_REPORT, SUBMITTED_AT)
        .list()
        .forEach(
            (HistoricVariableInstance v) -> {
              if (v.getValue() != null) {
                values
                    .computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
                    .put(v.getName(), v.getValue());
              }
            });
    Map<String, HistoricProcessInstance> last = new HashMap<>();
    for (HistoricProcessInstance m : members) {
      Object body = values.getOrDefault(m.getId(), Map.of()).get(LEAD_BODY);
      if (body instanceof String id && !open.contains(id)) {
        HistoricProcessInstance before = last.get(id);
        if (before == null || m.getEndTime().after(before.getEndTime())) {
          last.put(id, m);
        }
      }
    }
    List<Answer> answers = new ArrayList<>();
    for (Map.Entry<String, HistoricProcessInstance> e : last.entrySet()) {
      Map<String, Object> v = values.get(e.getValue().getId());
      answers.add(
          new Answer(
              e.getValue().getId(),
              e.getKey(),
              v.get(RESULT_REPORT) == null ? "" : v.get(RESULT_REPORT).toString(),
              ReportFigures.stored(v.get(REPORTED_FIGURES)),
              v.get(SUBMITTED_AT) instanceof Date sent ? sent : e.getValue().getEndTime()));
    }
    return answers;
  }

  /** What the bodies were asked, without the "Báo cáo <kỳ>: " the period puts before it. */
  static String subject(String periodTask) {
    if (periodTask == null) {
      return "";
    }
    int colon = periodTask.indexOf(": ");
    return (colon >= 0 ? periodTask.substring(colon + 2) : periodTask).strip();
  }

  /** A body's code in the number, from its id: "bdvTU" → "BDVTU". */
  static String code(String body) {
    if (body == null) {
      return "";
    }
    return Normalizer.normalize(body, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z0-9]", "")
        .toUpperCase(Locale.ROOT);
  }
}
