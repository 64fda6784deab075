package vn.danvan.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.input.InvalidInputException;

/** The declaration of a report's figures, a body's answer, and the totals. */
class ReportFiguresTest {

  static final String TWO =
      "soCuocDoiThoai: Số cuộc đối thoại với Nhân dân (cuộc)\n"
          + "soKienNghi: Số kiến nghị đã giải quyết";

  @Test
  void aDeclarationNamesEachFigureByKeyWithItsVietnameseNameAndUnit() {
    assertThat(ReportFigures.parse(TWO))
        .containsExactly(
            new ReportFigures.Figure("soCuocDoiThoai", "Số cuộc đối thoại với Nhân dân", "cuộc"),
            new ReportFigures.Figure("soKienNghi", "Số kiến nghị đã giải quyết", null));
    assertThat(ReportFigures.parse("a: Số mô hình \"Dân vận khéo\" (mục 3) (mô hình); ;"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.label()).isEqualTo("Số mô hình \"Dân vận khéo\" (mục 3)");
              assertThat(f.heading()).isEqualTo("Số mô hình \"Dân vận khéo\" (mục 3) (mô hình)");
            });
    assertThat(ReportFigures.parse("  ")).isEmpty();
    assertThat(ReportFigures.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Số cuộc đối thoại | mục 1 \"Số cuộc đối thoại\": thiếu mã số liệu và dấu hai chấm",
        "so cuoc: Số cuộc | mã \"so cuoc\" phải viết liền",
        "SoCuoc: Số cuộc | mã \"SoCuoc\" phải viết liền",
        "a: A; a: B | mục 2 \"a: B\": mã \"a\" đã dùng cho một số liệu khác",
        "a: | mục 1 \"a:\": thiếu tên số liệu sau dấu hai chấm",
        "donVi: Đơn vị | mã \"donVi\" dành cho cột đơn vị",
      })
  void aDeclarationThatCannotBeReadIsRefusedNamingTheItem(String declared, String message) {
    assertThatThrownBy(() -> ReportFigures.parse(declared))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .hasMessageEndingWith("(reportFigures)");
  }

  @Test
  void atMostThirtyFigures() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 31; i++) {
      many.append("f").append(i).append(": Số ").append(i).append(';');
    }
    assertThatThrownBy(() -> ReportFigures.parse(many.toString()))
        .hasMessage("Số liệu báo cáo: tối đa 30 số liệu, khai báo 31 (reportFigures)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"soCuocDoiThoai\":\"abc\",\"soKienNghi\":1} | Số cuộc đối thoại với Nhân dân (cuộc) phải"
            + " là số nguyên không âm (0, 1, 2…), không phải \"abc\""
            + " (reportedFigures.soCuocDoiThoai)",
        "{\"soCuocDoiThoai\":-1,\"soKienNghi\":1} | không phải \"-1\""
            + " (reportedFigures.soCuocDoiThoai)",
        "{\"soCuocDoiThoai\":2.5,\"soKienNghi\":1} | không phải \"2.5\"",
        "{\"soCuocDoiThoai\":2} | Số kiến nghị đã giải quyết là bắt buộc"
            + " (reportedFigures.soKienNghi)",
        "{\"soCuocDoiThoai\":2,\"soKienNghi\":1,\"x\":3} | Báo cáo này không có số liệu \"x\"",
        "[1,2] | Số liệu báo cáo phải là một đối tượng JSON {mã: số nguyên} (reportedFigures)",
        "abc | Số liệu báo cáo phải là một đối tượng JSON",
        "{} | Số liệu báo cáo là bắt buộc: Số cuộc đối thoại với Nhân dân (cuộc),"
            + " Số kiến nghị đã giải quyết (reportedFigures)",
      })
  void anAnswerThatIsNotAWholeNumberPerFigureIsRefusedNamingTheFigure(
      String answer, String message) {
    assertThatThrownBy(() -> ReportFigures.values(ReportFigures.parse(TWO), answer))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
  }

  @Test
  void wholeNumbersAreTakenAsJsonNumbersOrDigitsAndAddedUp() {
    List<ReportFigures.Figure> figures = ReportFigures.parse(TWO);
    Map<String, Long> a =
        ReportFigures.values(figures, "{\"soKienNghi\":\"15\",\"soCuocDoiThoai\":0}");
    assertThat(a).containsExactly(Map.entry("soCuocDoiThoai", 0L), Map.entry("soKienNghi", 15L));
    assertThat(ReportFigures.json(a).getValueSerialized())
        .isEqualTo("{\"soCuocDoiThoai\":0,\"soKienNghi\":15}");
    Map<String, Long> b =
        ReportFigures.values(figures, Map.of("soCuocDoiThoai", 3, "soKienNghi", 2));
    ReportFigures.Table table =
        ReportFigures.table(
            figures,
            List.of(
                new ReportFigures.Row("soNoiVu", "Sở Nội vụ", a),
                new ReportFigures.Row("soTaiChinh", "Sở Tài chính", b)));
    assertThat(table.totals())
        .containsExactly(Map.entry("soCuocDoiThoai", 3L), Map.entry("soKienNghi", 17L));
    assertThat(ReportFigures.rows(table).getValueSerialized())
        .endsWith("{\"donVi\":\"Cộng (2 đơn vị)\",\"soCuocDoiThoai\":3,\"soKienNghi\":17}]");
  }
}
