package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.LEAD_BODY;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.EngineConnection;

/**
 * A body's track record for a year, from the engine's history: the work it led that fell due in the
 * year (assignments and fan-out members; a member handed over to a full assignment counts once),
 * each judged by {@link WorkStatus}, and how often it was chased. The figures the annual evaluation
 * shows its reviewer.
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
  public record Figures(
      String body, int year, int due, int onTime, int late, int overdue, int chases) {

    /** Share done on time among the work that is done or overdue, in percent; null if none. */
    public Integer onTimeRate() {
      int judged = onTime + late + overdue;
      return judged == 0 ? null : Math.round(100f * onTime / judged);
    }

    public String summary() {
      Integer rate = onTimeRate();
      return "Năm "
          + year
          + ": "
          + due
          + " nhiệm vụ đến hạn; đúng hạn "
          + onTime
          + ", trễ hạn "
          + late
          + ", quá hạn chưa xong "
          + overdue
          + (rate == null ? "" : "; tỷ lệ đúng hạn " + rate + "%")
          + "; bị đôn đốc "
          + chases
          + " lần";
    }
  }

  /**
   * Every piece of work a body led and every chase notice it got, with the variables that judge
   * them, in one query: through the partial index {@code DANVAN_IDX_HI_VAR_LEAD_BODY} on PostgreSQL
   * ({@code left(TEXT_, 100)} of the {@code leadBody} rows). Camunda's own query ({@code
   * variableValueEquals("leadBody", body)}) scanned every history variable by name: 31 ms per body,
   * then 160 ms for the second query, in the five years of W3; this one 2 ms.
   */
  static final String SQL =
      """
      select v.PROC_INST_ID_, lead.PROC_DEF_KEY_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_
      from ACT_HI_VARINST lead
        join ACT_HI_VARINST v on v.PROC_INST_ID_ = lead.PROC_INST_ID_
      where lead.NAME_ = '%s' and left(lead.TEXT_, 100) = ? and lead.TEXT_ = ?
        and (lead.STATE_ is null or lead.STATE_ = 'CREATED')
        and lead.PROC_DEF_KEY_ in ('assignment', 'fanoutMember', 'chaseNotice')
        and v.NAME_ in (%s)
        and (v.STATE_ is null or v.STATE_ = 'CREATED')
      """
          .formatted(LEAD_BODY, WorkVariables.sqlList(WorkVariables.JUDGED_BY));

  /** The figures of {@code body} in {@code year}; inside an engine command (on its connection). */
  public Figures of(String body, int year) {
    Map<String, String> kindOf = new HashMap<>();
    Map<String, Map<String, Object>> vars = new HashMap<>();
    try (PreparedStatement query = EngineConnection.current().prepareStatement(SQL)) {
      query.setString(1, body.length() > 100 ? body.substring(0, 100) : body);
      query.setString(2, body);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          BoardStore.put(rows, kindOf, vars);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Không đọc được kết quả thực hiện của " + body + ": " + e.getMessage(), e);
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
        default -> {}
      }
    }
    return new Figures(body, year, due, onTime, late, overdue, chases);
  }
}
