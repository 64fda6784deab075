package vn.danvan.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real files of every accepted kind, and bad ones, made in the test. */
public final class TestFiles {

  private TestFiles() {}

  /**
   * A valid one-page PDF, with {@code padding} bytes of random data in an unused stream (to make it
   * span several stored parts).
   */
  public static byte[] pdf(int padding) {
    byte[] random = new byte[padding];
    new Random(23).nextBytes(random);
    String text = "BT /F1 18 Tf 72 770 Td (Bao cao ket qua thuc hien) Tj ET";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] offsets = new int[7];
    write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
    String[] objects = {
      "<</Type/Catalog/Pages 2 0 R>>",
      "<</Type/Pages/Kids[3 0 R]/Count 1>>",
      "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
          + "/Resources<</Font<</F1 5 0 R>>>>>>",
      "<</Length " + text.length() + ">>\nstream\n" + text + "\nendstream",
      "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"
    };
    for (int i = 0; i < objects.length; i++) {
      offsets[i + 1] = out.size();
      write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
    }
    offsets[6] = out.size();
    write(out, "6 0 obj\n<</Length " + padding + ">>\nstream\n");
    out.writeBytes(random);
    write(out, "\nendstream\nendobj\n");
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 7\n0000000000 65535 f \n");
    for (int i = 1; i <= 6; i++) {
      table.append(String.format("%010d 00000 n \n", offsets[i]));
    }
    table.append("trailer\n<</Size 7/Root 1 0 R>>\nstartxref\n").append(xref).append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  /** A minimal valid Word document (.docx): the parts Word and LibreOffice need. */
  static byte[] docx(String text) {
    return docx(text, 0);
  }

  /** The same, with an extra entry of {@code zeros} zero bytes (a zip bomb when large). */
  static byte[] docx(String text, int zeros) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\" ContentType="
              + "\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
              + "</Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
              + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
              + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"word/document.xml\"/></Relationships>");
      entry(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
              + "2006/main\"><w:body><w:p><w:r><w:t>"
              + text
              + "</w:t></w:r></w:p></w:body></w:document>");
      if (zeros > 0) {
        zip.putNextEntry(new ZipEntry("word/media/anh.bin"));
        byte[] block = new byte[64 * 1024];
        for (int written = 0; written < zeros; written += block.length) {
          zip.write(block);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] xlsx() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.createSheet("Số liệu")
          .createRow(0)
          .createCell(0)
          .setCellValue("Số hộ được tuyên truyền");
      book.write(out);
      return out.toByteArray();
    }
  }

  static byte[] xls() throws IOException {
    try (HSSFWorkbook book = new HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      book.createSheet("Số liệu").createRow(0).createCell(0).setCellValue("Số hộ");
      book.write(out);
      return out.toByteArray();
    }
  }

  /** A Word 97–2003 container: an OLE2 file with the WordDocument stream Word writes. */
  static byte[] doc() throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
      fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "1Table");
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  /** An OpenDocument text or spreadsheet: its mimetype stored first, then content. */
  static byte[] openDocument(String mimeType) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] type = mimeType.getBytes(StandardCharsets.US_ASCII);
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      entry(
          zip,
          "META-INF/manifest.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest="
              + "\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
              + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\""
              + mimeType
              + "\"/><manifest:file-entry manifest:full-path=\"content.xml\""
              + " manifest:media-type=\"text/xml\"/></manifest:manifest>");
      entry(
          zip,
          "content.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office="
              + "\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" office:version=\"1.2\">"
              + "<office:body/></office:document-content>");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] image(String format) throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0xcc0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  /** A Windows program (MZ and PE headers). */
  static byte[] exe() {
    byte[] exe = new byte[1024];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
