package vn.danvan.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.input.InvalidInputException;

class ReportPeriodTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026    | Năm 2026                | 2026-01-01 | 2026-12-31
          2026-h1 | 6 tháng đầu năm 2026    | 2026-01-01 | 2026-06-30
          2026-H2 | 6 tháng cuối năm 2026   | 2026-07-01 | 2026-12-31
          2026-Q1 | Quý I/2026              | 2026-01-01 | 2026-03-31
          2026-Q3 | Quý III/2026            | 2026-07-01 | 2026-09-30
          2026-Q4 | Quý IV/2026             | 2026-10-01 | 2026-12-31
          """)
  void periodsCoverTheirDays(String code, String label, LocalDate from, LocalDate to) {
    ReportPeriod period = ReportPeriod.parse(code);
    assertThat(period.label()).isEqualTo(label);
    assertThat(period.from()).isEqualTo(from);
    assertThat(period.to()).isEqualTo(to);
    assertThat(period.contains(from)).isTrue();
    assertThat(period.contains(to)).isTrue();
    assertThat(period.contains(from.minusDays(1))).isFalse();
    assertThat(period.contains(to.plusDays(1))).isFalse();
    assertThat(period.contains(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-Q5", "26", "2026-H3", "quý 4", ""})
  void otherCodesAreRefused(String code) {
    assertThatThrownBy(() -> ReportPeriod.parse(code))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(ky)");
  }
}
