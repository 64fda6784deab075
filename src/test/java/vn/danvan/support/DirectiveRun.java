package vn.danvan.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import vn.danvan.deadline.Deadlines;

/**
 * Lives a directive through with the engine clock: at each moment every body answers at once
 * whatever it was given (a report, an approval, a conclusion), then the clock moves to the next
 * timer. Records every task as it appears: who got what, when, due when.
 */
public final class DirectiveRun {

  /** The blocks a directive calls: run by its tests, their coverage judged by the blocks' own. */
  public static final String[] BLOCKS = {"assignment", "fanout", "fanoutChunk", "fanoutMember",
      "chaseNotice", "periodicReport", "reviewMilestone", "thangDanVan", "annualEvaluation",
      "bodyEvaluation", "skilfulQuota"};


  /** A task as a body received it. */
  public record Received(String task, String body, String content, LocalDate given,
      LocalDate due) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Received> received = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  public static void at(String vietnamTime) {
    ClockUtil.setCurrentTime(Date.from(
        LocalDateTime.parse(vietnamTime).atZone(Deadlines.ZONE).toInstant()));
  }

  public List<Received> received() {
    return received;
  }

  /** Runs until the directive ends, or fails after {@code maxSteps} timers. */
  public void untilEnded(ProcessInstance directive, int maxSteps) {
    for (int step = 0; step < maxSteps; step++) {
      answerEverything();
      if (historyService().createHistoricProcessInstanceQuery()
          .processInstanceId(directive.getId()).finished().count() == 1) {
        return;
      }
      Job next = managementService().createJobQuery().timers().orderByJobDuedate().asc()
          .listPage(0, 1).stream().findFirst().orElseThrow(() -> new AssertionError(
              "the directive waits for nothing: " + runtimeService().createExecutionQuery()
                  .processInstanceId(directive.getId()).list()));
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      managementService().executeJob(next.getId());
    }
    throw new AssertionError("not ended after " + maxSteps + " timers");
  }

  /** Every body answers everything open now (asynchronous work first). */
  public void answerEverything() {
    boolean more = true;
    while (more) {
      more = false;
      for (Job job : managementService().createJobQuery().messages().list()) {
        managementService().executeJob(job.getId());
        more = true;
      }
      for (Task task : taskService().createTaskQuery().list()) {
        record(task);
        taskService().complete(task.getId(), answer(task));
        more = true;
      }
    }
  }

  private void record(Task task) {
    if (!seen.add(task.getId())) {
      return;
    }
    String body = taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).findFirst().orElse(null);
    boolean work = Set.of("Task_Perform", "Task_AcknowledgeChase", "Task_SelfAssess")
        .contains(task.getTaskDefinitionKey());
    Object content = runtimeService().getVariable(task.getProcessInstanceId(),
        work ? "taskContent" : "periodLabel");
    received.add(new Received(task.getTaskDefinitionKey(), body,
        content == null ? null : content.toString(), day(task.getCreateTime().toInstant()),
        task.getDueDate() == null ? null : day(task.getDueDate().toInstant())));
  }

  /** An evaluation sheet with 9/10 of every criterion's points, no bonus or penalty. */
  private static Object scored(Task task, String field) {
    try {
      ArrayNode rows = (ArrayNode) JSON.readTree(
          taskService().getVariable(task.getId(), "assessment").toString());
      rows.forEach(row -> ((ObjectNode) row).put(field, row.get("kind").asText().equals("CRITERION")
          ? row.get("maxPoints").asDouble() * 0.9 : 0).put("evidence", "Báo cáo số 01/BC"));
      return SpinValues.jsonValue(rows.toString()).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(Deadlines.ZONE).toLocalDate();
  }

  private static Map<String, Object> answer(Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "Task_Perform" -> Map.of("requestExtension", false,
          "resultReport", "Đã thực hiện, có số liệu cụ thể kèm theo");
      case "Task_Contribute" -> Map.of("contribution", "Đã phối hợp thực hiện");
      case "Task_ApproveResult" -> Map.of("approved", true);
      case "Task_ConfirmResult" -> Map.of("confirmed", true);
      case "Task_Consolidate" -> Map.of("periodSummary", "Tổng hợp báo cáo các đơn vị");
      case "Task_Conclude" -> Map.of("periodConclusion", "Kết luận của lãnh đạo");
      case "Task_ConcludeReview" -> Map.of("reviewConclusion", "Kết luận tổng kết");
      case "Task_AcknowledgeChase" -> Map.of("chaseResponse", "Đã tiếp nhận, khắc phục");
      case "Task_SelfAssess" -> Map.of("assessment", scored(task, "score"));
      case "Task_ReviewScores" -> Map.of("assessment", scored(task, "reviewedScore"),
          "returnForCorrection", false);
      case "Task_ApproveRanking" -> Map.of("rankingApproved", true);
      default -> throw new AssertionError("no answer for " + task.getTaskDefinitionKey());
    };
  }
}
