package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.CONFIRMED_AT;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads what the board needs of a directive's work in one query over the engine's history tables
 * (process instances by business key, their few variables), instead of loading thousands of history
 * entities through the engine's API: the board of a province (4,000 pieces of work per directive)
 * otherwise took about half a second. The tables are Camunda 7's (and Operaton's); read-only.
 */
@Component
public class BoardStore {

  /** What the board needs to show a report's figures: its round, declaration and period. */
  static final List<String> FIGURE_NAMES = List.of(FANOUT_ID, REPORT_FIGURES, PERIOD_LABEL);

  /**
   * The directive's assignments and fan-out members, and the chase notices about them: those an
   * assignment called, or a fan-out started (they name it in {@code fanoutId}). Not the chases of a
   * yearly quota or of an evaluation sheet, which share the business key but are not work on the
   * board.
   */
  static final String SQL =
      """
      select v.PROC_INST_ID_, p.PROC_DEF_KEY_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_
      from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.ID_
      where p.BUSINESS_KEY_ = ?
        and p.PROC_DEF_KEY_ in ('assignment', 'fanoutMember', 'chaseNotice')
        and v.NAME_ in ('%s', %s, %s)
        and (v.STATE_ is null or v.STATE_ = 'CREATED')
        and (p.PROC_DEF_KEY_ <> 'chaseNotice'
             or exists (select 1 from ACT_HI_PROCINST caller
                        where caller.ID_ = p.SUPER_PROCESS_INSTANCE_ID_
                          and caller.PROC_DEF_KEY_ = 'assignment')
             or exists (select 1 from ACT_HI_VARINST fanout
                        where fanout.PROC_INST_ID_ = p.ID_ and fanout.NAME_ = '%s'))
      """
          .formatted(
              TASK_CONTENT,
              WorkVariables.sqlList(WorkVariables.JUDGED_BY),
              WorkVariables.sqlList(FIGURE_NAMES),
              FANOUT_ID);

  /**
   * The figures the bodies reported (one JSON value per member, stored as bytes), only for the
   * members whose report asks for them.
   */
  static final String FIGURES_SQL =
      """
      select v.PROC_INST_ID_, b.BYTES_
      from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.ID_
        join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_
      where p.BUSINESS_KEY_ = ? and p.PROC_DEF_KEY_ = 'fanoutMember' and v.NAME_ = '%s'
        and (v.STATE_ is null or v.STATE_ = 'CREATED')
      """
          .formatted(REPORTED_FIGURES);

  /**
   * What judges the work under some directives that no one has submitted or confirmed (no date in
   * {@code submittedAt} or {@code confirmedAt}): the only work that can be overdue. The directives'
   * numbers replace {@code %s} as placeholders.
   */
  static final String UNSUBMITTED_SQL =
      """
      select v.PROC_INST_ID_, p.PROC_DEF_KEY_, v.NAME_, v.VAR_TYPE_, v.TEXT_, v.LONG_,
        p.BUSINESS_KEY_
      from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.ID_
      where p.BUSINESS_KEY_ in (%%s)
        and p.PROC_DEF_KEY_ in ('assignment', 'fanoutMember')
        and v.NAME_ in (%s)
        and (v.STATE_ is null or v.STATE_ = 'CREATED')
        and not exists (select 1 from ACT_HI_VARINST done
                        where done.PROC_INST_ID_ = p.ID_ and done.NAME_ in ('%s', '%s')
                          and done.VAR_TYPE_ = 'date' and done.LONG_ is not null
                          and (done.STATE_ is null or done.STATE_ = 'CREATED'))
      """
          .formatted(WorkVariables.sqlList(WorkVariables.JUDGED_BY), SUBMITTED_AT, CONFIRMED_AT);

  private final JdbcTemplate jdbc;

  public BoardStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Fills {@code kinds} (instance → definition key) and {@code vars} (instance → name → value). */
  void read(String directive, Map<String, String> kinds, Map<String, Map<String, Object>> vars) {
    jdbc.query(SQL, (RowCallbackHandler) row -> put(row, kinds, vars), directive);
  }

  /**
   * Fills {@code kinds} (instance → definition key), {@code directives} (instance → directive) and
   * {@code vars} of the work under {@code numbers} that no one submitted or confirmed.
   */
  void readUnsubmitted(
      List<String> numbers,
      Map<String, String> kinds,
      Map<String, String> directives,
      Map<String, Map<String, Object>> vars) {
    if (numbers.isEmpty()) {
      return;
    }
    String placeholders = String.join(", ", java.util.Collections.nCopies(numbers.size(), "?"));
    jdbc.query(
        UNSUBMITTED_SQL.formatted(placeholders),
        (RowCallbackHandler)
            row -> {
              put(row, kinds, vars);
              directives.put(row.getString(1), row.getString(7));
            },
        numbers.toArray());
  }

  /** The figures reported under the directive: member instance → JSON text. */
  Map<String, String> readFigures(String directive) {
    Map<String, String> figures = new HashMap<>();
    jdbc.query(
        FIGURES_SQL,
        (RowCallbackHandler)
            row -> {
              byte[] bytes = row.getBytes(2);
              if (bytes != null) {
                figures.put(row.getString(1), new String(bytes, StandardCharsets.UTF_8));
              }
            },
        directive);
    return figures;
  }

  /** One row of {@link #SQL} or {@link TrackRecords#SQL} into {@code kinds} and {@code vars}. */
  static void put(ResultSet row, Map<String, String> kinds, Map<String, Map<String, Object>> vars)
      throws SQLException {
    String id = row.getString(1);
    kinds.put(id, row.getString(2));
    String type = row.getString(4);
    Object value =
        switch (type == null ? "" : type) {
          case "date" -> row.getObject(6) == null ? null : new Date(row.getLong(6));
          case "boolean" -> row.getObject(6) == null ? null : row.getLong(6) == 1;
          case "integer", "long" -> row.getObject(6) == null ? null : row.getLong(6);
          default -> row.getString(5);
        };
    vars.computeIfAbsent(id, k -> new HashMap<>()).put(row.getString(3), value);
  }
}
