package vn.danvan.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import vn.danvan.input.InvalidInputException;

/**
 * What an attached file must be, read from its content, never from its name: one of the kinds
 * people report with (PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, JPG, PNG, told apart by Apache Tika), not
 * empty, not larger than the limit, named without a path, and, when it is a ZIP container (DOCX,
 * XLSX, ODT, ODS), not unpacking to more than it may (a "zip bomb"): every entry is inflated once,
 * counted and thrown away, and the reading stops at the first limit passed. Every refusal is an
 * {@link InvalidInputException} (400) or a {@link TooLarge} (413), with a Vietnamese message.
 */
public final class FileCheck {

  /** The kinds accepted, by the type Tika detects, with the name endings each may carry. */
  static final Map<String, String[]> KINDS =
      Map.of(
          "application/pdf", new String[] {"pdf"},
          "application/msword", new String[] {"doc"},
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              new String[] {"docx"},
          "application/vnd.ms-excel", new String[] {"xls"},
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              new String[] {"xlsx"},
          "application/vnd.oasis.opendocument.text", new String[] {"odt"},
          "application/vnd.oasis.opendocument.spreadsheet", new String[] {"ods"},
          "image/jpeg", new String[] {"jpg", "jpeg"},
          "image/png", new String[] {"png"});

  static final String ACCEPTED = "PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, JPG, PNG";

  private static final long RATIO_FROM = 10L * 1024 * 1024;
  private static final int MAX_ENTRIES = 10_000;
  private static final int MAX_NAME = 255;

  private static final Detector DETECTOR = new DefaultDetector();

  /** A file over a size limit: answered 413. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final AttachmentProperties limits;

  FileCheck(AttachmentProperties limits) {
    this.limits = limits;
  }

  /** The file's name as kept: refused when empty, too long, or naming a path. */
  static String name(String submitted) {
    String name = submitted == null ? "" : submitted.strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("Tệp đính kèm phải có tên");
    }
    if (name.contains("/")
        || name.contains("\\")
        || name.contains(":")
        || name.equals(".")
        || name.startsWith("..")
        || name.contains("/..")) {
      throw new InvalidInputException(
          "Tên tệp \"" + name + "\" không được chứa đường dẫn (/, \\, :, ..): chỉ gửi tên tệp");
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidInputException("Tên tệp có ký tự điều khiển: đổi tên tệp rồi gửi lại");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidInputException(
          "Tên tệp dài quá " + MAX_NAME + " ký tự (hiện có " + name.length() + ")");
    }
    return name;
  }

  /**
   * Checks the file the upload was spooled to, named {@code name} (already checked by {@link
   * #name}); returns its type.
   */
  String check(Path file, String name) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new InvalidInputException("Tệp \"" + name + "\" rỗng (0 byte)");
    }
    long max = limits.maxFileSize().toBytes();
    if (size > max) {
      throw new TooLarge(
          "Tệp \"" + name + "\" quá lớn: " + size + " byte, tối đa " + megabytes(max) + " MB");
    }
    if (zip(file)) {
      unpacked(file, name, size);
    }
    String type;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      type = type(in);
    }
    String[] endings = KINDS.get(type);
    if (endings == null) {
      throw new InvalidInputException(
          "Tệp \""
              + name
              + "\" không phải loại được nhận (nội dung là "
              + type
              + "): chỉ nhận "
              + ACCEPTED);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ending : endings) {
      if (lower.endsWith("." + ending)) {
        return type;
      }
    }
    throw new InvalidInputException(
        "Tên tệp \""
            + name
            + "\" không khớp nội dung: nội dung là tệp ."
            + endings[0]
            + ", hãy đặt tên tệp có đuôi ."
            + endings[0]);
  }

  /**
   * The type Apache Tika reads from a file's content, never from its name ("application/pdf",
   * "text/plain"…).
   */
  public static String type(byte[] content) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return type(in);
    }
  }

  private static String type(TikaInputStream in) throws IOException {
    return DETECTOR.detect(in, new Metadata()).getBaseType().toString();
  }

  private static boolean zip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }
  }

  /** Inflates every entry once, counting, and stops at the first limit passed. */
  private void unpacked(Path file, String name, long size) throws IOException {
    long maxUnpacked = limits.maxUnpackedSize().toBytes();
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[8192];
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw bomb(name, "hơn " + MAX_ENTRIES + " mục nén");
        }
        if (entry.getSize() > maxUnpacked) {
          throw bomb(name, "một mục khai báo " + entry.getSize() + " byte khi giải nén");
        }
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          if (total > maxUnpacked) {
            throw bomb(name, "giải nén ra hơn " + megabytes(maxUnpacked) + " MB");
          }
          if (total > RATIO_FROM && total > size * limits.maxUnpackRatio()) {
            throw bomb(name, "giải nén ra hơn " + limits.maxUnpackRatio() + " lần kích thước tệp");
          }
        }
      }
    } catch (ZipException damaged) {
      throw new InvalidInputException(
          "Tệp \"" + name + "\" bị hỏng, không đọc được nội dung nén: " + damaged.getMessage());
    }
  }

  private static InvalidInputException bomb(String name, String why) {
    return new InvalidInputException(
        "Tệp \"" + name + "\" bị từ chối: nội dung nén bất thường (" + why + ")");
  }

  static long megabytes(long bytes) {
    return bytes / 1024 / 1024;
  }
}
