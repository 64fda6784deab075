package vn.danvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The digest's times from a server clock in UTC: 07:30 in Asia/Ho_Chi_Minh (00:30 UTC), Monday to
 * Friday, the weekend skipped, whatever day it is in UTC.
 */
class DigestScheduleTest {

  private final DigestSchedule schedule = new DigestSchedule(LocalTime.of(7, 30));

  private static Instant utc(String at) {
    return Clock.fixed(Instant.parse(at), ZoneOffset.UTC).instant();
  }

  private Instant next(String utc) {
    return schedule.next(utc(utc)).toInstant();
  }

  @Test
  void aWorkingDayIsSentAtHalfPastSevenVietnamTime() {
    // Monday 7 December 2026, 07:29 in Vietnam
    assertThat(next("2026-12-07T00:29:00Z")).isEqualTo("2026-12-07T00:30:00Z");
    assertThat(schedule.next(utc("2026-12-07T00:29:00Z")).toString())
        .isEqualTo("2026-12-07T07:30+07:00[Asia/Ho_Chi_Minh]");
  }

  @Test
  void atTheDigestTimeTheNextIsTheNextWorkingDay() {
    assertThat(next("2026-12-07T00:30:00Z")).isEqualTo("2026-12-08T00:30:00Z");
    assertThat(next("2026-12-09T05:00:00Z")).isEqualTo("2026-12-10T00:30:00Z");
  }

  @Test
  void theWeekendIsSkipped() {
    // Friday after 07:30, Saturday, Sunday: Monday 14 December
    assertThat(next("2026-12-11T01:00:00Z")).isEqualTo("2026-12-14T00:30:00Z");
    assertThat(next("2026-12-12T10:00:00Z")).isEqualTo("2026-12-14T00:30:00Z");
    assertThat(next("2026-12-13T20:00:00Z")).isEqualTo("2026-12-14T00:30:00Z");
  }

  @Test
  void theDayIsVietnamsNotUtcs() {
    // Sunday 23:00 UTC is Monday 06:00 in Vietnam: Monday's digest, not Tuesday's
    assertThat(next("2026-12-06T23:00:00Z")).isEqualTo("2026-12-07T00:30:00Z");
    // Friday 17:00 UTC is Saturday 00:00 in Vietnam: no digest before Monday
    assertThat(next("2026-12-11T17:00:00Z")).isEqualTo("2026-12-14T00:30:00Z");
    // Friday 00:00 UTC is Friday 07:00 in Vietnam: Friday's digest, half an hour later
    assertThat(next("2026-12-11T00:00:00Z")).isEqualTo("2026-12-11T00:30:00Z");
  }

  @Test
  void theLastDigestTimeOfAMondayMorningIsFridays() {
    assertThat(schedule.previous(utc("2026-12-06T23:00:00Z")).toInstant())
        .isEqualTo("2026-12-04T00:30:00Z");
    assertThat(schedule.previous(utc("2026-12-07T00:30:00Z")).toInstant())
        .isEqualTo("2026-12-07T00:30:00Z");
  }

  @Test
  void theTimeOfDayIsASetting() {
    DigestSchedule afternoon = new DigestSchedule(LocalTime.of(16, 0));
    assertThat(afternoon.next(utc("2026-12-07T08:59:00Z")).toInstant())
        .isEqualTo("2026-12-07T09:00:00Z");
  }
}
