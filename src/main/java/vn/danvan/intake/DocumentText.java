package vn.danvan.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.danvan.attachment.FileCheck;
import vn.danvan.input.InvalidInputException;

/**
 * The text of an uploaded directive, by its content (never its name): plain text (UTF-8, or UTF-16
 * with its byte order mark), a Word document (.docx: paragraphs in order with their list labels,
 * tables row by row) or a PDF with a text layer. A scanned PDF, a damaged or locked file and any
 * other kind are refused in Vietnamese. The text comes back NFC-normalised, lines ending in "\n".
 */
public final class DocumentText {

  /** The largest upload read: a directive's text is far smaller. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** Fewer letters than this in a PDF's text layer: the pages are images (a scan). */
  private static final int MIN_LETTERS = 20;

  private DocumentText() {}

  /**
   * The text of the upload.
   *
   * @param name the file's name, only to name it in a refusal
   * @throws InvalidInputException in Vietnamese when the file cannot be read as a directive's text
   */
  public static String of(byte[] content, String name) {
    String file = name == null || name.isBlank() ? "tải lên" : name.strip();
    if (content == null || content.length == 0) {
      throw new InvalidInputException("Tệp \"" + file + "\" rỗng (0 byte)");
    }
    if (content.length > MAX_BYTES) {
      throw new InvalidInputException(
          "Tệp \"" + file + "\" quá lớn để đọc văn bản: tối đa " + MAX_BYTES / 1024 / 1024 + " MB");
    }
    String type;
    try {
      type = FileCheck.type(content);
    } catch (IOException e) {
      throw new InvalidInputException("Không đọc được tệp \"" + file + "\": " + e.getMessage());
    }
    String text;
    if (type.equals("application/pdf")) {
      text = pdf(content, file);
    } else if (type.equals(DOCX)) {
      text = docx(content, file);
    } else if (type.startsWith("text/") || hasUtf16Mark(content)) {
      text = plain(content, file);
    } else {
      throw new InvalidInputException(
          "Tệp \""
              + file
              + "\" không phải văn bản đọc được (nội dung là "
              + type
              + "): chỉ nhận .docx, .pdf có lớp chữ hoặc .txt");
    }
    String normal = normalise(text);
    if (normal.isBlank()) {
      throw new InvalidInputException("Tệp \"" + file + "\" không có chữ nào để đọc");
    }
    return normal;
  }

  /** NFC, one kind of line end, no non-breaking or zero-width spaces, no trailing spaces. */
  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .replace("\r\n", "\n")
        .replace('\r', '\n')
        .replace('\u00a0', ' ')
        .replace("\u200b", "")
        .replace("\ufeff", "")
        .replaceAll("[ \\t]+\\n", "\n");
  }

  private static boolean hasUtf16Mark(byte[] content) {
    return content.length >= 2
        && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
            || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE));
  }

  private static String plain(byte[] content, String file) {
    if (hasUtf16Mark(content)) {
      return new String(content, StandardCharsets.UTF_16);
    }
    int start =
        content.length >= 3
                && content[0] == (byte) 0xEF
                && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(content, start, content.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          "Tệp \""
              + file
              + "\" không phải văn bản UTF-8 (hoặc UTF-16 có BOM): lưu lại tệp với bảng mã UTF-8");
    }
  }

  private static String pdf(byte[] content, String file) {
    try (PDDocument document = Loader.loadPDF(content)) {
      String text = new PDFTextStripper().getText(document);
      if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
        throw new InvalidInputException(
            "Tệp \""
                + file
                + "\" là bản quét (ảnh chụp), không có lớp chữ: hãy tải lên bản .docx, .txt"
                + " hoặc PDF xuất từ văn bản");
      }
      return text;
    } catch (InvalidPasswordException e) {
      throw new InvalidInputException(
          "Tệp \"" + file + "\" có mật khẩu: hãy tải lên bản không đặt mật khẩu");
    } catch (IOException e) {
      throw new InvalidInputException(
          "Tệp \"" + file + "\" bị hỏng, không đọc được PDF: " + e.getMessage());
    }
  }

  private static String docx(byte[] content, String file) {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
      StringBuilder text = new StringBuilder();
      Labels labels = new Labels();
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          text.append(labels.of(paragraph)).append(paragraph.getText()).append("\n\n");
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            List<String> cells =
                row.getTableCells().stream()
                    .map(XWPFTableCell::getText)
                    .map(c -> c.replace('\n', ' ').strip())
                    .toList();
            text.append(String.join(" | ", cells)).append("\n\n");
          }
        }
      }
      return text.toString();
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          "Tệp \"" + file + "\" bị hỏng, không đọc được Word (.docx): " + e.getMessage());
    }
  }

  /** The labels Word draws before list paragraphs ("1.", "a)", "II."), counted in order. */
  private static final class Labels {
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    String of(XWPFParagraph paragraph) {
      BigInteger list = paragraph.getNumID();
      if (list == null) {
        return "";
      }
      int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
      level = Math.max(0, Math.min(8, level));
      int[] count = counters.computeIfAbsent(list, l -> new int[9]);
      count[level]++;
      for (int deeper = level + 1; deeper < count.length; deeper++) {
        count[deeper] = 0;
      }
      String format = paragraph.getNumFmt();
      if (format == null || format.equals("bullet")) {
        return "- ";
      }
      String pattern = paragraph.getNumLevelText();
      if (pattern == null || pattern.isBlank()) {
        pattern = "%" + (level + 1) + ".";
      }
      String label = pattern;
      for (int l = 0; l <= level; l++) {
        String value = l == level ? formatted(count[l], format) : Integer.toString(count[l]);
        label = label.replace("%" + (l + 1), value);
      }
      return label + " ";
    }

    private static String formatted(int n, String format) {
      return switch (format) {
        case "lowerLetter" -> String.valueOf((char) ('a' + (n - 1) % 26));
        case "upperLetter" -> String.valueOf((char) ('A' + (n - 1) % 26));
        case "upperRoman" -> roman(n);
        case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
        default -> Integer.toString(n);
      };
    }

    private static String roman(int n) {
      String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
      int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
      StringBuilder r = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        while (n >= values[i]) {
          r.append(symbols[i]);
          n -= values[i];
        }
      }
      return r.toString();
    }
  }
}
