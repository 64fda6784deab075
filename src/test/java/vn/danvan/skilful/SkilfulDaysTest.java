package vn.danvan.skilful;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The days a "Dân vận khéo" model is commended and re-evaluated on (no engine). */
class SkilfulDaysTest {

  @Test
  void commendationIsThisYearsTraditionDayUntilItIsPast() {
    assertThat(SkilfulModels.commendationDay(LocalDate.of(2020, 3, 1)))
        .isEqualTo(LocalDate.of(2020, 10, 15));
    assertThat(SkilfulModels.commendationDay(LocalDate.of(2020, 10, 15)))
        .isEqualTo(LocalDate.of(2020, 10, 15));
    assertThat(SkilfulModels.commendationDay(LocalDate.of(2020, 10, 16)))
        .isEqualTo(LocalDate.of(2021, 10, 15));
  }

  @Test
  void reEvaluationIsTheFirstOfSeptemberNextYear() {
    assertThat(SkilfulModels.reEvaluationDay(LocalDate.of(2020, 12, 31)))
        .isEqualTo(LocalDate.of(2021, 9, 1));
    assertThat(SkilfulModels.reEvaluationDay(LocalDate.of(2021, 1, 1)))
        .isEqualTo(LocalDate.of(2022, 9, 1));
  }
}
