package vn.danvan.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.deadline.Schedule.Every;
import vn.danvan.deadline.Schedule.Frequency;
import vn.danvan.deadline.Schedule.Once;
import vn.danvan.deadline.Schedule.Period;
import vn.danvan.input.InvalidInputException;

class DeadlinePhrasesTest {

  static final LocalDate BAC_GIANG_ISSUED = LocalDate.of(2016, 5, 20);

  @ParameterizedTest(name = "\"{0}\" issued {1} → {2} .. {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          trong tháng 8/2016        | 2016-05-20 | 2016-08-01 | 2016-08-31
          Trong  tháng 8/2016.      | 2016-05-20 | 2016-08-01 | 2016-08-31
          tháng 2/2016              | 2016-01-10 | 2016-02-01 | 2016-02-29
          trong tháng 2/2017        | 2016-01-10 | 2017-02-01 | 2017-02-28
          trong tháng 12/2016       | 2016-05-20 | 2016-12-01 | 2016-12-31
          trong tháng 8             | 2016-05-20 | 2016-08-01 | 2016-08-31
          trong tháng 8             | 2016-08-15 | 2016-08-01 | 2016-08-31
          trong tháng 8             | 2016-09-01 | 2017-08-01 | 2017-08-31
          trước 30/9/2016           | 2016-05-20 | 2016-05-20 | 2016-09-30
          trước ngày 30/9/2016      | 2016-05-20 | 2016-05-20 | 2016-09-30
          chậm nhất ngày 31/12/2016 | 2016-05-20 | 2016-05-20 | 2016-12-31
          trước ngày 30/9           | 2016-10-01 | 2016-10-01 | 2017-09-30
          trước ngày 30/9           | 2016-09-30 | 2016-09-30 | 2016-09-30
          quý III/2020              | 2016-05-20 | 2020-07-01 | 2020-09-30
          quý 3/2020                | 2016-05-20 | 2020-07-01 | 2020-09-30
          quý I/2021                | 2016-05-20 | 2021-01-01 | 2021-03-31
          quý IV năm 2020           | 2016-05-20 | 2020-10-01 | 2020-12-31
          từ năm 2017               | 2016-05-20 | 2016-05-20 | 2017-01-01
          thực hiện từ năm 2017     | 2016-05-20 | 2016-05-20 | 2017-01-01
          2016-08-31                | 2016-05-20 | 2016-05-20 | 2016-08-31
          P30D                      | 2016-05-20 | 2016-05-20 | 2016-06-19
          P1M                       | 2016-01-31 | 2016-01-31 | 2016-02-29
          """)
  void oneOffPhrases(String phrase, LocalDate issued, LocalDate opens, LocalDate due) {
    assertThat(DeadlinePhrases.parse(phrase, issued)).isEqualTo(new Once(opens, due));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          hằng quý                   | QUARTERLY   |       |
          hàng quý                   | QUARTERLY   |       |
          6 tháng                    | HALF_YEARLY |       |
          hằng năm                   | YEARLY      |       |
          trước ngày 15/10 hằng năm  | YEARLY      | 10-15 |
          tháng 12 hằng năm          | YEARLY      | 11-30 |
          trong tháng 3 hằng năm     | YEARLY      | 02-28 |
          hằng năm, từ năm 2017      | YEARLY      |       | 2017
          hằng quý từ năm 2017       | QUARTERLY   |       | 2017
          """)
  void cycles(String phrase, Frequency frequency, String due, Integer fromYear) {
    Schedule.Due day =
        due == null
            ? Schedule.Due.AT_END
            : new Schedule.Due.OnDays(List.of(MonthDay.parse("--" + due)));
    assertThat(DeadlinePhrases.parse(phrase, BAC_GIANG_ISSUED))
        .isEqualTo(new Every(frequency, day, fromYear));
  }

  @Test
  void quartersFromTheIssueDateToTheEndDate() {
    Every quarterly = (Every) DeadlinePhrases.parse("hằng quý", BAC_GIANG_ISSUED);

    List<Period> periods = quarterly.periods(BAC_GIANG_ISSUED, LocalDate.of(2017, 3, 31));

    assertThat(periods)
        .extracting(Period::label)
        .containsExactly("Quý II/2016", "Quý III/2016", "Quý IV/2016", "Quý I/2017");
    assertThat(periods.get(0))
        .isEqualTo(
            new Period(
                "Quý II/2016",
                LocalDate.of(2016, 4, 1),
                LocalDate.of(2016, 6, 30),
                LocalDate.of(2016, 6, 30)));
    assertThat(periods.get(2).due()).isEqualTo(LocalDate.of(2016, 12, 31));
  }

  @Test
  void halfYearsAndYearsAcrossYearEnds() {
    Every half = (Every) DeadlinePhrases.parse("6 tháng", BAC_GIANG_ISSUED);
    assertThat(half.periods(LocalDate.of(2016, 7, 1), LocalDate.of(2017, 12, 31)))
        .extracting(Period::label, Period::due)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "6 tháng cuối năm 2016", LocalDate.of(2016, 12, 31)),
            org.assertj.core.groups.Tuple.tuple("6 tháng đầu năm 2017", LocalDate.of(2017, 6, 30)),
            org.assertj.core.groups.Tuple.tuple(
                "6 tháng cuối năm 2017", LocalDate.of(2017, 12, 31)));

    Every xuanLoc =
        (Every) DeadlinePhrases.parse("trước ngày 15/10 hằng năm", LocalDate.of(2023, 7, 12));
    assertThat(xuanLoc.periods(LocalDate.of(2023, 7, 12), LocalDate.of(2025, 10, 15)))
        .extracting(Period::label, Period::due)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Năm 2023", LocalDate.of(2023, 10, 15)),
            org.assertj.core.groups.Tuple.tuple("Năm 2024", LocalDate.of(2024, 10, 15)),
            org.assertj.core.groups.Tuple.tuple("Năm 2025", LocalDate.of(2025, 10, 15)));
  }

  @Test
  void aCycleFromAYearSkipsEarlierPeriods() {
    Every december =
        (Every) DeadlinePhrases.parse("tháng 12 hằng năm, từ năm 2017", BAC_GIANG_ISSUED);
    assertThat(december.periods(BAC_GIANG_ISSUED, LocalDate.of(2020, 9, 30)))
        .extracting(Period::due)
        .containsExactly(
            LocalDate.of(2017, 11, 30), LocalDate.of(2018, 11, 30), LocalDate.of(2019, 11, 30));
  }

  @Test
  void decomposedUnicodeReadsTheSame() {
    String nfd = Normalizer.normalize("trong tháng 8/2016", Normalizer.Form.NFD);
    assertThat(DeadlinePhrases.parse(nfd, BAC_GIANG_ISSUED))
        .isEqualTo(new Once(LocalDate.of(2016, 8, 1), LocalDate.of(2016, 8, 31)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sớm nhất có thể",
        "trong tháng 13/2016",
        "quý V/2020",
        "trước 32/1/2016",
        "thường xuyên",
        "P",
        "hằng tuần"
      })
  void unknownPhrasesAreQuoted(String phrase) {
    assertThatThrownBy(() -> DeadlinePhrases.parse(phrase, BAC_GIANG_ISSUED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"" + phrase + "\"");
    assertThat(DeadlinePhrases.isValid(phrase)).isFalse();
  }

  @Test
  void impossibleDayIsRejected() {
    assertThatThrownBy(() -> DeadlinePhrases.parse("trước 31/2/2016", BAC_GIANG_ISSUED))
        .hasMessageContaining("\"trước 31/2/2016\"")
        .hasMessageContaining("không tồn tại");
  }
}
