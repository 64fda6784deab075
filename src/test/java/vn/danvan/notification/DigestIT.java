package vn.danvan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.OrgRegistry;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresApp;
import vn.danvan.support.RunningDemoApp;

/**
 * The daily digest over a real SMTP server (GreenMail), in the demo application on PostgreSQL with
 * authorization on and the demo province's 95 people: work given to Sở Nội vụ and Sở Tài chính over
 * REST by Ban Dân vận's coordinator reaches each body's people only in their own digest, in its
 * section (new, due soon, overdue), each with a link that opens that task for them and for nobody
 * else; a second run for the same digest time sends nothing, nor do two nodes sending at once (the
 * cluster lock); per-event mail is still a setting away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestIT {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static final String TASKLIST = "https://danvan.example.gov.vn/camunda/app/tasklist/default/";
  static final Pattern LINK = Pattern.compile(Pattern.quote(TASKLIST) + "#/\\?task=([0-9a-f-]+)");

  static ConfigurableApplicationContext app;
  static int port;
  static Http http;
  static Digests digests;
  static final ObjectMapper JSON = new ObjectMapper();

  /** Sở Nội vụ's far and near work, Sở Tài chính's work: their task ids. */
  static String farTask;

  static String nearTask;
  static String otherBodysTask;

  @BeforeAll
  static void startDemo() throws Exception {
    app =
        PostgresApp.start(
            PostgresApp.freshDatabase("danvan_it_digest"),
            "demo",
            "--danvan.demo.directives=false",
            "--danvan.notification.digest-catch-up=PT24H",
            "--danvan.mail.tasklist-url=" + TASKLIST,
            "--spring.mail.host=localhost",
            "--spring.mail.port=" + smtp.getSmtp().getPort());
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    http = new Http(port);
    digests = app.getBean(Digests.class);
  }

  @AfterAll
  static void stopDemo() {
    app.close();
  }

  @Test
  @Order(1)
  void newWorkWaitsForTheDigestWhichEachPersonGetsWithTheirOwnBodysWorkOnly() throws Exception {
    assertThat(digests.active()).as("digest mode is the default").isTrue();
    LocalDate today = LocalDate.now(Deadlines.ZONE);
    farTask = task(RunningDemoApp.assign(http, "soNoiVu"), RunningDemoApp.STAFF);
    nearTask =
        task(
            RunningDemoApp.assign(http, "soNoiVu", today.plusDays(2).toString()),
            RunningDemoApp.STAFF);
    Http.Reply numbered =
        http.postJson(
            RunningDemoApp.START_ASSIGNMENT,
            RunningDemoApp.COORDINATOR,
            "{\"businessKey\":\"25-CT/TU\",\"variables\":{"
                + "\"leadBody\":{\"value\":\"soTaiChinh\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Rà soát kinh phí dân vận\"},"
                + "\"deadline\":{\"value\":\"2030-08-31\"}}}");
    assertThat(numbered.status()).as(numbered.body()).isEqualTo(200);
    otherBodysTask =
        task(JSON.readTree(numbered.body()).get("id").asText(), RunningDemoApp.OTHER_STAFF);
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("no mail per new task").isFalse();

    Digests.Run run = digests.send(Instant.now());

    assertThat(run.sent()).as(run.toString()).isEqualTo(5);
    assertThat(run.sent() + run.empty()).as("the demo's people").isEqualTo(95);
    Map<String, MimeMessage> mail = received(5);
    assertThat(mail)
        .containsOnlyKeys(
            "sonoivucanbo@demo.danvan.vn",
            "sonoivulanhdao@demo.danvan.vn",
            "sonoivudieuphoi@demo.danvan.vn",
            "sotaichinhcanbo@demo.danvan.vn",
            "sotaichinhlanhdao@demo.danvan.vn");
    MimeMessage staff = mail.get("sonoivucanbo@demo.danvan.vn");
    String day = Notifications.DAY.format(LocalDate.now(Deadlines.ZONE));
    assertThat(staff.getSubject())
        .isEqualTo("[Dân vận] Công việc ngày " + day + ": 2 việc cần quan tâm");
    String text = text(staff);
    assertThat(text)
        .startsWith("Kính gửi Lê Hữu Mai (Sở Nội vụ),")
        .contains(
            "VIỆC MỚI từ lần tổng hợp trước (1 việc)",
            "SẮP ĐẾN HẠN (trong 3 ngày) (1 việc)",
            // the task's name carries its work: said once
            "- Xây dựng kế hoạch thực hiện chỉ thị\n",
            "Văn bản: không ghi số. Đơn vị: Sở Nội vụ. Hạn: 31/08/2030. Tình trạng: chưa hoàn"
                + " thành – trong hạn.",
            "Hạn: " + Notifications.DAY.format(today.plusDays(2)) + ". Tình trạng: sắp đến hạn.",
            "Danh sách đầy đủ: " + TASKLIST)
        .doesNotContain("QUÁ HẠN")
        .doesNotContain("chỉ thị: Xây dựng");
    assertThat(links(section(text, "VIỆC MỚI"))).containsExactly(farTask);
    assertThat(links(section(text, "SẮP ĐẾN HẠN"))).containsExactly(nearTask);
    for (String person : List.of("sonoivulanhdao", "sonoivudieuphoi")) {
      assertThat(links((String) mail.get(person + "@demo.danvan.vn").getContent()))
          .containsExactlyInAnyOrder(farTask, nearTask);
    }
    for (String person : List.of("sotaichinhcanbo", "sotaichinhlanhdao")) {
      MimeMessage other = mail.get(person + "@demo.danvan.vn");
      assertThat(other.getSubject()).endsWith(": 1 việc cần quan tâm");
      assertThat(links((String) other.getContent())).containsExactly(otherBodysTask);
      assertThat(text(other))
          .contains(
              "- Rà soát kinh phí dân vận — 25-CT/TU",
              "Văn bản: 25-CT/TU. Đơn vị: Sở Tài chính. Hạn: 31/08/2030.")
          .doesNotContain("Xây dựng kế hoạch thực hiện chỉ thị");
    }

    // the link opens that task for the person, and for nobody of another body
    Http.Reply opened = http.get("/engine-rest/task/" + farTask, RunningDemoApp.STAFF);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.body()).contains("\"name\":\"Xây dựng kế hoạch thực hiện chỉ thị\"");
    assertThat(http.get("/engine-rest/task/" + farTask, RunningDemoApp.OTHER_STAFF).status())
        .isIn(403, 404);

    // in Tasklist, the mail's link opens that task for the person; another body sees nothing
    String link = "/camunda/app/tasklist/default/#/?task=" + farTask;
    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", "soNoiVuCanBo", "demo");
      browser.open(link);
      browser.waitForText("Xây dựng kế hoạch thực hiện chỉ thị");
      browser.waitForText("Hạn hoàn thành: 31/08/2030");
      browser.screenshot("digest-link-opens-the-task");
      browser.login("tasklist", "soTaiChinhCanBo", "demo");
      browser.open(link);
      browser.waitForText("No matching task with id " + farTask);
      browser.screenshot("digest-link-of-another-body");
    }

    // the same digest time again (a second node, a restart): nothing more
    Digests.Run again = digests.send(run.slot());
    assertThat(again.sent()).isZero();
    assertThat(again.skipped()).isEqualTo(95);
    assertThat(smtp.waitForIncomingEmail(3_000, 6)).isFalse();
  }

  @Test
  @Order(2)
  void overdueWorkComesBackEveryDayAndClaimedWorkOnlyToWhoeverClaimedIt() throws Exception {
    Http.Reply claim =
        http.postJson(
            "/engine-rest/task/" + farTask + "/claim",
            RunningDemoApp.STAFF,
            "{\"userId\":\"soNoiVuCanBo\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(204);
    smtp.purgeEmailFromAllMailboxes();

    // Monday 02/09/2030, 07:30 in Vietnam: both of Sở Nội vụ's tasks overdue, nothing new
    Digests.Run run = digests.send(Instant.parse("2030-09-02T00:30:00Z"));

    Map<String, MimeMessage> mail = received(run.sent());
    String staff = text(mail.get("sonoivucanbo@demo.danvan.vn"));
    assertThat(staff)
        .contains("QUÁ HẠN (2 việc)", "ngày 02/09/2030", "07:30")
        .contains("Tình trạng: chưa hoàn thành – quá hạn, anh/chị đang xử lý.")
        .doesNotContain("VIỆC MỚI", "SẮP ĐẾN HẠN");
    assertThat(links(staff)).as("earliest deadline first").containsExactly(nearTask, farTask);
    assertThat(links((String) mail.get("sonoivulanhdao@demo.danvan.vn").getContent()))
        .as("the task a colleague claimed is theirs")
        .containsExactly(nearTask);
    assertThat(links((String) mail.get("sotaichinhcanbo@demo.danvan.vn").getContent()))
        .containsExactly(otherBodysTask);
  }

  @Test
  @Order(3)
  void twoNodesSendingAtTheSameMomentSendOneDigestEach() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    // a second node: its own sender on the same database, serialised only by the cluster lock
    Digests other =
        new Digests(
            app.getBean(ProcessEngine.class),
            app.getBean(OrgRegistry.class),
            app.getBean(Notifications.class),
            app.getBean(DataSource.class),
            app.getBean(PlatformTransactionManager.class),
            digests.schedule());
    // Tuesday 03/09/2030, 07:30 in Vietnam: the overdue work again
    Instant slot = Instant.parse("2030-09-03T00:30:00Z");
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<Digests.Run> a =
          nodes.submit(
              () -> {
                together.await();
                return digests.send(slot);
              });
      Future<Digests.Run> b =
          nodes.submit(
              () -> {
                together.await();
                return other.send(slot);
              });
      Digests.Run first = a.get(2, TimeUnit.MINUTES);
      Digests.Run second = b.get(2, TimeUnit.MINUTES);
      assertThat(first.sent() + second.sent()).as(first + " " + second).isEqualTo(5);
      assertThat(first.skipped() + second.skipped()).isEqualTo(95);
    } finally {
      nodes.shutdown();
    }
    Map<String, MimeMessage> mail = received(5);
    assertThat(smtp.waitForIncomingEmail(3_000, 6)).as("no digest twice").isFalse();
    assertThat(mail.keySet()).contains("sonoivucanbo@demo.danvan.vn");
  }

  @Test
  @Order(4)
  void perEventMailIsASettingAway() throws Exception {
    Notifications notifications = app.getBean(Notifications.class);
    smtp.purgeEmailFromAllMailboxes();
    notifications.setMode(Notifications.Mode.PER_EVENT);
    try {
      RunningDemoApp.assign(http, "soTaiChinh");
      assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getSubject()).startsWith("[Dân vận] Việc mới: Thực hiện nhiệm vụ");
      assertThat(digests.active()).isFalse();
    } finally {
      notifications.setMode(Notifications.Mode.DIGEST);
    }
  }

  /** The one task of an instance, as a person of its body sees it over REST. */
  static String task(String instance, String user) throws Exception {
    Http.Reply reply = http.get("/engine-rest/task?processInstanceId=" + instance, user);
    JsonNode tasks = JSON.readTree(reply.body());
    assertThat(tasks).as(reply.body()).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  /** The messages that arrived, by their one recipient. */
  static Map<String, MimeMessage> received(int count) throws Exception {
    assertThat(smtp.waitForIncomingEmail(30_000, count)).as(count + " mails").isTrue();
    Map<String, MimeMessage> byRecipient = new LinkedHashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      Address[] to = message.getAllRecipients();
      assertThat(to).hasSize(1);
      assertThat(byRecipient.put(to[0].toString(), message)).as("one digest each").isNull();
    }
    return byRecipient;
  }

  /** A message's text, its lines ended as written (SMTP carries them as CR LF). */
  static String text(MimeMessage message) throws Exception {
    return ((String) message.getContent()).replace("\r\n", "\n");
  }

  static List<String> links(String text) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  /** A section of a digest: from its title to the next blank line. */
  static String section(String text, String title) {
    String from = text.substring(text.indexOf(title));
    return from.substring(0, from.indexOf("\n\n"));
  }
}
