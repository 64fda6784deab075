package vn.danvan.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * The status of a piece of assigned work, always derived from dates and events, never typed in: the
 * 2×2 of government reports (done on time / late, open within / past the deadline) plus the usual
 * extras.
 */
public enum WorkStatus {
  DONE_ON_TIME("Đã hoàn thành đúng hạn"),
  DONE_LATE("Đã hoàn thành quá hạn"),
  OPEN_ON_TRACK("Chưa hoàn thành – trong hạn"),
  DUE_SOON("Sắp đến hạn"),
  OPEN_OVERDUE("Chưa hoàn thành – quá hạn"),
  NO_DEADLINE("Không thời hạn"),
  AWAITING_CONFIRMATION("Chờ xác nhận"),
  RETURNED("Trả lại – thực hiện lại");

  /** Default "sắp đến hạn" window. */
  public static final Duration DUE_SOON_WINDOW = Duration.ofDays(3);

  private final String label;

  WorkStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * What is known of one piece of work.
   *
   * @param deadline the approved deadline (after any extension), or null for none
   * @param submittedAt when the lead body last submitted its result, or null
   * @param confirmedAt when the monitoring body confirmed that result, or null while open
   * @param returnedSinceSubmission the last submission was returned and not yet resubmitted
   */
  public record Facts(
      Instant deadline,
      Instant submittedAt,
      Instant confirmedAt,
      boolean returnedSinceSubmission) {}

  /**
   * Derives the status at {@code now}. Done work is judged by its last, accepted submission: a
   * result returned and resubmitted after the deadline is late.
   */
  public static WorkStatus of(Facts facts, Instant now, Duration dueSoon) {
    if (facts.confirmedAt() != null) {
      Instant done = facts.submittedAt() != null ? facts.submittedAt() : facts.confirmedAt();
      return facts.deadline() == null || !done.isAfter(facts.deadline()) ? DONE_ON_TIME : DONE_LATE;
    }
    if (facts.returnedSinceSubmission()) {
      return RETURNED;
    }
    if (facts.submittedAt() != null) {
      return AWAITING_CONFIRMATION;
    }
    if (facts.deadline() == null) {
      return NO_DEADLINE;
    }
    if (now.isAfter(facts.deadline())) {
      return OPEN_OVERDUE;
    }
    return now.plus(dueSoon).isAfter(facts.deadline()) ? DUE_SOON : OPEN_ON_TRACK;
  }
}
