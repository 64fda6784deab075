package vn.danvan.tracking;

import static java.util.stream.Collectors.joining;
import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.CONFIRMED_AT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.RETURNED_SINCE_SUBMISSION;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.danvan.deadline.Deadlines;

/**
 * A piece of work as its instance's variables tell it (assignments and fan-out members), read the
 * same way by the board, the track records and the metrics.
 */
final class WorkVariables {

  /** The models whose instances are pieces of work, and the chase notices about them. */
  static final Set<String> WORK = Set.of("assignment", "fanoutMember");

  static final String CHASE = "chaseNotice";

  /** The variables that judge a piece of work (its status, whose it is, whether it counts). */
  static final List<String> JUDGED_BY =
      List.of(
          LEAD_BODY,
          DEADLINE,
          SUBMITTED_AT,
          CONFIRMED_AT,
          RETURNED_SINCE_SUBMISSION,
          ANSWERED_AHEAD);

  private WorkVariables() {}

  /** Names as an SQL list: {@code 'leadBody', 'deadline'}. */
  static String sqlList(Collection<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(joining(", "));
  }

  static LocalDate deadline(Map<String, Object> v) {
    return v.get(DEADLINE) instanceof String d && !d.isBlank() ? LocalDate.parse(d) : null;
  }

  /** An assignment a fan-out member handed over to: the member is the record, count it once. */
  static boolean handedOver(String kind, Map<String, Object> v) {
    return "assignment".equals(kind) && Boolean.TRUE.equals(v.get(ANSWERED_AHEAD));
  }

  static Instant instant(Object value) {
    return value instanceof Date d ? d.toInstant() : null;
  }

  /** Its derived status at {@code at}. */
  static WorkStatus status(Map<String, Object> v, Deadlines deadlines, Instant at) {
    LocalDate deadline = deadline(v);
    return WorkStatus.of(
        new WorkStatus.Facts(
            deadline == null ? null : deadlines.endOfDate(deadline).toInstant(),
            instant(v.get(SUBMITTED_AT)),
            instant(v.get(CONFIRMED_AT)),
            Boolean.TRUE.equals(v.get(RETURNED_SINCE_SUBMISSION))),
        at,
        WorkStatus.DUE_SOON_WINDOW);
  }
}
