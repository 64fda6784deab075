package vn.danvan.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The draft read back with POI: the header table, tên loại and trích yếu, a section and a figure
 * table per body, late and missing bodies, the closing blocks, the fonts and the page. Also writes
 * the sample {@code target/documents/bao-cao-tong-hop-mau.docx} that scripts/render-report.sh
 * renders.
 */
class ConsolidatedDocxTest {

  static final Path SAMPLE = Path.of("target/documents/bao-cao-tong-hop-mau.docx");

  static XWPFDocument read(ConsolidatedReport report) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsolidatedDocx.write(report, out);
    return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
  }

  static String text(XWPFTableCell cell) {
    return cell.getParagraphs().stream()
        .map(XWPFParagraph::getText)
        .collect(Collectors.joining("\n"));
  }

  /** The paragraphs of the document's body (outside tables), in order. */
  static List<String> paragraphs(XWPFDocument doc) {
    return doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
  }

  @Test
  void writesTheSampleForTheRenderScript() throws Exception {
    Files.createDirectories(SAMPLE.getParent());
    try (var out = Files.newOutputStream(SAMPLE)) {
      ConsolidatedDocx.write(
          ConsolidatedSamples.sample(List.of("Báo cáo Sở Nội vụ quý I.pdf")), out);
    }
    try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(SAMPLE))) {
      assertThat(paragraphs(doc)).contains("BÁO CÁO");
    }
  }

  @Test
  void theHeaderIsATwoColumnTableWithoutBorders() throws Exception {
    try (XWPFDocument doc = read(ConsolidatedSamples.sample(List.of()))) {
      IBodyElement firstElement = doc.getBodyElements().get(0);
      assertThat(firstElement).as("the header comes first").isInstanceOf(XWPFTable.class);
      XWPFTable header = (XWPFTable) firstElement;
      assertThat(header.getRows()).hasSize(2);
      assertThat(header.getRow(0).getTableCells()).hasSize(2);
      assertThat(text(header.getRow(0).getCell(0))).startsWith("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY");
      assertThat(text(header.getRow(1).getCell(0))).matches("Số:\\s+/BC-BTGDVTU");
      assertThat(text(header.getRow(0).getCell(1)))
          .isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
      assertThat(text(header.getRow(1).getCell(1)))
          .isEqualTo("Tỉnh mẫu, ngày 06 tháng 04 năm 2026");
      XWPFRun issuer = header.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0);
      assertThat(issuer.isBold()).isTrue();
      XWPFParagraph nation = header.getRow(0).getCell(1).getParagraphs().get(0);
      assertThat(nation.getRuns().get(0).isBold()).isTrue();
      XWPFRun motto = header.getRow(0).getCell(1).getParagraphs().get(1).getRuns().get(0);
      assertThat(motto.isBold()).isTrue();
      assertThat(motto.getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
      XWPFRun date = header.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
      assertThat(date.isItalic()).isTrue();
      assertThat(header.getCTTbl().getTblPr().isSetTblBorders()).as("no borders").isFalse();
    }
  }

  @Test
  void nameAndSubjectCentredThenASectionPerBodyWithItsFigures() throws Exception {
    ConsolidatedReport report = ConsolidatedSamples.sample(List.of());
    try (XWPFDocument doc = read(report)) {
      List<String> paragraphs = paragraphs(doc);
      XWPFParagraph kind =
          doc.getParagraphs().stream()
              .filter(p -> p.getText().equals("BÁO CÁO"))
              .findFirst()
              .orElseThrow();
      assertThat(kind.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
      assertThat(kind.getRuns().get(0).isBold()).isTrue();
      assertThat(paragraphs)
          .contains("Tổng hợp kết quả thực hiện Chỉ thị số 03-CT/TU — Quý I/2026")
          .contains("Kính gửi: Ban Thường vụ Tỉnh ủy")
          .contains("I. KẾT QUẢ BÁO CÁO CỦA CÁC ĐƠN VỊ")
          .contains("1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "2. Sở Nội vụ", "3. Sở Tài chính")
          .contains("II. SỐ LIỆU TỔNG HỢP", "III. ĐƠN VỊ CHẬM, CHƯA BÁO CÁO");
      assertThat(paragraphs).noneMatch(p -> p.contains("TÀI LIỆU KÈM THEO"));
      assertThat(String.join("\n", paragraphs))
          .contains("Đã nhận báo cáo của 3/5 đơn vị, trong đó 1 đơn vị báo cáo muộn")
          .contains("(Báo cáo lúc 16:40 ngày 31/03/2026, đúng hạn)")
          .contains("(Báo cáo lúc 08:05 ngày 03/04/2026, sau hạn báo cáo)")
          .contains("tiếp nhận 45 ý kiến");

      // after each body's heading, its figures' table; then the totals'
      List<XWPFTable> figureTables = doc.getTables().subList(1, doc.getTables().size() - 1);
      assertThat(figureTables).hasSize(report.reports().size() + 1);
      XWPFTable interior = figureTables.get(1);
      assertThat(rows(interior))
          .containsExactly(
              List.of("TT", "Chỉ tiêu", "Số liệu"),
              List.of("1", "Số cuộc đối thoại với Nhân dân (cuộc)", "4"),
              List.of("2", "Số kiến nghị đã giải quyết (kiến nghị)", "1.250"),
              List.of("3", "Số mô hình \"Dân vận khéo\" (mô hình)", "1"));
      assertThat(rows(figureTables.get(2)).get(3))
          .as("a figure the body did not give stays blank")
          .containsExactly("3", "Số mô hình \"Dân vận khéo\" (mô hình)", "");
      assertThat(rows(figureTables.get(3)))
          .contains(List.of("2", "Số kiến nghị đã giải quyết (kiến nghị)", "1.296"));
      int heading = doc.getBodyElements().indexOf(paragraph(doc, "2. Sở Nội vụ"));
      int table = doc.getBodyElements().indexOf(interior);
      int next = doc.getBodyElements().indexOf(paragraph(doc, "3. Sở Tài chính"));
      assertThat(table).isBetween(heading, next);
    }
  }

  @Test
  void lateAndMissingBodiesAreListed() throws Exception {
    try (XWPFDocument doc = read(ConsolidatedSamples.sample(List.of()))) {
      List<String> paragraphs = paragraphs(doc);
      int section = paragraphs.indexOf("III. ĐƠN VỊ CHẬM, CHƯA BÁO CÁO");
      assertThat(paragraphs.subList(section, paragraphs.size()))
          .containsSubsequence(
              "Đơn vị báo cáo chậm (1):",
              "- Sở Tài chính (03/04/2026);",
              "Đơn vị chưa báo cáo (2):",
              "- Sở Giáo dục và Đào tạo;",
              "- Đài Phát thanh và Truyền hình tỉnh;");
    }
  }

  @Test
  void attachmentsAreListedWhenThereAreAny() throws Exception {
    try (XWPFDocument doc =
        read(ConsolidatedSamples.sample(List.of("Báo cáo Sở Nội vụ.pdf", "Biểu số liệu.xlsx")))) {
      assertThat(paragraphs(doc))
          .containsSubsequence(
              "IV. TÀI LIỆU KÈM THEO", "- Báo cáo Sở Nội vụ.pdf;", "- Biểu số liệu.xlsx;");
    }
  }

  @Test
  void closingHasRecipientsLeftAndSignatureRight() throws Exception {
    try (XWPFDocument doc = read(ConsolidatedSamples.sample(List.of()))) {
      XWPFTable closing = doc.getTables().get(doc.getTables().size() - 1);
      assertThat(doc.getBodyElements().get(doc.getBodyElements().size() - 1))
          .as("the closing ends the document")
          .isSameAs(closing);
      XWPFTableCell left = closing.getRow(0).getCell(0);
      assertThat(text(left)).isEqualTo("Nơi nhận:\n- Như trên;\n- Lưu: VT, BTGDVTU.");
      XWPFRun heading = left.getParagraphs().get(0).getRuns().get(0);
      assertThat(heading.isBold() && heading.isItalic()).isTrue();
      assertThat(text(closing.getRow(0).getCell(1)))
          .startsWith("TM. BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY\n(Chữ ký, dấu)")
          .endsWith("Họ và tên");
      assertThat(closing.getRow(0).isCantSplitRow()).as("the signature on one page").isTrue();
      assertThat(closing.getCTTbl().getTblPr().isSetTblBorders()).isFalse();
    }
  }

  @Test
  void everyRunIsTimesNewRoman13Or14AndSoIsTheDefault() throws Exception {
    try (XWPFDocument doc = read(ConsolidatedSamples.sample(List.of("Tệp.pdf")))) {
      List<XWPFRun> runs = new ArrayList<>();
      doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
      for (XWPFTable table : doc.getTables()) {
        for (XWPFTableRow row : table.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            cell.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
          }
        }
      }
      assertThat(runs).hasSizeGreaterThan(50);
      for (XWPFRun run : runs) {
        assertThat(run.getFontFamily()).as(run.text()).isEqualTo("Times New Roman");
        assertThat(run.getFontSizeAsDouble()).as(run.text()).isIn(13.0, 14.0);
      }
      var defaults = doc.getStyle().getDocDefaults().getRPrDefault().getRPr();
      assertThat(defaults.getRFontsArray(0).getAscii()).isEqualTo("Times New Roman");
      assertThat(defaults.getSzArray(0).getVal().toString()).isEqualTo("28");
    }
  }

  @Test
  void pageIsA4WithTheDecreesMargins() throws Exception {
    try (XWPFDocument doc = read(ConsolidatedSamples.sample(List.of()))) {
      CTSectPr section = doc.getDocument().getBody().getSectPr();
      assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
      assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
      CTPageMar margins = section.getPgMar();
      assertThat(mm(margins.getTop())).isBetween(20.0, 25.0);
      assertThat(mm(margins.getBottom())).isBetween(20.0, 25.0);
      assertThat(mm(margins.getLeft())).isBetween(30.0, 35.0);
      assertThat(mm(margins.getRight())).isBetween(15.0, 20.0);
    }
  }

  @Test
  void aLongReportIsShortenedAtASentence() {
    String summary = ConsolidatedDocx.summary(ConsolidatedSamples.LONG_REPORT, 1200);
    assertThat(ConsolidatedSamples.LONG_REPORT.length()).isGreaterThan(1200);
    assertThat(summary.length()).isBetween(600, 1202);
    assertThat(summary).endsWith(". …");
    assertThat(ConsolidatedSamples.LONG_REPORT)
        .startsWith(summary.substring(0, summary.length() - 2));
    assertThat(ConsolidatedDocx.summary("Ngắn.", 1200)).isEqualTo("Ngắn.");
    assertThat(ConsolidatedDocx.summary("một hai ba bốn năm sáu", 12)).isEqualTo("một hai ba …");
  }

  static double mm(Object twips) {
    return Double.parseDouble(twips.toString()) * 25.4 / 1440;
  }

  static List<List<String>> rows(XWPFTable table) {
    return table.getRows().stream()
        .map(r -> r.getTableCells().stream().map(ConsolidatedDocxTest::text).toList())
        .toList();
  }

  static XWPFParagraph paragraph(XWPFDocument doc, String text) {
    return doc.getParagraphs().stream()
        .filter(p -> p.getText().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph " + text));
  }
}
