package vn.danvan.rehearsal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.danvan.rehearsal.Rehearsal.BodyYears;
import vn.danvan.rehearsal.Rehearsal.Incident;
import vn.danvan.rehearsal.Rehearsal.OpenWork;
import vn.danvan.rehearsal.Rehearsal.Result;
import vn.danvan.rehearsal.Rehearsal.YearTotals;

/**
 * A rehearsal as a workbook: sheet "Theo năm" (the year's totals), "Theo đơn vị" (each body's
 * tasks, year by year), "Sự cố" (incidents), "Kết thúc" (how the run ended, the work left open).
 */
public final class RehearsalXlsx {

  static final String YEARS = "Theo năm";
  static final String BODIES = "Theo đơn vị";
  static final String INCIDENTS = "Sự cố";
  static final String ENDING = "Kết thúc";

  /** The first row of each table under the title. */
  static final int HEAD = 3;

  private RehearsalXlsx() {}

  /** {@code dien-tap-<key>-<issued>.xlsx}. */
  static String fileName(Result result) {
    return "dien-tap-" + result.key() + "-" + result.issued() + ".xlsx";
  }

  public static byte[] write(Result result) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      years(title(book.createSheet(YEARS), result, bold), result, bold);
      bodies(title(book.createSheet(BODIES), result, bold), result, bold);
      incidents(title(book.createSheet(INCIDENTS), result, bold), result, bold);
      ending(title(book.createSheet(ENDING), result, bold), result, bold);
      book.write(out);
      return out.toByteArray();
    }
  }

  private static Sheet title(Sheet sheet, Result result, CellStyle bold) {
    Row title = sheet.createRow(0);
    title.createCell(0).setCellValue("DIỄN TẬP VĂN BẢN " + result.number() + ": " + result.name());
    title.getCell(0).setCellStyle(bold);
    sheet
        .createRow(1)
        .createCell(0)
        .setCellValue(
            "Ban hành "
                + day(result.issued())
                + "; việc trả lời muộn "
                + percent(result.settings().lateShare())
                + ", đơn vị không trả lời "
                + percent(result.settings().silentShare())
                + ", hạt giống "
                + result.settings().seed()
                + "; chạy "
                + result.seconds()
                + " giây");
    return sheet;
  }

  private static void head(Sheet sheet, CellStyle bold, List<String> names) {
    Row head = sheet.createRow(HEAD);
    for (int c = 0; c < names.size(); c++) {
      head.createCell(c).setCellValue(names.get(c));
      head.getCell(c).setCellStyle(bold);
    }
  }

  private static void years(Sheet sheet, Result result, CellStyle bold) {
    head(
        sheet,
        bold,
        List.of(
            "Năm",
            "Việc giao",
            "Nhắc hạn",
            "Đôn đốc",
            "Báo cáo định kỳ",
            "Sơ kết, tổng kết",
            "Sự cố"));
    int r = HEAD + 1;
    long[] sum = new long[6];
    for (YearTotals y : result.years()) {
      long[] v = {y.tasks(), y.reminders(), y.chases(), y.reports(), y.reviews(), y.incidents()};
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(y.year());
      for (int c = 0; c < v.length; c++) {
        row.createCell(1 + c).setCellValue(v[c]);
        sum[c] += v[c];
      }
    }
    Row total = sheet.createRow(r);
    total.createCell(0).setCellValue("Cộng");
    total.getCell(0).setCellStyle(bold);
    for (int c = 0; c < sum.length; c++) {
      total.createCell(1 + c).setCellValue(sum[c]);
    }
  }

  private static void bodies(Sheet sheet, Result result, CellStyle bold) {
    TreeSet<Integer> years = new TreeSet<>();
    result.years().forEach(y -> years.add(y.year()));
    List<String> names = new java.util.ArrayList<>(List.of("Mã đơn vị", "Đơn vị"));
    years.forEach(y -> names.add(String.valueOf(y)));
    names.add("Cộng");
    head(sheet, bold, names);
    int r = HEAD + 1;
    for (BodyYears body : result.bodies()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(body.body());
      row.createCell(1).setCellValue(body.name());
      int c = 2;
      for (int year : years) {
        row.createCell(c++).setCellValue(body.tasks().getOrDefault(year, 0L));
      }
      row.createCell(c).setCellValue(body.total());
    }
  }

  private static void incidents(Sheet sheet, Result result, CellStyle bold) {
    head(sheet, bold, List.of("Ngày", "Bước", "Nội dung"));
    int r = HEAD + 1;
    for (Incident incident : result.incidents()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(day(incident.date()));
      row.createCell(1).setCellValue(incident.activity());
      row.createCell(2).setCellValue(incident.message());
    }
    if (result.incidents().isEmpty()) {
      sheet.createRow(r).createCell(0).setCellValue("Không có sự cố");
    }
  }

  private static void ending(Sheet sheet, Result result, CellStyle bold) {
    var ending = result.ending();
    head(sheet, bold, List.of("Kết thúc", "Ngày", "Lý do", "Việc còn mở"));
    Row row = sheet.createRow(HEAD + 1);
    row.createCell(0).setCellValue(ending.ended() ? "Có" : "Không");
    row.createCell(1).setCellValue(day(ending.date()));
    row.createCell(2).setCellValue(ending.reason());
    row.createCell(3).setCellValue(ending.openTasks());
    int r = HEAD + 3;
    Row head = sheet.createRow(r++);
    String[] names = {"Mã đơn vị", "Đơn vị", "Bước", "Tên việc", "Số việc còn mở"};
    for (int c = 0; c < names.length; c++) {
      head.createCell(c).setCellValue(names[c]);
      head.getCell(c).setCellStyle(bold);
    }
    for (OpenWork open : ending.open()) {
      Row line = sheet.createRow(r++);
      line.createCell(0).setCellValue(open.body());
      line.createCell(1).setCellValue(open.bodyName());
      line.createCell(2).setCellValue(open.activity());
      line.createCell(3).setCellValue(open.activityName());
      line.createCell(4).setCellValue(open.count());
    }
  }

  private static String day(LocalDate day) {
    return day == null ? "" : Rehearsals.DAY.format(day);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
