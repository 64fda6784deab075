package vn.danvan.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The same data as the draft, read back: a row per body with its figures, totals, late, missing.
 */
class ConsolidatedXlsxTest {

  @Test
  void aRowPerBodyWithFiguresThenTotalsAndTheLateAndMissing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsolidatedXlsx.write(ConsolidatedSamples.sample(List.of()), out);
    DataFormatter format = new DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      Sheet reports = book.getSheet("Báo cáo các đơn vị");
      assertThat(format.formatCellValue(reports.getRow(0).getCell(0)))
          .isEqualTo(
              "BÁO CÁO TỔNG HỢP: Tổng hợp kết quả thực hiện Chỉ thị số 03-CT/TU — Quý I/2026");
      assertThat(cells(reports.getRow(3), format))
          .containsExactly(
              "TT",
              "Đơn vị",
              "Thời điểm báo cáo",
              "Đúng hạn",
              "Số cuộc đối thoại với Nhân dân (cuộc)",
              "Số kiến nghị đã giải quyết (kiến nghị)",
              "Số mô hình \"Dân vận khéo\" (mô hình)",
              "Nội dung báo cáo");
      assertThat(cells(reports.getRow(5), format).subList(0, 7))
          .containsExactly("2", "Sở Nội vụ", "16:40 ngày 31/03/2026", "Đúng hạn", "4", "1250", "1");
      assertThat(cells(reports.getRow(5), format).get(7))
          .as("the whole report, not the draft's summary")
          .isEqualTo(ConsolidatedSamples.LONG_REPORT.strip());
      assertThat(cells(reports.getRow(6), format).subList(1, 7))
          .containsExactly("Sở Tài chính", "08:05 ngày 03/04/2026", "Muộn", "2", "6", "");
      assertThat(cells(reports.getRow(7), format).subList(1, 7))
          .containsExactly("Cộng (3 đơn vị)", "", "", "18", "1296", "4");
      Sheet late = book.getSheet("Chậm, chưa báo cáo");
      List<String> rows = new ArrayList<>();
      late.forEach(r -> rows.add(String.join(" | ", cells(r, format))));
      assertThat(rows)
          .containsExactly(
              "Đơn vị | Tình trạng",
              "Sở Tài chính | Báo cáo muộn, lúc 08:05 ngày 03/04/2026",
              "Sở Giáo dục và Đào tạo | Chưa báo cáo",
              "Đài Phát thanh và Truyền hình tỉnh | Chưa báo cáo");
    }
  }

  static List<String> cells(Row row, DataFormatter format) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
    }
    return cells;
  }
}
