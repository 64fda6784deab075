package vn.danvan.periodic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import vn.danvan.tracking.ReportFigures;

/**
 * What the draft of a period's consolidated report ("báo cáo tổng hợp") says, read from the engine
 * by {@link ConsolidatedReports} and written as .docx ({@link ConsolidatedDocx}) and .xlsx ({@link
 * ConsolidatedXlsx}).
 *
 * @param issuer the compiling body's name (cơ quan ban hành)
 * @param issuerCode its short code in the number ("Số: …/BC-BDVTU")
 * @param place the địa danh before the date
 * @param date the day of the draft (Vietnam)
 * @param directive the number of the directive the reports answer (business key)
 * @param periodLabel e.g. "Quý I/2026"
 * @param due the period's due day, null when none
 * @param subject what the bodies were asked to report on
 * @param recipient the body the report goes to (kính gửi), null when none
 * @param figures the figures the period asks for (empty when none)
 * @param reports the bodies that answered, by name
 * @param totals the sum of each figure over the answers
 * @param missing the names of the bodies that have not answered
 * @param attachments the names of the files that go with the report (tài liệu kèm theo)
 */
public record ConsolidatedReport(
    String issuer,
    String issuerCode,
    String place,
    LocalDate date,
    String directive,
    String periodLabel,
    LocalDate due,
    String subject,
    String recipient,
    List<ReportFigures.Figure> figures,
    List<BodyReport> reports,
    Map<String, Long> totals,
    List<String> missing,
    List<String> attachments) {

  public ConsolidatedReport {
    figures = List.copyOf(figures);
    reports = List.copyOf(reports);
    totals = Map.copyOf(totals);
    missing = List.copyOf(missing);
    attachments = List.copyOf(attachments);
  }

  /**
   * One body's answer.
   *
   * @param text its report as written (up to 4,000 characters)
   * @param figures its figures (figure key → value)
   * @param submitted when it was sent (Vietnam time), null when unknown
   * @param late whether it came after the period's due day
   */
  public record BodyReport(
      String body,
      String name,
      String text,
      Map<String, Long> figures,
      LocalDateTime submitted,
      boolean late) {

    public BodyReport {
      text = text == null ? "" : text.strip();
      figures = Map.copyOf(figures);
    }
  }

  /** The bodies that answered after the due day. */
  public List<BodyReport> late() {
    return reports.stream().filter(BodyReport::late).toList();
  }

  /** The trích yếu: "Tổng hợp kết quả thực hiện … — Quý I/2026". */
  public String title() {
    return "Tổng hợp kết quả thực hiện " + directive + " — " + periodLabel;
  }

  /** A file name for the draft, in Vietnamese, without characters a file system refuses. */
  public String fileName(String extension) {
    String name = "Báo cáo tổng hợp " + directive + " " + periodLabel;
    return name.replaceAll("[\\\\/:*?\"<>|]+", "-").replaceAll("\\s+", " ").strip()
        + "."
        + extension;
  }
}
