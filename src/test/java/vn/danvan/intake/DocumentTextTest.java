package vn.danvan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import vn.danvan.input.InvalidInputException;

/** The text of real files made here: Word, PDF with and without a text layer, plain text. */
class DocumentTextTest {

  static final String ITEM = "Ban Dân vận Tỉnh ủy chủ trì, báo cáo hằng quý.";

  @Test
  void readsPlainTextInUtf8AndUtf16() {
    String decomposed = Normalizer.normalize("Chỉ thị về công tác dân vận", Normalizer.Form.NFD);
    assertThat(DocumentText.of(decomposed.getBytes(StandardCharsets.UTF_8), "a.txt"))
        .isEqualTo("Chỉ thị về công tác dân vận");
    byte[] utf16 = ("\ufeff" + ITEM).getBytes(StandardCharsets.UTF_16LE);
    assertThat(DocumentText.of(utf16, "b.txt")).isEqualTo(ITEM);
    assertThat(DocumentText.of(ITEM.getBytes(StandardCharsets.UTF_16), "c.txt")).isEqualTo(ITEM);
  }

  @Test
  void readsAWordDocumentWithItsListLabelsAndTables() throws IOException {
    byte[] docx;
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("CHỈ THỊ");
      BigInteger list = decimalList(document);
      for (String text : new String[] {"Quán triệt Chỉ thị.", ITEM}) {
        XWPFParagraph item = document.createParagraph();
        item.setNumID(list);
        item.setNumILvl(BigInteger.ZERO);
        item.createRun().setText(text);
      }
      XWPFTable table = document.createTable(1, 2);
      table.getRow(0).getCell(0).setText("Sở Nội vụ");
      table.getRow(0).getCell(1).setText("trước ngày 30/9/2026");
      document.write(out);
      docx = out.toByteArray();
    }
    String text = DocumentText.of(docx, "chi-thi.docx");
    assertThat(text)
        .contains("CHỈ THỊ\n")
        .contains("1. Quán triệt Chỉ thị.\n")
        .contains("2. " + ITEM + "\n")
        .contains("Sở Nội vụ | trước ngày 30/9/2026");
  }

  @Test
  void readsAPdfTextLayerInVietnamese() throws IOException {
    assertThat(DocumentText.of(pdf(ITEM), "chi-thi.pdf")).contains(ITEM);
  }

  @Test
  void refusesAScannedPdf() throws IOException {
    byte[] scan;
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      document.addPage(page);
      java.awt.image.BufferedImage image =
          new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
      PDImageXObject picture = LosslessFactory.createFromImage(document, image);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(picture, 50, 500);
      }
      document.save(out);
      scan = out.toByteArray();
    }
    assertThatThrownBy(() -> DocumentText.of(scan, "ban-quet.pdf"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bản quét");
  }

  @Test
  void refusesAProgramAndAnEmptyFile() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    assertThatThrownBy(() -> DocumentText.of(exe, "chi-thi.exe"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không phải văn bản đọc được");
    assertThatThrownBy(() -> DocumentText.of(new byte[0], "rong.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rỗng");
  }

  @Test
  void refusesTextInAnotherEncoding() {
    byte[] latin = "Chi thi: thành phố, kế hoạch".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> DocumentText.of(latin, "cu.txt"))
        .isInstanceOf(InvalidInputException.class);
  }

  /** A one-page PDF showing the text in the Liberation Sans font PDFBox ships (Vietnamese). */
  static byte[] pdf(String text) throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream font =
            PDDocument.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDType0Font vietnamese = PDType0Font.load(document, font);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(vietnamese, 12);
        content.newLineAtOffset(50, 700);
        content.showText(text);
        content.endText();
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static BigInteger decimalList(XWPFDocument document) {
    CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
    abstractNum.setAbstractNumId(BigInteger.ZERO);
    CTLvl level = abstractNum.addNewLvl();
    level.setIlvl(BigInteger.ZERO);
    level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
    level.addNewLvlText().setVal("%1.");
    level.addNewStart().setVal(BigInteger.ONE);
    XWPFNumbering numbering = document.createNumbering();
    BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
    return numbering.addNum(abstractId);
  }
}
