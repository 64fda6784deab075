package vn.danvan.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Days as users type them (31/12/2026) and as API clients send them (2026-12-31). */
class InputsTest {

  static VariableScope with(String value) {
    VariableScope vars = mock(VariableScope.class);
    when(vars.getVariable("deadline")).thenReturn(value);
    return vars;
  }

  @ParameterizedTest
  @CsvSource({
    "31/12/2026, 2026-12-31",
    "1/2/2027, 2027-02-01",
    "2026-12-31, 2026-12-31",
    "' 05/06/2026 ', 2026-06-05"
  })
  void bothWaysOfWritingADayAreRead(String typed, LocalDate day) {
    assertThat(Inputs.date(with(typed), "deadline", "Hạn")).isEqualTo(day);
    assertThat(Inputs.day(day)).matches("\\d{2}/\\d{2}/\\d{4}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/02/2026", "2026/12/31", "12-31-2026", "31.12.2026", "hôm nay"})
  void anythingElseIsRefusedNamingTheField(String typed) {
    assertThatThrownBy(() -> Inputs.date(with(typed), "deadline", "Hạn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Hạn \""
                + typed
                + "\" không hợp lệ: dùng định dạng ngày/tháng/năm (31/12/2026)"
                + " hoặc yyyy-MM-dd (deadline)");
  }

  static VariableScope days(Object value) {
    VariableScope vars = mock(VariableScope.class);
    when(vars.getVariable("windowDays")).thenReturn(value);
    return vars;
  }

  /** A template writes a plain 15, which arrives as text; a model's ${15} arrives as a number. */
  @org.junit.jupiter.api.Test
  void daysAreReadAsANumberOrItsDigits() {
    assertThat(Inputs.days(days("15"), "windowDays", "Số ngày", 7)).isEqualTo(15);
    assertThat(Inputs.days(days(" 0 "), "windowDays", "Số ngày", 7)).isZero();
    assertThat(Inputs.days(days(15L), "windowDays", "Số ngày", 7)).isEqualTo(15);
    assertThat(Inputs.days(days(30), "windowDays", "Số ngày", 7)).isEqualTo(30);
    assertThat(Inputs.days(days(null), "windowDays", "Số ngày", 7)).isEqualTo(7);
    assertThat(Inputs.days(days(""), "windowDays", "Số ngày", 7)).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${15}", "-1", "1000", "15 ngày", "1.5"})
  void otherDaysAreRefusedNamingTheField(String typed) {
    assertThatThrownBy(() -> Inputs.days(days(typed), "windowDays", "Số ngày", 7))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Số ngày \"" + typed + "\" phải là số nguyên từ 0 đến 999 (windowDays)");
  }
}
