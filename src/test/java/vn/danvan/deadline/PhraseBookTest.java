package vn.danvan.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.deadline.Schedule.Every;
import vn.danvan.deadline.Schedule.Once;
import vn.danvan.input.InvalidInputException;

/**
 * The deadline wordings of real directives, as administrators copy them into the models, and what
 * each one reads as for a directive issued on a given day: a one-off as {@code opens..due}, a cycle
 * as its first two periods from the issue date ({@code label due; label due}).
 */
class PhraseBookTest {

  @ParameterizedTest(name = "\"{0}\" issued {1} → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          trong tháng 8/2016                              | 2016-05-20 | 2016-08-01..2016-08-31
          Trong tháng 08/2016                             | 2016-05-20 | 2016-08-01..2016-08-31
          TRONG THÁNG 8/2016                              | 2016-05-20 | 2016-08-01..2016-08-31
          tháng 8 năm 2016                                | 2016-05-20 | 2016-08-01..2016-08-31
          trong tháng 8 năm 2016                          | 2016-05-20 | 2016-08-01..2016-08-31
          trong tháng 8 / 2016                            | 2016-05-20 | 2016-08-01..2016-08-31
          vào tháng 9/2016                                | 2016-05-20 | 2016-09-01..2016-09-30
          cuối tháng 9/2016                               | 2016-05-20 | 2016-09-01..2016-09-30
          tháng 12/2016.                                  | 2016-05-20 | 2016-12-01..2016-12-31
          tháng 10                                        | 2016-05-20 | 2016-10-01..2016-10-31
          trong tháng 3                                   | 2016-05-20 | 2017-03-01..2017-03-31
          trước 30/9/2016                                 | 2016-05-20 | 2016-05-20..2016-09-30
          trước ngày 30/9/2016                            | 2016-05-20 | 2016-05-20..2016-09-30
          trước ngày 30/09/2016                           | 2016-05-20 | 2016-05-20..2016-09-30
          trước ngày 30 tháng 9 năm 2016                  | 2016-05-20 | 2016-05-20..2016-09-30
          chậm nhất ngày 31/12/2016                       | 2016-05-20 | 2016-05-20..2016-12-31
          chậm nhất vào ngày 31/12/2016                   | 2016-05-20 | 2016-05-20..2016-12-31
          chậm nhất là ngày 31/12/2016                    | 2016-05-20 | 2016-05-20..2016-12-31
          trước ngày 31/12/2016;                          | 2016-05-20 | 2016-05-20..2016-12-31
          hoàn thành trước ngày 31/12/2016                | 2016-05-20 | 2016-05-20..2016-12-31
          hạn 15/10/2016                                  | 2016-05-20 | 2016-05-20..2016-10-15
          ngày 15/10/2016                                 | 2016-05-20 | 2016-05-20..2016-10-15
          15/10/2016                                      | 2016-05-20 | 2016-05-20..2016-10-15
          đến ngày 15/10/2016                             | 2016-05-20 | 2016-05-20..2016-10-15
          trước ngày 15 tháng 10 năm 2016                 | 2016-05-20 | 2016-05-20..2016-10-15
          trước ngày 30/9                                 | 2016-05-20 | 2016-05-20..2016-09-30
          trước ngày 30/9                                 | 2016-10-01 | 2016-10-01..2017-09-30
          trước 15/1                                      | 2023-07-12 | 2023-07-12..2024-01-15
          quý III/2020                                    | 2016-05-20 | 2020-07-01..2020-09-30
          quý 3/2020                                      | 2016-05-20 | 2020-07-01..2020-09-30
          trong quý III/2020                              | 2016-05-20 | 2020-07-01..2020-09-30
          quý III năm 2020                                | 2016-05-20 | 2020-07-01..2020-09-30
          quý IV năm 2020                                 | 2016-05-20 | 2020-10-01..2020-12-31
          cuối quý IV/2016                                | 2016-05-20 | 2016-10-01..2016-12-31
          quý I/2021                                      | 2016-05-20 | 2021-01-01..2021-03-31
          từ năm 2017                                     | 2016-05-20 | 2016-05-20..2017-01-01
          thực hiện từ năm 2017                           | 2016-05-20 | 2016-05-20..2017-01-01
          triển khai từ năm 2017                          | 2016-05-20 | 2016-05-20..2017-01-01
          hết năm 2030                                    | 2026-03-01 | 2026-03-01..2030-12-31
          đến hết năm 2030                                | 2026-03-01 | 2026-03-01..2030-12-31
          chậm nhất hết năm 2030                          | 2026-03-01 | 2026-03-01..2030-12-31
          cuối năm 2016                                   | 2016-05-20 | 2016-05-20..2016-12-31
          đến năm 2025                                    | 2021-06-01 | 2021-06-01..2025-12-31
          trong năm 2017                                  | 2016-05-20 | 2017-01-01..2017-12-31
          năm 2017                                        | 2016-05-20 | 2017-01-01..2017-12-31
          trong năm 2016                                  | 2016-05-20 | 2016-05-20..2016-12-31
          giai đoạn 2021-2025                             | 2021-03-01 | 2021-01-01..2025-12-31
          giai đoạn 2021 - 2025                           | 2021-03-01 | 2021-01-01..2025-12-31
          6 tháng đầu năm 2017                            | 2016-05-20 | 2017-01-01..2017-06-30
          6 tháng cuối năm 2016                           | 2016-05-20 | 2016-07-01..2016-12-31
          6 tháng đầu năm                                 | 2016-05-20 | 2016-05-20..2016-06-30
          6 tháng đầu năm                                 | 2016-08-01 | 2017-01-01..2017-06-30
          trong 6 tháng cuối năm                          | 2016-05-20 | 2016-07-01..2016-12-31
          trong 30 ngày                                   | 2016-05-20 | 2016-05-20..2016-06-19
          trong vòng 30 ngày                              | 2016-05-20 | 2016-05-20..2016-06-19
          trong thời hạn 30 ngày kể từ ngày ban hành      | 2016-05-20 | 2016-05-20..2016-06-19
          trong 15 ngày kể từ ngày ký                     | 2016-05-20 | 2016-05-20..2016-06-04
          trong 03 tháng                                  | 2016-05-20 | 2016-05-20..2016-08-20
          sau 2 tuần                                      | 2016-05-20 | 2016-05-20..2016-06-03
          trong 6 tháng kể từ ngày ban hành               | 2016-05-20 | 2016-05-20..2016-11-20
          2016-08-31                                      | 2016-05-20 | 2016-05-20..2016-08-31
          P30D                                            | 2016-05-20 | 2016-05-20..2016-06-19
          P1M                                             | 2016-01-31 | 2016-01-31..2016-02-29
          hằng quý                                        | 2016-05-20 | Quý II/2016 2016-06-30; Quý III/2016 2016-09-30
          hàng quý                                        | 2016-05-20 | Quý II/2016 2016-06-30; Quý III/2016 2016-09-30
          mỗi quý                                         | 2016-05-20 | Quý II/2016 2016-06-30; Quý III/2016 2016-09-30
          định kỳ hằng quý                                | 2016-05-20 | Quý II/2016 2016-06-30; Quý III/2016 2016-09-30
          Hằng Quý                                        | 2016-05-20 | Quý II/2016 2016-06-30; Quý III/2016 2016-09-30
          6 tháng                                         | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-30; 6 tháng cuối năm 2016 2016-12-31
          định kỳ 6 tháng                                 | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-30; 6 tháng cuối năm 2016 2016-12-31
          6 tháng một lần                                 | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-30; 6 tháng cuối năm 2016 2016-12-31
          sáu tháng                                       | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-30; 6 tháng cuối năm 2016 2016-12-31
          hàng 6 tháng                                    | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-30; 6 tháng cuối năm 2016 2016-12-31
          hằng năm                                        | 2016-05-20 | Năm 2016 2016-12-31; Năm 2017 2017-12-31
          hàng năm                                        | 2016-05-20 | Năm 2016 2016-12-31; Năm 2017 2017-12-31
          định kỳ hằng năm                                | 2016-05-20 | Năm 2016 2016-12-31; Năm 2017 2017-12-31
          mỗi năm                                         | 2016-05-20 | Năm 2016 2016-12-31; Năm 2017 2017-12-31
          hằng tháng                                      | 2016-05-20 | Tháng 5/2016 2016-05-31; Tháng 6/2016 2016-06-30
          hàng tháng                                      | 2016-05-20 | Tháng 5/2016 2016-05-31; Tháng 6/2016 2016-06-30
          định kỳ hằng tháng                              | 2016-05-20 | Tháng 5/2016 2016-05-31; Tháng 6/2016 2016-06-30
          trước ngày 20 hằng tháng                        | 2016-05-20 | Tháng 5/2016 2016-05-20; Tháng 6/2016 2016-06-20
          ngày 20 hằng tháng                              | 2016-05-20 | Tháng 5/2016 2016-05-20; Tháng 6/2016 2016-06-20
          trước ngày 25 hằng tháng                        | 2023-07-12 | Tháng 7/2023 2023-07-25; Tháng 8/2023 2023-08-25
          ngày 25 tháng cuối quý                          | 2016-05-20 | Quý II/2016 2016-06-25; Quý III/2016 2016-09-25
          trước ngày 25 tháng cuối quý                    | 2016-05-20 | Quý II/2016 2016-06-25; Quý III/2016 2016-09-25
          trước ngày 25 hằng quý                          | 2016-05-20 | Quý II/2016 2016-06-25; Quý III/2016 2016-09-25
          ngày 25 của tháng cuối quý                      | 2016-05-20 | Quý II/2016 2016-06-25; Quý III/2016 2016-09-25
          trước ngày 25 của tháng cuối mỗi quý            | 2016-05-20 | Quý II/2016 2016-06-25; Quý III/2016 2016-09-25
          trước ngày 10 tháng cuối quý                    | 2023-07-12 | Quý III/2023 2023-09-10; Quý IV/2023 2023-12-10
          trước ngày 15/10 hằng năm                       | 2023-07-12 | Năm 2023 2023-10-15; Năm 2024 2024-10-15
          trước ngày 15 tháng 10 hằng năm                 | 2023-07-12 | Năm 2023 2023-10-15; Năm 2024 2024-10-15
          chậm nhất ngày 15/10 hằng năm                   | 2023-07-12 | Năm 2023 2023-10-15; Năm 2024 2024-10-15
          hạn 15/10 hằng năm                              | 2023-07-12 | Năm 2023 2023-10-15; Năm 2024 2024-10-15
          15/10 hằng năm                                  | 2023-07-12 | Năm 2023 2023-10-15; Năm 2024 2024-10-15
          tháng 12 hằng năm                               | 2016-05-20 | Năm 2016 2016-11-30; Năm 2017 2017-11-30
          vào tháng 12 hằng năm                           | 2016-05-20 | Năm 2016 2016-11-30; Năm 2017 2017-11-30
          tháng 12 hàng năm                               | 2016-05-20 | Năm 2016 2016-11-30; Năm 2017 2017-11-30
          trong tháng 3 hằng năm                          | 2016-05-20 | Năm 2017 2017-02-28; Năm 2018 2018-02-28
          trước ngày 15/6 và 15/12 hằng năm               | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-15; 6 tháng cuối năm 2016 2016-12-15
          trước ngày 15/6, 15/12 hằng năm                 | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-15; 6 tháng cuối năm 2016 2016-12-15
          15/6 và 15/12 hằng năm                          | 2016-05-20 | 6 tháng đầu năm 2016 2016-06-15; 6 tháng cuối năm 2016 2016-12-15
          trước ngày 20/3, 20/6, 20/9 và 20/12 hằng năm   | 2016-05-20 | Quý II/2016 2016-06-20; Quý III/2016 2016-09-20
          trong quý I hằng năm                            | 2016-05-20 | Năm 2017 2017-03-31; Năm 2018 2018-03-31
          quý IV hằng năm                                 | 2016-05-20 | Năm 2016 2016-12-31; Năm 2017 2017-12-31
          tuần đầu tiên của quý                           | 2016-05-20 | Quý II/2016 2016-07-07; Quý III/2016 2016-10-07
          trong tuần đầu tiên của quý sau                 | 2016-05-20 | Quý II/2016 2016-07-07; Quý III/2016 2016-10-07
          tuần đầu quý                                    | 2016-05-20 | Quý II/2016 2016-07-07; Quý III/2016 2016-10-07
          tuần đầu tiên của tháng                         | 2016-05-20 | Tháng 5/2016 2016-06-07; Tháng 6/2016 2016-07-07
          tuần đầu tiên của năm                           | 2016-05-20 | Năm 2016 2017-01-07; Năm 2017 2018-01-07
          hằng năm, từ năm 2017                           | 2016-05-20 | Năm 2017 2017-12-31; Năm 2018 2018-12-31
          hằng quý từ năm 2017                            | 2016-05-20 | Quý I/2017 2017-03-31; Quý II/2017 2017-06-30
          tháng 12 hằng năm, từ năm 2017                  | 2016-05-20 | Năm 2017 2017-11-30; Năm 2018 2018-11-30
          ngày 25 tháng cuối quý, từ năm 2017             | 2016-05-20 | Quý I/2017 2017-03-25; Quý II/2017 2017-06-25
          trước ngày 20 hằng tháng từ năm 2017            | 2016-05-20 | Tháng 1/2017 2017-01-20; Tháng 2/2017 2017-02-20
          tuần đầu tiên của quý, từ năm 2017              | 2016-05-20 | Quý I/2017 2017-04-07; Quý II/2017 2017-07-07
          6 tháng, từ năm 2017                            | 2016-05-20 | 6 tháng đầu năm 2017 2017-06-30; 6 tháng cuối năm 2017 2017-12-31
          """)
  void reads(String phrase, LocalDate issued, String expected) {
    assertThat(describe(DeadlinePhrases.parse(phrase, issued), issued)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sớm nhất có thể",
        "thường xuyên",
        "kịp thời",
        "khi có vụ việc phức tạp",
        "hằng tuần",
        "trong 0 ngày",
        "giai đoạn 2025-2021",
        "ngày 32 tháng cuối quý",
        "trước ngày 15/12 và 15/6 hằng năm",
        "trước ngày 15/3, 15/6, 15/9 hằng năm"
      })
  void wordingsWithoutADayAreRefusedQuotingThem(String phrase) {
    assertThatThrownBy(() -> DeadlinePhrases.parse(phrase, LocalDate.of(2016, 5, 20)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"" + phrase + "\"");
  }

  private static String describe(Schedule schedule, LocalDate issued) {
    if (schedule instanceof Once once) {
      return once.opens() + ".." + once.due();
    }
    return ((Every) schedule)
        .periods(issued, issued.plusYears(5)).stream()
            .limit(2)
            .map(p -> p.label() + " " + p.due())
            .collect(Collectors.joining("; "));
  }
}
