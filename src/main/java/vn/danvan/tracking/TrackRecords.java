package vn.danvan.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;

/**
 * A body's track record for a year, from the engine's history: the work it led that fell due in
 * the year (assignments and fan-out members; a member handed over to a full assignment counts
 * once), each judged by {@link WorkStatus}, and how often it was chased. The figures the annual
 * evaluation shows its reviewer.
 */
@Component
public class TrackRecords {

  private final Deadlines deadlines;

  public TrackRecords(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  /**
   * Figures of one body and year.
   *
   * @param due pieces of work due in the year
   * @param onTime done on time; {@code late} done after the deadline
   * @param overdue still open past the deadline at the end of the year (or now)
   */
  public record Figures(String body, int year, int due, int onTime, int late, int overdue,
      int chases) {

    /** Share done on time among the work that is done or overdue, in percent; null if none. */
    public Integer onTimeRate() {
      int judged = onTime + late + overdue;
      return judged == 0 ? null : Math.round(100f * onTime / judged);
    }

    public String summary() {
      Integer rate = onTimeRate();
      return "Năm " + year + ": " + due + " nhiệm vụ đến hạn; đúng hạn " + onTime + ", trễ hạn "
          + late + ", quá hạn chưa xong " + overdue
          + (rate == null ? "" : "; tỷ lệ đúng hạn " + rate + "%") + "; bị đôn đốc " + chases
          + " lần";
    }
  }

  public Figures of(HistoryService history, String body, int year) {
    Map<String, String> kindOf = new HashMap<>();
    for (HistoricVariableInstance lead : history.createHistoricVariableInstanceQuery()
        .variableValueEquals("leadBody", body).list()) {
      String key = lead.getProcessDefinitionKey();
      if (WorkVariables.WORK.contains(key) || WorkVariables.CHASE.equals(key)) {
        kindOf.put(lead.getProcessInstanceId(), key);
      }
    }
    if (kindOf.isEmpty()) {
      return new Figures(body, year, 0, 0, 0, 0, 0);
    }
    Map<String, Map<String, Object>> vars = new HashMap<>();
    List<String> ids = new ArrayList<>(kindOf.keySet());
    for (int i = 0; i < ids.size(); i += 500) {
      history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.subList(i, Math.min(ids.size(), i + 500)).toArray(String[]::new))
          .variableNameIn("deadline", "submittedAt", "confirmedAt", "returnedSinceSubmission",
              "answeredAhead")
          .list().forEach(v -> vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
              .put(v.getName(), v.getValue()));
    }
    Instant endOfYear = deadlines.endOfDate(LocalDate.of(year, 12, 31)).toInstant();
    Instant now = deadlines.now().toInstant();
    Instant at = now.isBefore(endOfYear) ? now : endOfYear;
    int due = 0;
    int onTime = 0;
    int late = 0;
    int overdue = 0;
    int chases = 0;
    for (Map.Entry<String, String> instance : kindOf.entrySet()) {
      Map<String, Object> v = vars.getOrDefault(instance.getKey(), Map.of());
      LocalDate deadline = WorkVariables.deadline(v);
      if (deadline == null || deadline.getYear() != year) {
        continue;
      }
      if (WorkVariables.CHASE.equals(instance.getValue())) {
        chases++;
        continue;
      }
      if (WorkVariables.handedOver(instance.getValue(), v)) {
        continue;
      }
      due++;
      WorkStatus status = WorkVariables.status(v, deadlines, at);
      switch (status) {
        case DONE_ON_TIME -> onTime++;
        case DONE_LATE -> late++;
        case OPEN_OVERDUE -> overdue++;
        default -> { }
      }
    }
    return new Figures(body, year, due, onTime, late, overdue, chases);
  }
}
