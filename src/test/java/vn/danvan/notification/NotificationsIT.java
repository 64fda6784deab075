package vn.danvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.DanVanApplication;
import vn.danvan.support.Http;
import vn.danvan.support.RunningDemoApp;

/**
 * The application with an SMTP server in its configuration (GreenMail, a real SMTP server) and
 * per-event mail ({@code danvan.notification.mode=per-event}): the job executor sends a body's
 * new-task notice; each person turns their reminders off and on over the product's REST API.
 */
class NotificationsIT {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static ConfigurableApplicationContext app;
  static Http http;

  @BeforeAll
  static void startDemo() {
    app =
        new SpringApplicationBuilder(DanVanApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:danvan-mail;DB_CLOSE_DELAY=-1",
                "--danvan.demo.directives=false",
                "--danvan.notification.mode=per-event",
                "--spring.mail.host=localhost",
                "--spring.mail.port=" + smtp.getSmtp().getPort());
    http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
  }

  @AfterAll
  static void stopDemo() {
    app.close();
  }

  @Test
  void aNewTaskReachesTheBodysPeopleByMail() throws Exception {
    RunningDemoApp.assign(http, "soTaiChinh");
    assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("a mail within 20 s").isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).startsWith("[Dân vận] Việc mới: Thực hiện nhiệm vụ");
    assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
        .contains("sotaichinhcanbo@demo.danvan.vn", "sotaichinhlanhdao@demo.danvan.vn");
    assertThat((String) mail.getContent())
        .contains(
            "Kính gửi Sở Tài chính,",
            "Xây dựng kế hoạch thực hiện chỉ thị",
            "Hạn xử lý: 31/08/2030");
    assertThat(mail.getFrom()[0].toString()).contains("khong-tra-loi@danvan.local");
  }

  @Test
  void eachPersonTurnsTheirOwnRemindersOffAndOn() {
    String me = RunningDemoApp.OTHER_STAFF;
    assertThat(http.get("/api/thong-bao/nhac-han", me).body()).contains("\"nhacHan\":true");
    Http.Reply off = http.putJson("/api/thong-bao/nhac-han", me, "{\"nhacHan\":false}");
    assertThat(off.status()).isEqualTo(200);
    assertThat(http.get("/api/thong-bao/nhac-han", me).body())
        .contains("\"nhacHan\":false")
        .contains("soTaiChinhCanBo");
    Http.Reply bad = http.putJson("/api/thong-bao/nhac-han", me, "{\"nhacHan\":\"không\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("nhacHan phải là true");
    assertThat(http.putJson("/api/thong-bao/nhac-han", me, "{\"nhacHan\":true}").body())
        .contains("\"nhacHan\":true");
    assertThat(http.get("/api/thong-bao/nhac-han", null).status()).isEqualTo(401);
  }
}
