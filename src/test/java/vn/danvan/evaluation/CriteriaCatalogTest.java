package vn.danvan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import vn.danvan.input.InvalidInputException;

class CriteriaCatalogTest {

  static final CriteriaCatalog SHIPPED =
      CriteriaCatalog.load("classpath*:evaluation/*.yaml", "tinhMau");

  static CriteriaSet read(String yaml) {
    return CriteriaCatalog.read(
        new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "thu.yaml";
          }
        });
  }

  static final String VALID =
      """
      id: thu
      name: Bộ thử
      province: tinhThu
      fromYear: 2020
      bands: xepLoaiNghiDinh335
      criteria:
        - { code: A, name: Tiêu chí A, maxPoints: 60 }
        - { code: B, name: Tiêu chí B, maxPoints: 40, evidenceRequired: true, metric: onTime }
      """;

  @Test
  void shippedSetsAddUpAndFollowEachOther() {
    assertThat(SHIPPED.sets())
        .extracting(CriteriaSet::id)
        .containsExactlyInAnyOrder("tinhMau-2016", "tinhMau-2025");
    assertThat(SHIPPED.select("tinhMau", 2016).bands()).isEqualTo("xepLoaiTotKhaTrungBinhYeu");
    assertThat(SHIPPED.select("tinhMau", 2024).id()).isEqualTo("tinhMau-2016");
    assertThat(SHIPPED.select("tinhMau", 2025).bands()).isEqualTo("xepLoaiNghiDinh335");
    assertThat(SHIPPED.select("tinhMau", 2031).id()).isEqualTo("tinhMau-2025");
    assertThat(SHIPPED.select("tinhMau", 2025).lines()).hasSize(13);
  }

  @Test
  void aYearWithoutSetIsRefusedClearly() {
    assertThatThrownBy(() -> SHIPPED.select("tinhMau", 2015))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Chưa có bộ tiêu chí đánh giá công tác dân vận của \"tinhMau\" cho năm 2015"
                + " (bổ sung tệp tiêu chí rồi khởi động lại)");
    assertThatThrownBy(() -> SHIPPED.select("tinhKhac", 2025))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aValidSetReads() {
    CriteriaSet set = read(VALID);
    assertThat(set.criteria()).extracting(CriteriaSet.Item::maxPoints).containsExactly(60, 40);
    assertThat(set.covers("tinhThu", 2099)).isTrue();
  }

  @Test
  void setsThatDoNotAddUpOrRepeatCodesAreRefusedWithTheFile() {
    assertThatThrownBy(() -> read(VALID.replace("maxPoints: 40", "maxPoints: 35")))
        .hasMessage("Bộ tiêu chí thu.yaml: điểm tối đa các tiêu chí cộng lại 95, phải đúng 100");
    assertThatThrownBy(() -> read(VALID.replace("code: B", "code: A")))
        .hasMessageContaining("mã A trùng");
    assertThatThrownBy(() -> read(VALID.replace("metric: onTime", "metric: speed")))
        .hasMessageContaining("B: metric \"speed\" không có");
    assertThatThrownBy(() -> read(VALID.replace("bands: xepLoaiNghiDinh335\n", "")))
        .hasMessageContaining("thiếu bands");
    assertThatThrownBy(() -> read(VALID + "weight: 2\n"))
        .hasMessageStartingWith("Bộ tiêu chí thu.yaml sai cấu trúc");
  }

  @Test
  void twoSetsForTheSameYearAreRefused() {
    CriteriaSet a = read(VALID);
    CriteriaSet b =
        read(VALID.replace("id: thu", "id: thu2").replace("fromYear: 2020", "fromYear: 2024"));
    assertThatThrownBy(() -> new CriteriaCatalog(List.of(a, b), "tinhThu"))
        .hasMessage("Bộ tiêu chí thu và thu2 cùng áp dụng cho một năm của tỉnh tinhThu");
  }
}
