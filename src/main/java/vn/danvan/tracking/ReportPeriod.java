package vn.danvan.tracking;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.input.InvalidInputException;

/**
 * The period a coordinator asks figures for: a year ({@code 2026}), a half-year ({@code 2026-H2})
 * or a quarter ({@code 2026-Q4}); work counts in the period its deadline falls in.
 */
public record ReportPeriod(String code, String label, LocalDate from, LocalDate to) {

  private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]))?");
  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  public static ReportPeriod parse(String code) {
    Matcher m = code == null ? null : CODE.matcher(code.trim().toUpperCase());
    if (m == null || !m.matches()) {
      throw new InvalidInputException(
          "Kỳ \""
              + code
              + "\" không hợp lệ: năm (2026), 6 tháng (2026-H1, 2026-H2) hoặc quý (2026-Q1…2026-Q4)"
              + " (ky)");
    }
    int year = Integer.parseInt(m.group(1));
    String part = m.group(2);
    if (part == null) {
      return new ReportPeriod(
          m.group(), "Năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
    int n = part.charAt(1) - '0';
    if (part.startsWith("H")) {
      LocalDate from = LocalDate.of(year, n == 1 ? 1 : 7, 1);
      return new ReportPeriod(
          m.group(),
          (n == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year,
          from,
          from.plusMonths(6).minusDays(1));
    }
    LocalDate from = LocalDate.of(year, 3 * n - 2, 1);
    return new ReportPeriod(
        m.group(), "Quý " + ROMAN[n - 1] + "/" + year, from, from.plusMonths(3).minusDays(1));
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }
}
