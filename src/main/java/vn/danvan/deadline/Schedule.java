package vn.danvan.deadline;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** When an obligation falls due: once, or every period of a cycle. */
public sealed interface Schedule {

  /** The same schedule, every date it names {@code years} later (a replay of an old text). */
  Schedule plusYears(int years);

  /** A one-off deliverable: due on {@code due} (inclusive); work can start from {@code opens}. */
  record Once(LocalDate opens, LocalDate due) implements Schedule {
    @Override
    public Once plusYears(int years) {
      return new Once(opens.plusYears(years), due.plusYears(years));
    }
  }

  /** How often a recurring obligation comes back. */
  enum Frequency {
    MONTHLY(1),
    QUARTERLY(3),
    HALF_YEARLY(6),
    YEARLY(12);

    final int months;

    Frequency(int months) {
      this.months = months;
    }

    /** The cycle of this many periods a year, or null ("trước 15/6 và 15/12": half-yearly). */
    static Frequency perYear(int periods) {
      for (Frequency f : values()) {
        if (12 / f.months == periods) {
          return f;
        }
      }
      return null;
    }
  }

  /** When each period of a cycle is due. */
  sealed interface Due {

    /**
     * The due day of the period covering the months {@code first} to {@code last}, the {@code
     * index}-th of its year (from 0).
     */
    LocalDate of(int index, YearMonth first, YearMonth last);

    /** At the end of the period ("hằng quý"). */
    Due AT_END = new AtEnd();

    record AtEnd() implements Due {
      @Override
      public LocalDate of(int index, YearMonth first, YearMonth last) {
        return last.atEndOfMonth();
      }
    }

    /** On days of the year, one per period in order ("trước ngày 15/6 và 15/12 hằng năm"). */
    record OnDays(List<MonthDay> days) implements Due {
      public OnDays {
        days = List.copyOf(days);
      }

      @Override
      public LocalDate of(int index, YearMonth first, YearMonth last) {
        return days.get(index % days.size()).atYear(first.getYear());
      }
    }

    /**
     * On a day of the period's last month ("ngày 25 tháng cuối quý", "trước ngày 20 hằng tháng").
     */
    record InLastMonth(int day) implements Due {
      @Override
      public LocalDate of(int index, YearMonth first, YearMonth last) {
        return last.atDay(Math.min(day, last.lengthOfMonth()));
      }
    }

    /** Some days after the period ends ("tuần đầu tiên của quý": the week after the quarter). */
    record AfterEnd(int days) implements Due {
      @Override
      public LocalDate of(int index, YearMonth first, YearMonth last) {
        return last.atEndOfMonth().plusDays(days);
      }
    }
  }

  /** One period of a cycle: the months it covers and the day its report is due. */
  record Period(String label, LocalDate start, LocalDate end, LocalDate due) {}

  /**
   * A recurring obligation.
   *
   * @param due when each period is due
   * @param fromYear first year it applies ("từ năm 2017"), or null
   */
  record Every(Frequency frequency, Due due, Integer fromYear) implements Schedule {

    @Override
    public Every plusYears(int years) {
      return new Every(frequency, due, fromYear == null ? null : fromYear + years);
    }

    /** The same cycle from {@code year} on. */
    Every from(int year) {
      return new Every(frequency, due, year);
    }

    /** The periods whose due date lies in {@code [from, until]}, in order. */
    public List<Period> periods(LocalDate from, LocalDate until) {
      LocalDate first =
          fromYear == null || from.getYear() >= fromYear ? from : LocalDate.of(fromYear, 1, 1);
      List<Period> result = new ArrayList<>();
      // a period due after its end (AfterEnd) may fall due in the year after it: start a year early
      YearMonth start = YearMonth.of(first.getYear() - (due instanceof Due.AfterEnd ? 1 : 0), 1);
      while (!start.atDay(1).isAfter(until)) {
        YearMonth last = start.plusMonths(frequency.months - 1L);
        LocalDate end = last.atEndOfMonth();
        LocalDate day = due.of((start.getMonthValue() - 1) / frequency.months, start, last);
        boolean afterFromYear = fromYear == null || start.getYear() >= fromYear;
        if (afterFromYear && !day.isBefore(first) && !day.isAfter(until)) {
          result.add(new Period(label(start), start.atDay(1), end, day));
        }
        start = start.plusMonths(frequency.months);
      }
      return result;
    }

    private String label(YearMonth start) {
      int year = start.getYear();
      return switch (frequency) {
        case MONTHLY -> "Tháng " + start.getMonthValue() + "/" + year;
        case QUARTERLY ->
            "Quý " + DeadlinePhrases.ROMAN[(start.getMonthValue() - 1) / 3] + "/" + year;
        case HALF_YEARLY ->
            (start.getMonthValue() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
        case YEARLY -> "Năm " + year;
      };
    }
  }
}
