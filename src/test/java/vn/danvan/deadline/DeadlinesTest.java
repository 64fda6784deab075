package vn.danvan.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlinesTest {

  private final Deadlines deadlines = new Deadlines();
  private final TimeZone original = TimeZone.getDefault();

  @AfterEach
  void restore() {
    TimeZone.setDefault(original);
    ClockUtil.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Ho_Chi_Minh"})
  void endOfDayIsVietnameseMidnightWhateverTheServerZone(String serverZone) {
    TimeZone.setDefault(TimeZone.getTimeZone(serverZone));

    // 31/8/2016 23:59:59 in Hà Nội is 16:59:59 UTC (UTC+7, no daylight saving)
    assertThat(deadlines.endOfDay("2016-08-31"))
        .isEqualTo(Date.from(Instant.parse("2016-08-31T16:59:59Z")));
    assertThat(deadlines.endOfDate(LocalDate.of(2020, 12, 31)))
        .isEqualTo(Date.from(Instant.parse("2020-12-31T16:59:59Z")));
  }

  @Test
  void todayFollowsTheEngineClockInVietnam() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    // 18:00 UTC on 31/12/2019 is already 1/1/2020 01:00 in Vietnam
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2019-12-31T18:00:00Z")));

    assertThat(deadlines.today()).isEqualTo(LocalDate.of(2020, 1, 1));
    assertThat(deadlines.now().getHour()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void noDeadlineIsNull(String blank) {
    assertThat(deadlines.endOfDay(blank)).isNull();
    assertThat(deadlines.endOfDay(null)).isNull();
  }

  @Test
  void dailyChecksRunAtTheNextMidnightInVietnam() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    // 16:59:59 UTC is 23:59:59 in Vietnam: the next midnight is a second away
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2016-08-31T16:59:59Z")));
    assertThat(deadlines.startOfNextDay())
        .isEqualTo(Date.from(Instant.parse("2016-08-31T17:00:00Z")));
    // at midnight itself, the next one
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2016-08-31T17:00:00Z")));
    assertThat(deadlines.startOfNextDay())
        .isEqualTo(Date.from(Instant.parse("2016-09-01T17:00:00Z")));
  }

  @Test
  void badDateIsRejectedWithTheInputQuoted() {
    assertThatThrownBy(() -> deadlines.endOfDay("31/8/2016"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"31/8/2016\"")
        .hasMessageContaining("yyyy-MM-dd");
  }

  @Test
  void aPhraseIsReadAsOfItsIssueDate() {
    assertThat(Deadlines.read("trong tháng 8/2016", LocalDate.of(2016, 5, 20), 0))
        .isEqualTo(new Schedule.Once(LocalDate.of(2016, 8, 1), LocalDate.of(2016, 8, 31)));
  }

  @Test
  void aReplayedPhraseIsReadAsOfItsOwnIssueDateAndMovedOn() {
    // a 2016 text run ten years later: issued (by this run) 20/5/2026, asks for August 2026
    assertThat(Deadlines.read("trong tháng 8/2016", LocalDate.of(2026, 5, 20), 10))
        .isEqualTo(new Schedule.Once(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh"})
  void aDayStartsAtVietnameseMidnightWhateverTheServerZone(String serverZone) {
    TimeZone.setDefault(TimeZone.getTimeZone(serverZone));

    assertThat(Deadlines.startOf(LocalDate.of(2020, 7, 1)))
        .isEqualTo(Date.from(Instant.parse("2020-06-30T17:00:00Z")));
  }
}
