package vn.danvan.periodic;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import vn.danvan.tracking.ReportFigures;

/**
 * The consolidated report as a .docx draft laid out after Nghị định 30/2020/NĐ-CP (thể thức văn bản
 * hành chính): on A4 with margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman
 * throughout, 13 pt in the header and the closing blocks, 14 pt in the body; the issuing body and
 * the number left, quốc hiệu, tiêu ngữ, place and date right; tên loại and trích yếu centred; the
 * body text; nơi nhận bottom left and the signature block bottom right.
 */
public final class ConsolidatedDocx {

  public static final String FONT = "Times New Roman";
  static final int HEADER_SIZE = 13;
  static final int BODY_SIZE = 14;

  /** A4 in twentieths of a point, and the margins (20, 20, 30, 15 mm). */
  static final int A4_WIDTH = 11906;

  static final int A4_HEIGHT = 16838;
  static final int MARGIN_TOP = mm(20);
  static final int MARGIN_BOTTOM = mm(20);
  static final int MARGIN_LEFT = mm(30);
  static final int MARGIN_RIGHT = mm(15);
  static final int TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

  /** The header's and the closing's left column, the rest is the right one. */
  static final int LEFT_COLUMN = mm(62);

  /** A body's report in the draft: at most this many characters of it. */
  static final int SUMMARY_CHARS = 1200;

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
  private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI"};

  private ConsolidatedDocx() {}

  static int mm(double millimetres) {
    return (int) Math.ceil(millimetres * 1440 / 25.4);
  }

  public static void write(ConsolidatedReport report, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      defaults(doc);
      page(doc);
      header(doc, report);
      title(doc, report);
      body(doc, report);
      closing(doc, report);
      doc.write(out);
    }
  }

  /** Times New Roman 14 as the document's default (what a person types next is in it too). */
  private static void defaults(XWPFDocument doc) {
    CTStyles styles = CTStyles.Factory.newInstance();
    CTRPr run = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
    CTFonts fonts = run.addNewRFonts();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    run.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
    run.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
    run.addNewLang().setVal("vi-VN");
    doc.createStyles().setStyles(styles);
  }

  private static void page(XWPFDocument doc) {
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(A4_WIDTH));
    size.setH(BigInteger.valueOf(A4_HEIGHT));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(MARGIN_TOP));
    margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    margins.setHeader(BigInteger.valueOf(mm(10)));
    margins.setFooter(BigInteger.valueOf(mm(10)));
    margins.setGutter(BigInteger.ZERO);
  }

  /** Issuing body and number left; quốc hiệu, tiêu ngữ, place and date right. */
  private static void header(XWPFDocument doc, ConsolidatedReport report) {
    XWPFTable table = twoColumns(doc, 2);
    XWPFTableCell issuer = table.getRow(0).getCell(0);
    text(first(issuer), ParagraphAlignment.CENTER, report.issuer().toUpperCase(), HEADER_SIZE)
        .setBold(true);
    rule(issuer, 14);
    text(
        first(table.getRow(1).getCell(0)),
        ParagraphAlignment.CENTER,
        "Số:        /BC-" + report.issuerCode(),
        HEADER_SIZE);
    XWPFTableCell nation = table.getRow(0).getCell(1);
    text(
            first(nation),
            ParagraphAlignment.CENTER,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            HEADER_SIZE)
        .setBold(true);
    XWPFRun motto =
        text(nation.addParagraph(), ParagraphAlignment.CENTER, "Độc lập - Tự do - Hạnh phúc", 14);
    motto.setBold(true);
    motto.setUnderline(UnderlinePatterns.SINGLE);
    text(
            first(table.getRow(1).getCell(1)),
            ParagraphAlignment.CENTER,
            report.place() + ", " + dated(report.date()),
            14)
        .setItalic(true);
  }

  /** "ngày 06 tháng 12 năm 2026" (ngày and tháng below 10 with a leading 0, as the decree says). */
  static String dated(LocalDate day) {
    return String.format(
        "ngày %02d tháng %02d năm %d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
  }

  private static void title(XWPFDocument doc, ConsolidatedReport report) {
    XWPFParagraph kind = paragraph(doc, ParagraphAlignment.CENTER);
    kind.setSpacingBefore(360);
    text(kind, null, "BÁO CÁO", BODY_SIZE).setBold(true);
    text(paragraph(doc, ParagraphAlignment.CENTER), null, report.title(), BODY_SIZE).setBold(true);
    XWPFParagraph line = paragraph(doc, ParagraphAlignment.CENTER);
    text(line, null, "―――――――", BODY_SIZE);
    if (report.recipient() != null) {
      XWPFParagraph to = paragraph(doc, ParagraphAlignment.CENTER);
      to.setSpacingAfter(240);
      text(to, null, "Kính gửi: " + report.recipient(), BODY_SIZE);
    }
  }

  private static void body(XWPFDocument doc, ConsolidatedReport report) {
    int answered = report.reports().size();
    int asked = answered + report.missing().size();
    StringBuilder intro =
        new StringBuilder("Thực hiện ")
            .append(report.directive())
            .append(", ")
            .append(report.issuer())
            .append(" tổng hợp báo cáo ")
            .append(report.periodLabel());
    if (!report.subject().isBlank()) {
      intro.append(" về ").append(report.subject());
    }
    if (report.due() != null) {
      intro.append(" (hạn báo cáo ").append(DAY.format(report.due())).append(')');
    }
    intro
        .append(". Đã nhận báo cáo của ")
        .append(answered)
        .append('/')
        .append(asked)
        .append(" đơn vị");
    if (!report.late().isEmpty()) {
      intro.append(", trong đó ").append(report.late().size()).append(" đơn vị báo cáo muộn");
    }
    intro.append("; ").append(report.missing().size()).append(" đơn vị chưa báo cáo. ");
    intro.append("Kết quả cụ thể như sau:");
    prose(doc, intro.toString());

    int part = 0;
    heading(doc, ROMAN[part++] + ". KẾT QUẢ BÁO CÁO CỦA CÁC ĐƠN VỊ");
    if (report.reports().isEmpty()) {
      prose(doc, "Chưa đơn vị nào gửi báo cáo trong kỳ.");
    }
    int n = 1;
    for (ConsolidatedReport.BodyReport body : report.reports()) {
      heading(doc, (n++) + ". " + body.name());
      if (body.submitted() != null) {
        XWPFParagraph when = indented(doc);
        text(
                when,
                null,
                "(Báo cáo lúc "
                    + TIME.format(body.submitted())
                    + (body.late() ? ", sau hạn báo cáo)" : ", đúng hạn)"),
                BODY_SIZE)
            .setItalic(true);
      }
      String summary = summary(body.text(), SUMMARY_CHARS);
      if (summary.isEmpty()) {
        prose(doc, "(Báo cáo không có nội dung văn bản.)");
      }
      for (String para : summary.split("\\n+")) {
        if (!para.isBlank()) {
          prose(doc, para.strip());
        }
      }
      if (!report.figures().isEmpty()) {
        figureTable(doc, report.figures(), body.figures(), "Số liệu");
      }
    }
    if (!report.figures().isEmpty()) {
      heading(doc, ROMAN[part++] + ". SỐ LIỆU TỔNG HỢP");
      prose(doc, "Tổng cộng số liệu của " + answered + " đơn vị đã báo cáo:");
      figureTable(doc, report.figures(), report.totals(), "Tổng cộng");
    }
    heading(doc, ROMAN[part++] + ". ĐƠN VỊ CHẬM, CHƯA BÁO CÁO");
    if (report.late().isEmpty() && report.missing().isEmpty()) {
      prose(doc, "Các đơn vị đều báo cáo đúng hạn.");
    }
    if (!report.late().isEmpty()) {
      prose(doc, "Đơn vị báo cáo chậm (" + report.late().size() + "):");
      report.late().forEach(b -> bullet(doc, b.name() + " (" + DAY.format(b.submitted()) + ")"));
    }
    if (!report.missing().isEmpty()) {
      prose(doc, "Đơn vị chưa báo cáo (" + report.missing().size() + "):");
      report.missing().forEach(name -> bullet(doc, name));
    }
    if (!report.attachments().isEmpty()) {
      heading(doc, ROMAN[part++] + ". TÀI LIỆU KÈM THEO");
      report.attachments().forEach(name -> bullet(doc, name));
    }
    closingLine(
        doc,
        "Trên đây là báo cáo tổng hợp " + report.periodLabel() + " của " + report.issuer() + "./.");
  }

  /** The text's last paragraph, kept on the page of the signature block. */
  private static void closingLine(XWPFDocument doc, String text) {
    XWPFParagraph p = indented(doc);
    p.setKeepNext(true);
    text(p, null, text, BODY_SIZE);
  }

  /** Nơi nhận left, the signature block right. */
  private static void closing(XWPFDocument doc, ConsolidatedReport report) {
    paragraph(doc, ParagraphAlignment.LEFT).setKeepNext(true);
    XWPFTable table = twoColumns(doc, 1);
    table.getRow(0).setCantSplitRow(true); // the signature block stays on one page
    XWPFTableCell to = table.getRow(0).getCell(0);
    XWPFRun heading = text(first(to), ParagraphAlignment.LEFT, "Nơi nhận:", HEADER_SIZE);
    heading.setBold(true);
    heading.setItalic(true);
    if (report.recipient() != null) {
      text(to.addParagraph(), ParagraphAlignment.LEFT, "- Như trên;", HEADER_SIZE);
    }
    text(to.addParagraph(), ParagraphAlignment.LEFT, "- Lưu: VT, " + report.issuerCode() + ".", 13);
    XWPFTableCell sign = table.getRow(0).getCell(1);
    text(first(sign), ParagraphAlignment.CENTER, "TM. " + report.issuer().toUpperCase(), 14)
        .setBold(true);
    text(sign.addParagraph(), ParagraphAlignment.CENTER, "(Chữ ký, dấu)", 14).setItalic(true);
    for (int i = 0; i < 3; i++) {
      sign.addParagraph();
    }
    text(sign.addParagraph(), ParagraphAlignment.CENTER, "Họ và tên", 14).setBold(true);
  }

  /** A figure table: one row per figure, its value (blank when the body gave none). */
  private static void figureTable(
      XWPFDocument doc, List<ReportFigures.Figure> figures, Map<String, Long> values, String head) {
    XWPFTable table = doc.createTable(figures.size() + 1, 3);
    table.setWidth(Integer.toString(TEXT_WIDTH));
    fixed(table);
    int[] widths = {mm(12), TEXT_WIDTH - mm(12) - mm(35), mm(35)};
    String[] heads = {"TT", "Chỉ tiêu", head};
    for (int c = 0; c < 3; c++) {
      XWPFTableCell cell = table.getRow(0).getCell(c);
      cell.setWidth(Integer.toString(widths[c]));
      text(first(cell), ParagraphAlignment.CENTER, heads[c], 13).setBold(true);
    }
    for (int r = 0; r < figures.size(); r++) {
      ReportFigures.Figure figure = figures.get(r);
      XWPFTableRow row = table.getRow(r + 1);
      Long value = values.get(figure.key());
      String[] cells = {
        Integer.toString(r + 1), figure.heading(), value == null ? "" : grouped(value)
      };
      ParagraphAlignment[] aligns = {
        ParagraphAlignment.CENTER, ParagraphAlignment.LEFT, ParagraphAlignment.RIGHT
      };
      for (int c = 0; c < 3; c++) {
        row.getCell(c).setWidth(Integer.toString(widths[c]));
        text(first(row.getCell(c)), aligns[c], cells[c], 13);
      }
    }
    paragraph(doc, ParagraphAlignment.LEFT).setSpacingAfter(0);
  }

  /** 12345 → "12.345", as numbers are written in Vietnamese. */
  static String grouped(long value) {
    return String.format("%,d", value).replace(',', '.');
  }

  /**
   * A body's report shortened for the draft: whole paragraphs while they fit, then the last one cut
   * at a sentence or word end with "…".
   */
  static String summary(String text, int max) {
    String clean = text == null ? "" : text.strip().replace("\r", "");
    if (clean.length() <= max) {
      return clean;
    }
    String cut = clean.substring(0, max);
    int end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(".\n"));
    if (end < max / 2) {
      end = cut.lastIndexOf(' ');
      return (end > 0 ? cut.substring(0, end) : cut).strip() + " …";
    }
    return cut.substring(0, end + 1).strip() + " …";
  }

  private static XWPFTable twoColumns(XWPFDocument doc, int rows) {
    XWPFTable table = doc.createTable(rows, 2);
    table.removeBorders();
    table.setWidth(Integer.toString(TEXT_WIDTH));
    fixed(table);
    for (XWPFTableRow row : table.getRows()) {
      row.getCell(0).setWidth(Integer.toString(LEFT_COLUMN));
      row.getCell(1).setWidth(Integer.toString(TEXT_WIDTH - LEFT_COLUMN));
    }
    return table;
  }

  private static void fixed(XWPFTable table) {
    var properties = table.getCTTbl().getTblPr();
    (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
        .setType(STTblLayoutType.FIXED);
  }

  /** A short line below a heading, as the decree draws under the issuing body. */
  private static void rule(XWPFTableCell cell, int length) {
    XWPFParagraph line = cell.addParagraph();
    line.setAlignment(ParagraphAlignment.CENTER);
    line.setSpacingAfter(0);
    text(line, null, "―".repeat(length / 2), HEADER_SIZE);
  }

  private static XWPFParagraph first(XWPFTableCell cell) {
    return cell.getParagraphs().get(0);
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    p.setSpacingAfter(0);
    return p;
  }

  private static XWPFParagraph indented(XWPFDocument doc) {
    XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(mm(10));
    p.setSpacingAfter(120);
    return p;
  }

  private static void prose(XWPFDocument doc, String text) {
    text(indented(doc), null, text, BODY_SIZE);
  }

  private static void heading(XWPFDocument doc, String text) {
    XWPFParagraph p = indented(doc);
    p.setSpacingBefore(120);
    p.setKeepNext(true);
    text(p, null, text, BODY_SIZE).setBold(true);
  }

  private static void bullet(XWPFDocument doc, String text) {
    text(indented(doc), null, "- " + text + ";", BODY_SIZE);
  }

  /** A run in Times New Roman of that size (align the paragraph too unless null). */
  private static XWPFRun text(XWPFParagraph p, ParagraphAlignment align, String text, int size) {
    if (align != null) {
      p.setAlignment(align);
    }
    XWPFRun run = p.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setText(text);
    return run;
  }
}
