package vn.danvan.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
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

  private WorkVariables() {}

  static LocalDate deadline(Map<String, Object> v) {
    return v.get("deadline") instanceof String d && !d.isBlank() ? LocalDate.parse(d) : null;
  }

  /** An assignment a fan-out member handed over to: the member is the record, count it once. */
  static boolean handedOver(String kind, Map<String, Object> v) {
    return "assignment".equals(kind) && Boolean.TRUE.equals(v.get("answeredAhead"));
  }

  static Instant instant(Object value) {
    return value instanceof Date d ? d.toInstant() : null;
  }

  /** Its derived status at {@code at}. */
  static WorkStatus status(Map<String, Object> v, Deadlines deadlines, Instant at) {
    LocalDate deadline = deadline(v);
    return WorkStatus.of(new WorkStatus.Facts(
        deadline == null ? null : deadlines.endOfDate(deadline).toInstant(),
        instant(v.get("submittedAt")), instant(v.get("confirmedAt")),
        Boolean.TRUE.equals(v.get("returnedSinceSubmission"))), at, WorkStatus.DUE_SOON_WINDOW);
  }
}
