package vn.danvan.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import vn.danvan.deadline.Deadlines;

/**
 * When the daily digest goes out: once per Vietnamese working day (Monday to Friday) at a time of
 * day in Asia/Ho_Chi_Minh, whatever the server's zone. Saturday's and Sunday's work rolls into
 * Monday's digest.
 *
 * @param at the time of day, Vietnam time (default 07:30)
 */
public record DigestSchedule(LocalTime at) {

  /** The first digest time strictly after {@code instant}. */
  public ZonedDateTime next(Instant instant) {
    LocalDate day = instant.atZone(Deadlines.ZONE).toLocalDate();
    ZonedDateTime slot = slotOn(day);
    while (!slot.toInstant().isAfter(instant) || !workingDay(slot.toLocalDate())) {
      day = day.plusDays(1);
      slot = slotOn(day);
    }
    return slot;
  }

  /** The last digest time at or before {@code instant}. */
  public ZonedDateTime previous(Instant instant) {
    LocalDate day = instant.atZone(Deadlines.ZONE).toLocalDate();
    ZonedDateTime slot = slotOn(day);
    while (slot.toInstant().isAfter(instant) || !workingDay(slot.toLocalDate())) {
      day = day.minusDays(1);
      slot = slotOn(day);
    }
    return slot;
  }

  static boolean workingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  private ZonedDateTime slotOn(LocalDate day) {
    return day.atTime(at).atZone(Deadlines.ZONE);
  }
}
