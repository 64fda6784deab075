package vn.danvan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.danvan.evaluation.Evaluations.YearDues;

/** A year's deadlines from its self-assessment deadline (no engine). */
class YearDuesTest {

  @Test
  void reviewFollowsTheSelfAssessmentAndApprovalFifteenDaysLater() {
    YearDues dues = YearDues.of(LocalDate.of(2016, 12, 10), 20);

    assertThat(dues.selfAssessment()).isEqualTo(LocalDate.of(2016, 12, 10));
    assertThat(dues.review()).isEqualTo(LocalDate.of(2016, 12, 30));
    assertThat(dues.approval()).isEqualTo(LocalDate.of(2017, 1, 14));
  }

  @Test
  void noReviewDaysMeansReviewOnTheSameDay() {
    YearDues dues = YearDues.of(LocalDate.of(2020, 2, 14), 0);

    assertThat(dues.review()).isEqualTo(LocalDate.of(2020, 2, 14));
    assertThat(dues.approval()).isEqualTo(LocalDate.of(2020, 2, 29));
  }
}
