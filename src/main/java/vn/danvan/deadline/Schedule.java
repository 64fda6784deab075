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
    QUARTERLY(3),
    HALF_YEARLY(6),
    YEARLY(12);

    final int months;

    Frequency(int months) {
      this.months = months;
    }
  }

  /** One period of a cycle: the months it covers and the day its report is due. */
  record Period(String label, LocalDate start, LocalDate end, LocalDate due) {}

  /**
   * A recurring obligation.
   *
   * @param yearlyDue for yearly cycles, the day of the year it is due (null: end of the period)
   * @param fromYear first year it applies ("từ năm 2017"), or null
   */
  record Every(Frequency frequency, MonthDay yearlyDue, Integer fromYear) implements Schedule {

    @Override
    public Every plusYears(int years) {
      return new Every(frequency, yearlyDue, fromYear == null ? null : fromYear + years);
    }

    /** The periods whose due date lies in {@code [from, until]}, in order. */
    public List<Period> periods(LocalDate from, LocalDate until) {
      LocalDate first =
          fromYear == null || from.getYear() >= fromYear ? from : LocalDate.of(fromYear, 1, 1);
      List<Period> result = new ArrayList<>();
      YearMonth start = YearMonth.of(first.getYear(), 1);
      while (!start.atDay(1).isAfter(until)) {
        YearMonth last = start.plusMonths(frequency.months - 1L);
        LocalDate end = last.atEndOfMonth();
        LocalDate due = yearlyDue == null ? end : yearlyDue.atYear(start.getYear());
        if (!due.isBefore(first) && !due.isAfter(until)) {
          result.add(new Period(label(start), start.atDay(1), end, due));
        }
        start = start.plusMonths(frequency.months);
      }
      return result;
    }

    private String label(YearMonth start) {
      int year = start.getYear();
      return switch (frequency) {
        case QUARTERLY ->
            "Quý " + DeadlinePhrases.ROMAN[(start.getMonthValue() - 1) / 3] + "/" + year;
        case HALF_YEARLY ->
            (start.getMonthValue() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
        case YEARLY -> "Năm " + year;
      };
    }
  }
}
