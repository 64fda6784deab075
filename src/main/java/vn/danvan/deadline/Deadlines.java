package vn.danvan.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.danvan.platform.Inputs;

/**
 * Deadline arithmetic for the models, always in Vietnam's zone whatever the server's zone is.
 *
 * <p>Used from BPMN expressions as {@code ${deadlines.endOfDay(deadline)}}. "Now" is the engine's
 * clock ({@link ClockUtil}) so process tests can move time.
 */
@Component("deadlines")
public class Deadlines {

  /** Giờ Việt Nam: every date in a directive means this zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** The last instant of a calendar day in Vietnam (23:59:59), as the engine wants it. */
  public Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
  }

  /**
   * The last instant of a day given as an ISO date ({@code 2016-08-31}), or {@code null} for a
   * task without a deadline (blank input).
   *
   * @throws IllegalArgumentException with a Vietnamese message quoting the input when it is not
   *     a date
   */
  public Date endOfDay(String isoDay) {
    if (isoDay == null || isoDay.isBlank()) {
      return null;
    }
    try {
      return endOfDay(LocalDate.parse(isoDay.trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Hạn \"" + isoDay + "\" không phải ngày hợp lệ (định dạng yyyy-MM-dd)", e);
    }
  }

  /** The end of the day {@code days} after an ISO date ({@code periodDue} + 7 days…). */
  public Date endOfDayAfter(String isoDay, int days) {
    return endOfDay(LocalDate.parse(isoDay.trim()).plusDays(days));
  }

  /**
   * The directive's issue date ({@code issuedDate}, yyyy-MM-dd), against which its wording is
   * read; today when not given.
   */
  public LocalDate issuedDate(VariableScope vars) {
    LocalDate given = Inputs.date(vars, "issuedDate", "Ngày ban hành");
    return given == null ? today() : given;
  }

  /** Today's date in Vietnam according to the engine clock. */
  public LocalDate today() {
    return now().toLocalDate();
  }

  /** Now, by the engine clock, as the engine stores instants. */
  public Date nowAsDate() {
    return ClockUtil.getCurrentTime();
  }

  /** Now in Vietnam according to the engine clock. */
  public ZonedDateTime now() {
    return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }
}
