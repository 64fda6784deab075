package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a task's name is worded from its element, its work and its directive. */
class TaskNamesTest {

  @Test
  void theWorkItselfIsNamedByItsContentOtherStepsByTheirElementThenTheWork() {
    assertThat(TaskNames.name("Thực hiện nhiệm vụ", "Xây dựng kế hoạch", null, true, "15/CT-UBND"))
        .isEqualTo("Xây dựng kế hoạch — 15/CT-UBND");
    assertThat(TaskNames.name("Tiếp nhận đôn đốc", " Xây dựng\n kế hoạch ", null, false, "1/KH"))
        .isEqualTo("Tiếp nhận đôn đốc: Xây dựng kế hoạch — 1/KH");
    assertThat(TaskNames.name("Tự chấm điểm theo tiêu chí", null, null, true, "24-CT/TU"))
        .isEqualTo("Tự chấm điểm theo tiêu chí — 24-CT/TU");
    assertThat(TaskNames.name("Thực hiện nhiệm vụ", null, null, true, null))
        .isEqualTo("Thực hiện nhiệm vụ");
    assertThat(TaskNames.name(null, null, null, false, "1/KH")).isNull();
  }

  @Test
  void aPeriodsReportAndItsCompileAreNamedByThePeriod() {
    assertThat(TaskNames.name("Báo cáo kết quả và số liệu", "x", "Quý I/2026", true, "45-KH/TU"))
        .isEqualTo("Báo cáo quý I/2026 — 45-KH/TU");
    assertThat(TaskNames.name("Tổng hợp báo cáo kỳ", null, "Năm 2026", false, "45-KH/TU"))
        .isEqualTo("Tổng hợp báo cáo kỳ năm 2026 — 45-KH/TU");
    assertThat(TaskNames.name("Duyệt và gửi kết quả", "x", "6 tháng đầu năm 2026", false, "4/KH"))
        .isEqualTo("Duyệt và gửi kết quả: báo cáo 6 tháng đầu năm 2026 — 4/KH");
  }

  @Test
  void aNameFitsTheEnginesColumnKeepingTheNumber() {
    String content = "Tuyên truyền, vận động Nhân dân ".repeat(20);
    String name = TaskNames.name("Thực hiện nhiệm vụ", content, null, true, "03/CT-UBND");
    assertThat(name).hasSizeLessThanOrEqualTo(TaskNames.MAX).endsWith("Tuyên truyền… — 03/CT-UBND");
    assertThat(TaskNames.name("Thực hiện nhiệm vụ", "Việc ngắn", null, true, "9".repeat(300)))
        .hasSize(TaskNames.MAX)
        .startsWith("Việc ngắn — 999")
        .endsWith("…");
    assertThat(
            TaskNames.name("Thực hiện nhiệm vụ", "Việc của 03/CT-UBND", null, true, "03/CT-UBND"))
        .as("a number the work already names is not said twice")
        .isEqualTo("Việc của 03/CT-UBND");
  }
}
