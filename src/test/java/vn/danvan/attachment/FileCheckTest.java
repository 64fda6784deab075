package vn.danvan.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.document.Downloads;
import vn.danvan.input.InvalidInputException;

/** Types told by content with the Tika modules the product ships, and the refusals. */
class FileCheckTest {

  private final FileCheck check = new FileCheck(new AttachmentProperties(null, null, null, null));

  @TempDir Path dir;

  private String type(String name, byte[] content) throws IOException {
    Path file = dir.resolve("upload.tmp");
    Files.write(file, content);
    return check.check(file, name);
  }

  @Test
  void everyAcceptedKindIsToldByItsContent() throws IOException {
    assertThat(type("a.pdf", TestFiles.pdf(10))).isEqualTo("application/pdf");
    assertThat(type("a.docx", TestFiles.docx("Báo cáo")))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(type("a.xlsx", TestFiles.xlsx()))
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(type("a.xls", TestFiles.xls())).isEqualTo("application/vnd.ms-excel");
    assertThat(type("a.doc", TestFiles.doc())).isEqualTo("application/msword");
    assertThat(type("a.odt", TestFiles.openDocument("application/vnd.oasis.opendocument.text")))
        .isEqualTo("application/vnd.oasis.opendocument.text");
    assertThat(
            type("a.ods", TestFiles.openDocument("application/vnd.oasis.opendocument.spreadsheet")))
        .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
    assertThat(type("a.jpg", TestFiles.image("jpg"))).isEqualTo("image/jpeg");
    assertThat(type("a.png", TestFiles.image("png"))).isEqualTo("image/png");
  }

  @Test
  void aProgramNamedPdfAZipBombAndAMismatchedNameAreRefused() {
    assertThatThrownBy(() -> type("bao-cao.pdf", TestFiles.exe()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không phải loại được nhận");
    assertThatThrownBy(() -> type("bom.docx", TestFiles.docx("x", 12 * 1024 * 1024)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nội dung nén bất thường");
    assertThatThrownBy(() -> type("bao-cao.docx", TestFiles.pdf(10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không khớp nội dung");
    assertThatThrownBy(() -> type("rong.pdf", new byte[0]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rỗng");
  }

  @Test
  void aPathInTheNameIsRefused() {
    for (String name : new String[] {"../x.pdf", "a/b.pdf", "C:\\x.pdf", "..", ""}) {
      assertThatThrownBy(() -> FileCheck.name(name))
          .as(name)
          .isInstanceOf(InvalidInputException.class);
    }
    assertThat(FileCheck.name("Báo cáo quý IV.pdf")).isEqualTo("Báo cáo quý IV.pdf");
  }

  @Test
  void theDownloadNameKeepsVietnameseWithAnAsciiFallback() {
    assertThat(Downloads.contentDisposition("Báo cáo đợt 1.pdf"))
        .isEqualTo(
            "attachment; filename=\"Bao cao dot 1.pdf\"; filename*=UTF-8''"
                + "B%C3%A1o%20c%C3%A1o%20%C4%91%E1%BB%A3t%201.pdf");
  }
}
