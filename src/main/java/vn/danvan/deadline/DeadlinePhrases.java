package vn.danvan.deadline;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.deadline.Schedule.Every;
import vn.danvan.deadline.Schedule.Frequency;
import vn.danvan.deadline.Schedule.Once;
import vn.danvan.input.InvalidInputException;

/**
 * Reads the deadline wording of directives ("trong tháng 8/2016", "trước ngày 15/10 hằng năm", "quý
 * III/2020", "hằng quý"…) into a {@link Schedule}. Phrases without a year take it from the
 * directive's issue date: the first such date on or after it. Calendar dates only; the instant a
 * day ends is {@link Deadlines#endOfDay}, in Vietnam's zone.
 *
 * <table>
 *   <caption>Phrases</caption>
 *   <tr><td>trong tháng 8/2016, tháng 8/2016</td><td>once, 1/8/2016 – 31/8/2016</td></tr>
 *   <tr><td>trước 30/9/2016, trước ngày 30/9/2016, hạn 30/9/2016</td>
 *       <td>once, due 30/9/2016</td></tr>
 *   <tr><td>quý III/2020 (quý 3/2020)</td><td>once, 1/7/2020 – 30/9/2020</td></tr>
 *   <tr><td>từ năm 2017</td><td>once, due 1/1/2017 (then covered by periodic reports)</td></tr>
 *   <tr><td>2016-08-31, P30D</td><td>once, ISO date / ISO period after the issue date</td></tr>
 *   <tr><td>hằng quý, 6 tháng, hằng năm</td>
 *       <td>every quarter / half-year / year, due at its end</td></tr>
 *   <tr><td>trước ngày 15/10 hằng năm</td><td>every year, due 15/10</td></tr>
 *   <tr><td>tháng 12 hằng năm</td>
 *       <td>every year, due 30/11: in time for the December meeting</td></tr>
 *   <tr><td>… từ năm 2017 (after a cycle)</td><td>the cycle, from 2017</td></tr>
 * </table>
 */
public final class DeadlinePhrases {

  static final String[] ROMAN = {"I", "II", "III", "IV"};

  private static final String DAY_MONTH = "(\\d{1,2})/(\\d{1,2})";
  private static final String YEAR = "(\\d{4})";
  private static final Pattern MONTH =
      Pattern.compile("(?:trong )?tháng (\\d{1,2})(?:/" + YEAR + ")?");
  private static final Pattern BEFORE =
      Pattern.compile("(?:trước|hạn|chậm nhất)(?: ngày)? " + DAY_MONTH + "(?:/" + YEAR + ")?");
  private static final Pattern QUARTER =
      Pattern.compile("(?:trong )?quý (i{1,3}|iv|[1-4])(?:/| năm )" + YEAR);
  private static final Pattern FROM_YEAR =
      Pattern.compile("(?:thực hiện |áp dụng )?từ năm " + YEAR);
  private static final Pattern YEARLY_BY_DAY =
      Pattern.compile("(?:trước|hạn|chậm nhất)(?: ngày)? " + DAY_MONTH + " hằng năm");
  private static final Pattern YEARLY_IN_MONTH =
      Pattern.compile("(?:trong )?tháng (\\d{1,2}) hằng năm");
  private static final Pattern CYCLE_FROM = Pattern.compile("(.+?),? từ năm " + YEAR);

  private DeadlinePhrases() {}

  /**
   * Reads a phrase.
   *
   * @param issued the directive's issue date (ngày ban hành), for phrases without a year
   * @throws InvalidInputException quoting the phrase when it is not understood
   */
  public static Schedule parse(String phrase, LocalDate issued) {
    if (phrase == null || phrase.isBlank()) {
      throw unknown(phrase);
    }
    String text = normalise(phrase);
    try {
      Schedule schedule = read(text, issued);
      if (schedule != null) {
        return schedule;
      }
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "Thời hạn \"" + phrase.trim() + "\" có ngày tháng không tồn tại");
    }
    throw unknown(phrase);
  }

  /** Whether a phrase is understood, without throwing. */
  public static boolean isValid(String phrase) {
    try {
      parse(phrase, LocalDate.of(2000, 1, 1));
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  private static Schedule read(String text, LocalDate issued) {
    Every cycle = cycle(text);
    if (cycle != null) {
      return cycle;
    }
    Matcher m = CYCLE_FROM.matcher(text);
    if (m.matches() && (cycle = cycle(m.group(1))) != null) {
      return new Every(cycle.frequency(), cycle.yearlyDue(), Integer.parseInt(m.group(2)));
    }
    if ((m = MONTH.matcher(text)).matches()) {
      YearMonth month =
          m.group(2) != null
              ? YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))
              : nextMonth(Integer.parseInt(m.group(1)), issued);
      return new Once(month.atDay(1), month.atEndOfMonth());
    }
    if ((m = BEFORE.matcher(text)).matches()) {
      MonthDay day = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      LocalDate due =
          m.group(3) != null ? day.atYear(Integer.parseInt(m.group(3))) : nextDay(day, issued);
      return new Once(issued.isBefore(due) ? issued : due, due);
    }
    if ((m = QUARTER.matcher(text)).matches()) {
      int quarter = quarter(m.group(1));
      YearMonth first = YearMonth.of(Integer.parseInt(m.group(2)), quarter * 3 - 2);
      return new Once(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }
    if ((m = FROM_YEAR.matcher(text)).matches()) {
      LocalDate due = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
      return new Once(issued.isBefore(due) ? issued : due, due);
    }
    return iso(text, issued);
  }

  private static Every cycle(String text) {
    Matcher m;
    switch (text) {
      case "hằng quý", "hàng quý", "định kỳ hằng quý", "quý" -> {
        return new Every(Frequency.QUARTERLY, null, null);
      }
      case "6 tháng", "sáu tháng", "6 tháng một lần", "hằng 6 tháng", "định kỳ 6 tháng" -> {
        return new Every(Frequency.HALF_YEARLY, null, null);
      }
      case "hằng năm", "hàng năm", "định kỳ hằng năm" -> {
        return new Every(Frequency.YEARLY, null, null);
      }
      default -> {
        // fall through to the patterns below
      }
    }
    if ((m = YEARLY_BY_DAY.matcher(text)).matches()) {
      return new Every(
          Frequency.YEARLY,
          MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))),
          null);
    }
    if ((m = YEARLY_IN_MONTH.matcher(text)).matches()) {
      int month = Integer.parseInt(m.group(1));
      // reported in time for that month's meeting: due the last day of the month before
      YearMonth before = YearMonth.of(2001, month).minusMonths(1);
      return new Every(
          Frequency.YEARLY, MonthDay.of(before.getMonth(), before.lengthOfMonth()), null);
    }
    return null;
  }

  private static Schedule iso(String text, LocalDate issued) {
    try {
      LocalDate due = LocalDate.parse(text);
      return new Once(issued.isBefore(due) ? issued : due, due);
    } catch (DateTimeParseException notADate) {
      // not an ISO date
    }
    if (text.startsWith("p")) {
      try {
        return new Once(issued, issued.plus(Period.parse(text.toUpperCase(Locale.ROOT))));
      } catch (DateTimeParseException notAPeriod) {
        // not an ISO period
      }
    }
    return null;
  }

  private static YearMonth nextMonth(int month, LocalDate issued) {
    YearMonth candidate = YearMonth.of(issued.getYear(), month);
    return candidate.isBefore(YearMonth.from(issued)) ? candidate.plusYears(1) : candidate;
  }

  private static LocalDate nextDay(MonthDay day, LocalDate issued) {
    LocalDate candidate = day.atYear(issued.getYear());
    return candidate.isBefore(issued) ? day.atYear(issued.getYear() + 1) : candidate;
  }

  private static int quarter(String text) {
    for (int i = 0; i < ROMAN.length; i++) {
      if (ROMAN[i].equalsIgnoreCase(text)) {
        return i + 1;
      }
    }
    return Integer.parseInt(text);
  }

  private static String normalise(String phrase) {
    return Normalizer.normalize(phrase, Normalizer.Form.NFC)
        .trim()
        .toLowerCase(new Locale("vi"))
        .replaceAll("\\s+", " ")
        .replaceAll("[.;]$", "");
  }

  private static InvalidInputException unknown(String phrase) {
    return new InvalidInputException(
        "Không hiểu thời hạn \""
            + (phrase == null ? "" : phrase.trim())
            + "\": dùng ví dụ \"trong tháng 8/2016\", \"trước 30/9/2016\", \"quý III/2020\", \"từ"
            + " năm 2017\", \"hằng quý\", \"6 tháng\", \"hằng năm\", \"trước ngày 15/10 hằng năm\","
            + " \"tháng 12 hằng năm\", hoặc ngày ISO (2016-08-31) / khoảng ISO (P30D)");
  }
}
