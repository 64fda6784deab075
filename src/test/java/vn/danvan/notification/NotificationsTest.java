package vn.danvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.notification.Notifications.Work;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistry.Body;

/** What the messages about a piece of work say, from plain values (no engine). */
class NotificationsTest {

  private static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/";

  private final Notifications notifications =
      new Notifications(
          new OrgRegistry(
              "test",
              List.of(),
              List.of(new Body("soNoiVu", "Sở Nội vụ", "so", null, null, null, null, 1)),
              List.of()),
          true,
          TASKLIST,
          "R3/PT5M");

  private final Work work =
      new Work("03-KH/TU", "Báo cáo sơ kết dân vận khéo", LocalDate.of(2026, 12, 31));

  @Test
  void reminderNamesTheBodyTheWorkAndTheDeadline() {
    assertThat(notifications.reminder(work, "soNoiVu"))
        .containsEntry("donVi", "Sở Nội vụ")
        .containsEntry("noiDung", "Báo cáo sơ kết dân vận khéo")
        .containsEntry("vanBan", "03-KH/TU")
        .containsEntry("han", "31/12/2026")
        .containsEntry("lienKet", TASKLIST)
        .doesNotContainKey("ketQua");
  }

  @Test
  void reminderOfWorkWithoutDeadlineOrContentSaysSo() {
    assertThat(notifications.reminder(new Work(null, null, null), "ubndXaA"))
        .containsEntry("donVi", "ubndXaA")
        .containsEntry("noiDung", "")
        .containsEntry("vanBan", "")
        .containsEntry("han", "không thời hạn");
  }

  @Test
  void extensionDecisionSaysTheOutcomeAndTheDeadlineInForce() {
    assertThat(notifications.extension(work, "soNoiVu", true))
        .containsEntry("ketQua", "đồng ý gia hạn")
        .containsEntry("han", "31/12/2026")
        .containsEntry("donVi", "Sở Nội vụ");
    assertThat(notifications.extension(work, "soNoiVu", false))
        .containsEntry("ketQua", "không đồng ý gia hạn");
  }

  @Test
  void leadersGroupIsNamedAfterItsBody() {
    assertThat(notifications.reminder(work, "soNoiVuLanhDao")).containsEntry("donVi", "Sở Nội vụ");
  }

  @Test
  void daysAreWrittenTheVietnameseWayWhateverTheirType() {
    assertThat(Notifications.day(LocalDate.of(2026, 1, 5))).isEqualTo("05/01/2026");
    assertThat(Notifications.day("2026-01-05")).isEqualTo("05/01/2026");
    assertThat(Notifications.day("")).isEqualTo("không thời hạn");
    assertThat(Notifications.day(null)).isEqualTo("không thời hạn");
  }
}
