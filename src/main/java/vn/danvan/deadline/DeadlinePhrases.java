package vn.danvan.deadline;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.deadline.Schedule.Due;
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
 *   <tr><td>hằng tháng, trước ngày 20 hằng tháng</td>
 *       <td>every month, due at its end / on the 20th</td></tr>
 *   <tr><td>ngày 25 tháng cuối quý, trước ngày 25 hằng quý</td>
 *       <td>every quarter, due the 25th of its last month</td></tr>
 *   <tr><td>trước ngày 15/6 và 15/12 hằng năm</td>
 *       <td>every half-year (two days a year), due on those days</td></tr>
 *   <tr><td>trong quý I hằng năm</td><td>every year, due 31/3</td></tr>
 *   <tr><td>tuần đầu tiên của quý</td><td>every quarter, due 7 days after it ends</td></tr>
 *   <tr><td>hết năm 2030, đến năm 2030</td><td>once, due 31/12/2030</td></tr>
 *   <tr><td>trong năm 2017, 6 tháng đầu năm (2017), giai đoạn 2021-2025</td>
 *       <td>once, within that year / half-year / span</td></tr>
 *   <tr><td>trong 30 ngày, trong 3 tháng kể từ ngày ban hành</td>
 *       <td>once, that long after the issue date</td></tr>
 * </table>
 *
 * <p>Written forms are read as one: "hàng"/"mỗi quý" as "hằng quý", "ngày 15 tháng 10 năm 2016" as
 * "ngày 15/10/2016", "của" is dropped.
 */
public final class DeadlinePhrases {

  static final String[] ROMAN = {"I", "II", "III", "IV"};

  private static final String DAY_MONTH = "(\\d{1,2})/(\\d{1,2})";
  private static final String YEAR = "(\\d{4})";
  private static final String BY =
      "(?:(?:trước|hạn|chậm nhất(?: là| vào)?|đến|vào|trong|hoàn thành trước)(?: ngày)? |ngày )";
  private static final Pattern MONTH =
      Pattern.compile("(?:trong |vào |cuối )?tháng (\\d{1,2})(?:/" + YEAR + ")?");
  private static final Pattern BEFORE =
      Pattern.compile(BY + "?" + DAY_MONTH + "(?:/" + YEAR + ")?");
  private static final Pattern QUARTER =
      Pattern.compile("(?:trong |cuối |hết )?quý (i{1,3}|iv|[1-4])(?:/| năm )" + YEAR);
  private static final Pattern FROM_YEAR =
      Pattern.compile("(?:thực hiện |áp dụng |triển khai )?từ năm " + YEAR);
  private static final Pattern BY_YEAR_END =
      Pattern.compile("(?:(?:đến |trước |chậm nhất )?hết năm|cuối năm|đến năm) " + YEAR);
  private static final Pattern WHOLE_YEAR = Pattern.compile("(?:trong )?năm " + YEAR);
  private static final Pattern SPAN = Pattern.compile("giai đoạn " + YEAR + " ?- ?" + YEAR);
  private static final Pattern HALF =
      Pattern.compile("(?:trong )?6 tháng (đầu|cuối) năm(?: " + YEAR + ")?");
  private static final Pattern WITHIN =
      Pattern.compile(
          "(?:trong(?: vòng| thời hạn)?|sau|chậm nhất sau) (\\d{1,3}) (ngày|tuần|tháng)"
              + "(?: kể từ ngày (?:ban hành|ký|văn bản có hiệu lực))?");
  private static final Pattern YEARLY_BY_DAY = Pattern.compile(BY + "?" + DAY_MONTH + " hằng năm");
  private static final Pattern YEARLY_BY_DAYS =
      Pattern.compile(BY + "?((?:\\d{1,2}/\\d{1,2}(?:, | và ))+\\d{1,2}/\\d{1,2}) hằng năm");
  private static final Pattern YEARLY_IN_MONTH =
      Pattern.compile("(?:trong |vào )?tháng (\\d{1,2}) hằng năm");
  private static final Pattern YEARLY_IN_QUARTER =
      Pattern.compile("(?:trong |vào )?quý (i{1,3}|iv|[1-4]) hằng năm");
  private static final Pattern DAY_OF_LAST_MONTH =
      Pattern.compile(BY + "?(\\d{1,2}) (?:tháng cuối |hằng )(quý|tháng|6 tháng)");
  private static final Pattern FIRST_WEEK =
      Pattern.compile("(?:trong )?tuần đầu(?: tiên)? (?:của )?(quý|tháng|năm)(?: sau)?");
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
      return cycle.from(Integer.parseInt(m.group(2)));
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
      return due(issued, due);
    }
    if ((m = QUARTER.matcher(text)).matches()) {
      int quarter = quarter(m.group(1));
      YearMonth first = YearMonth.of(Integer.parseInt(m.group(2)), quarter * 3 - 2);
      return new Once(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }
    if ((m = FROM_YEAR.matcher(text)).matches()) {
      return due(issued, LocalDate.of(Integer.parseInt(m.group(1)), 1, 1));
    }
    if ((m = BY_YEAR_END.matcher(text)).matches()) {
      return due(issued, LocalDate.of(Integer.parseInt(m.group(1)), 12, 31));
    }
    if ((m = WHOLE_YEAR.matcher(text)).matches()) {
      return within(issued, Year.of(Integer.parseInt(m.group(1))).atDay(1), 12);
    }
    if ((m = SPAN.matcher(text)).matches()) {
      LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
      LocalDate last = LocalDate.of(Integer.parseInt(m.group(2)), 12, 31);
      return last.isBefore(first) ? null : new Once(first, last);
    }
    if ((m = HALF.matcher(text)).matches()) {
      int month = m.group(1).equals("đầu") ? 1 : 7;
      int year =
          m.group(2) != null
              ? Integer.parseInt(m.group(2))
              : nextMonth(month + 5, issued).getYear();
      return within(issued, LocalDate.of(year, month, 1), 6);
    }
    if ((m = WITHIN.matcher(text)).matches()) {
      int n = Integer.parseInt(m.group(1));
      Period length =
          switch (m.group(2)) {
            case "ngày" -> Period.ofDays(n);
            case "tuần" -> Period.ofWeeks(n);
            default -> Period.ofMonths(n);
          };
      return n == 0 ? null : new Once(issued, issued.plus(length));
    }
    return iso(text, issued);
  }

  /** Due on {@code due}, open from the issue date (or from {@code due} when it comes first). */
  private static Once due(LocalDate issued, LocalDate due) {
    return new Once(issued.isBefore(due) ? issued : due, due);
  }

  /** The {@code months} from {@code first}, open from the issue date if that falls within. */
  private static Once within(LocalDate issued, LocalDate first, int months) {
    LocalDate last = first.plusMonths(months).minusDays(1);
    return new Once(issued.isAfter(first) && !issued.isAfter(last) ? issued : first, last);
  }

  private static Every cycle(String text) {
    Matcher m;
    switch (text) {
      case "hằng tháng", "định kỳ hằng tháng", "tháng" -> {
        return new Every(Frequency.MONTHLY, Due.AT_END, null);
      }
      case "hằng quý", "định kỳ hằng quý", "quý" -> {
        return new Every(Frequency.QUARTERLY, Due.AT_END, null);
      }
      case "6 tháng", "sáu tháng", "6 tháng một lần", "hằng 6 tháng", "định kỳ 6 tháng" -> {
        return new Every(Frequency.HALF_YEARLY, Due.AT_END, null);
      }
      case "hằng năm", "định kỳ hằng năm", "cuối năm hằng năm" -> {
        return new Every(Frequency.YEARLY, Due.AT_END, null);
      }
      default -> {
        // fall through to the patterns below
      }
    }
    if ((m = YEARLY_BY_DAY.matcher(text)).matches()) {
      MonthDay day = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      return new Every(Frequency.YEARLY, new Due.OnDays(List.of(day)), null);
    }
    if ((m = YEARLY_BY_DAYS.matcher(text)).matches()) {
      List<MonthDay> days = new ArrayList<>();
      for (String day : m.group(1).split(", | và ")) {
        String[] parts = day.split("/");
        days.add(MonthDay.of(Integer.parseInt(parts[1]), Integer.parseInt(parts[0])));
      }
      Frequency frequency = Frequency.perYear(days.size());
      boolean inOrder = days.equals(days.stream().sorted().toList());
      return frequency == null || !inOrder
          ? null
          : new Every(frequency, new Due.OnDays(days), null);
    }
    if ((m = YEARLY_IN_MONTH.matcher(text)).matches()) {
      int month = Integer.parseInt(m.group(1));
      // reported in time for that month's meeting: due the last day of the month before
      YearMonth before = YearMonth.of(2001, month).minusMonths(1);
      MonthDay day = MonthDay.of(before.getMonth(), before.lengthOfMonth());
      return new Every(Frequency.YEARLY, new Due.OnDays(List.of(day)), null);
    }
    if ((m = YEARLY_IN_QUARTER.matcher(text)).matches()) {
      YearMonth last = YearMonth.of(2001, quarter(m.group(1)) * 3);
      MonthDay day = MonthDay.of(last.getMonth(), last.lengthOfMonth());
      return new Every(Frequency.YEARLY, new Due.OnDays(List.of(day)), null);
    }
    if ((m = DAY_OF_LAST_MONTH.matcher(text)).matches()) {
      int day = Integer.parseInt(m.group(1));
      return day < 1 || day > 31
          ? null
          : new Every(frequency(m.group(2)), new Due.InLastMonth(day), null);
    }
    if ((m = FIRST_WEEK.matcher(text)).matches()) {
      return new Every(frequency(m.group(1)), new Due.AfterEnd(7), null);
    }
    return null;
  }

  private static Frequency frequency(String period) {
    return switch (period) {
      case "tháng" -> Frequency.MONTHLY;
      case "quý" -> Frequency.QUARTERLY;
      case "6 tháng" -> Frequency.HALF_YEARLY;
      default -> Frequency.YEARLY;
    };
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

  /**
   * One spelling for each way of writing the same: NFC, lower case, single spaces, no closing
   * punctuation; "hàng"/"mỗi" as "hằng", "ngày 15 tháng 10 năm 2016" as "ngày 15/10/2016", "tháng 8
   * năm 2016" as "tháng 8/2016", "của" dropped.
   */
  static String normalise(String phrase) {
    return Normalizer.normalize(phrase, Normalizer.Form.NFC)
        .trim()
        .toLowerCase(new Locale("vi"))
        .replaceAll("\\s+", " ")
        .replaceAll("[.;,]$", "")
        .replaceAll("(^| )(?:hàng|mỗi) (?=tháng|quý|năm|tuần|6 tháng)", "$1hằng ")
        .replaceAll(" của ", " ")
        .replace("tháng cuối hằng ", "tháng cuối ")
        .replaceAll("(\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})", "$1/$2/$3")
        .replaceAll("ngày (\\d{1,2}) tháng (\\d{1,2})(?!\\d)", "ngày $1/$2")
        .replaceAll("tháng (\\d{1,2}) năm (\\d{4})", "tháng $1/$2")
        .replaceAll(" ?/ ?", "/");
  }

  private static InvalidInputException unknown(String phrase) {
    return new InvalidInputException(
        "Không hiểu thời hạn \""
            + (phrase == null ? "" : phrase.trim())
            + "\": dùng ví dụ \"trong tháng 8/2016\", \"trước 30/9/2016\", \"quý III/2020\", \"từ"
            + " năm 2017\", \"hằng quý\", \"6 tháng\", \"hằng năm\", \"trước ngày 15/10 hằng năm\","
            + " \"tháng 12 hằng năm\", \"ngày 25 tháng cuối quý\", \"hết năm 2030\", \"trong 30"
            + " ngày\", hoặc ngày ISO (2016-08-31) / khoảng ISO (P30D)");
  }
}
