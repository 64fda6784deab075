package vn.danvan.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** A round's dates and what its bodies are asked, from plain values (no engine). */
class PeriodicReportsTest {

  private static final LocalDate DUE = LocalDate.of(2016, 6, 15);

  @Test
  void theRoundOpensItsWindowBeforeTheDueDayAtVietnameseMidnight() {
    assertThat(PeriodicReports.opensAt(DUE, 15))
        .isEqualTo(Date.from(Instant.parse("2016-05-30T17:00:00Z")));
    assertThat(PeriodicReports.opensAt(DUE, 0))
        .isEqualTo(Date.from(Instant.parse("2016-06-14T17:00:00Z")));
  }

  @Test
  void theConsolidatingBodyCompilesTheDayAfterTheDueDay() {
    assertThat(PeriodicReports.compileAt(DUE))
        .isEqualTo(Date.from(Instant.parse("2016-06-15T17:00:00Z")));
    assertThat(PeriodicReports.compileAt(LocalDate.of(2016, 12, 31)))
        .isEqualTo(Date.from(Instant.parse("2016-12-31T17:00:00Z")));
  }

  @Test
  void theBodiesAreAskedForThePeriodsReportOnTheContent() {
    assertThat(PeriodicReports.periodTask("Quý II/2016", "Kết quả công tác dân vận"))
        .isEqualTo("Báo cáo Quý II/2016: Kết quả công tác dân vận");
  }
}
