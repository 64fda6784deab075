package vn.danvan.periodic;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.danvan.tracking.ReportFigures;

/**
 * The consolidated report's data as a workbook: sheet "Báo cáo các đơn vị", one row per body that
 * answered (when, on time or late, each figure, its report) and the totals; sheet "Chậm, chưa báo
 * cáo", the bodies that answered late or not at all.
 */
public final class ConsolidatedXlsx {

  static final String REPORTS = "Báo cáo các đơn vị";
  static final String LATE_OR_MISSING = "Chậm, chưa báo cáo";

  /** Excel's limit on a cell's text. */
  static final int CELL_CHARS = 32_767;

  private ConsolidatedXlsx() {}

  public static void write(ConsolidatedReport report, OutputStream out) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = book.createCellStyle();
      wrap.setWrapText(true);
      reports(book.createSheet(REPORTS), report, bold, wrap);
      lateOrMissing(book.createSheet(LATE_OR_MISSING), report, bold);
      book.write(out);
    }
  }

  private static void reports(
      Sheet sheet, ConsolidatedReport report, CellStyle bold, CellStyle wrap) {
    Row title = sheet.createRow(0);
    title.createCell(0).setCellValue("BÁO CÁO TỔNG HỢP: " + report.title());
    title.getCell(0).setCellStyle(bold);
    sheet
        .createRow(1)
        .createCell(0)
        .setCellValue(
            report.issuer()
                + (report.due() == null
                    ? ""
                    : "; hạn báo cáo " + ConsolidatedDocx.DAY.format(report.due())));
    Row head = sheet.createRow(3);
    String[] fixed = {"TT", "Đơn vị", "Thời điểm báo cáo", "Đúng hạn"};
    for (int c = 0; c < fixed.length; c++) {
      head.createCell(c).setCellValue(fixed[c]);
    }
    int first = fixed.length;
    for (int f = 0; f < report.figures().size(); f++) {
      head.createCell(first + f).setCellValue(report.figures().get(f).heading());
    }
    int textColumn = first + report.figures().size();
    head.createCell(textColumn).setCellValue("Nội dung báo cáo");
    head.forEach(cell -> cell.setCellStyle(bold));
    int r = 4;
    int n = 1;
    for (ConsolidatedReport.BodyReport body : report.reports()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(n++);
      row.createCell(1).setCellValue(body.name());
      if (body.submitted() != null) {
        row.createCell(2).setCellValue(ConsolidatedDocx.TIME.format(body.submitted()));
      }
      row.createCell(3).setCellValue(body.late() ? "Muộn" : "Đúng hạn");
      for (int f = 0; f < report.figures().size(); f++) {
        Long value = body.figures().get(report.figures().get(f).key());
        if (value != null) {
          row.createCell(first + f).setCellValue(value);
        }
      }
      String text = body.text();
      row.createCell(textColumn)
          .setCellValue(text.length() > CELL_CHARS ? text.substring(0, CELL_CHARS) : text);
      row.getCell(textColumn).setCellStyle(wrap);
    }
    Row total = sheet.createRow(r);
    total.createCell(1).setCellValue("Cộng (" + report.reports().size() + " đơn vị)");
    for (int f = 0; f < report.figures().size(); f++) {
      ReportFigures.Figure figure = report.figures().get(f);
      total.createCell(first + f).setCellValue(report.totals().getOrDefault(figure.key(), 0L));
    }
    total.forEach(cell -> cell.setCellStyle(bold));
    sheet.setColumnWidth(1, 45 * 256);
    sheet.setColumnWidth(2, 20 * 256);
    for (int f = 0; f < report.figures().size(); f++) {
      sheet.setColumnWidth(first + f, 18 * 256);
    }
    sheet.setColumnWidth(textColumn, 80 * 256);
    sheet.createFreezePane(2, 4);
  }

  private static void lateOrMissing(Sheet sheet, ConsolidatedReport report, CellStyle bold) {
    Row head = sheet.createRow(0);
    head.createCell(0).setCellValue("Đơn vị");
    head.createCell(1).setCellValue("Tình trạng");
    head.forEach(cell -> cell.setCellStyle(bold));
    int r = 1;
    for (ConsolidatedReport.BodyReport body : report.late()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(body.name());
      row.createCell(1)
          .setCellValue("Báo cáo muộn, lúc " + ConsolidatedDocx.TIME.format(body.submitted()));
    }
    for (String name : report.missing()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(name);
      row.createCell(1).setCellValue("Chưa báo cáo");
    }
    sheet.setColumnWidth(0, 50 * 256);
    sheet.setColumnWidth(1, 40 * 256);
  }
}
