package vn.danvan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_APPROVED;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_REASON;
import static vn.danvan.assignment.AssignmentVariables.REQUESTED_DEADLINE;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.fanout.FanoutVariables.CHUNK_SIZE;
import static vn.danvan.periodic.PeriodicVariables.CONSOLIDATING_BODY;
import static vn.danvan.periodic.PeriodicVariables.REPORTING_BODIES;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.RECIPIENT_BODY;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.support.ProcessTestEngine;

/**
 * E-mail over real SMTP (GreenMail on port 3025): a body hears of its new task, a reminder, the
 * extension decision, a returned result; its leaders of a chase; every reporting body of a period's
 * opening; the bodies of a fan-out still at work, of its reminder. A person who turned reminders
 * off gets none. A dead SMTP server leaves the work done and ends as an incident after the retries.
 */
@Deployment(
    resources = {
      "processes/blocks/thongBaoEmail.bpmn",
      "processes/blocks/assignment.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/blocks/periodicReport.bpmn",
      "processes/blocks/reportPeriod.bpmn",
      "processes/blocks/fanout.bpmn",
      "processes/blocks/fanoutChunk.bpmn",
      "processes/blocks/fanoutMember.bpmn"
    })
class NotificationsProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessTestEngine.withFullCoverage(
          "assignment",
          "chaseNotice",
          "periodicReport",
          "reportPeriod",
          "fanout",
          "fanoutChunk",
          "fanoutMember");

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  Notifications notifications;

  @BeforeEach
  void mailOn() {
    notifications = ProcessTestEngine.bean(Notifications.class);
    notifications.setEnabled(true);
    notifications.setMode(Notifications.Mode.PER_EVENT);
  }

  @AfterEach
  void mailOff() {
    notifications.setEnabled(false);
    notifications.setMode(Notifications.Mode.DIGEST);
    ClockUtil.reset();
    BpmnAwareTests.identityService().deleteUserInfo("soNoiVuCanBo", Notifications.REMINDERS);
  }

  private final java.util.Set<String> seen = new java.util.HashSet<>();

  /**
   * Sends what is queued (as the job executor would) and returns the messages that arrived since
   * the last call, once each (GreenMail keeps a copy per recipient).
   */
  List<MimeMessage> mails() throws Exception {
    for (Job job : managementService().createJobQuery().messages().list()) {
      managementService().executeJob(job.getId());
    }
    List<MimeMessage> fresh = new java.util.ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      if (seen.add(mail.getMessageID())) {
        fresh.add(mail);
      }
    }
    return fresh;
  }

  static List<String> to(MimeMessage mail) throws Exception {
    return Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
  }

  static String text(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }

  @Test
  void aBodyHearsOfItsWorkItsLeadersOfChases() throws Exception {
    DirectiveRun.at("2026-11-02T09:00");
    BpmnAwareTests.identityService()
        .setUserInfo("soNoiVuCanBo", Notifications.REMINDERS, Notifications.OFF);
    ProcessInstance work =
        runtimeService()
            .startProcessInstanceByKey(
                "assignment",
                "CV-12/BDV",
                withVariables(
                    LEAD_BODY,
                    "soNoiVu",
                    MONITOR_BODY,
                    "bdvTU",
                    DEADLINE,
                    "2026-11-30",
                    TASK_CONTENT,
                    "Báo cáo kết quả thực hiện quy chế dân chủ"));

    MimeMessage task = mails().get(0);
    assertThat(task.getSubject()).isEqualTo("[Dân vận] Việc mới: Thực hiện nhiệm vụ (CV-12/BDV)");
    assertThat(to(task))
        .containsExactlyInAnyOrder(
            "sonoivulanhdao@demo.danvan.vn",
            "sonoivucanbo@demo.danvan.vn",
            "sonoivudieuphoi@demo.danvan.vn");
    assertThat(text(task))
        .contains(
            "Kính gửi Sở Nội vụ,",
            "Báo cáo kết quả thực hiện quy chế dân chủ",
            "Hạn xử lý: 30/11/2026",
            "http://localhost:8080/camunda/app/tasklist/default/#/?task=");

    // more time asked: Ban Dân vận is told of the decision to make, Sở Nội vụ of the answer
    complete(
        taskQuery()
            .processInstanceId(work.getId())
            .taskDefinitionKey("Task_Perform")
            .singleResult(),
        withVariables(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            "2026-12-20",
            EXTENSION_REASON,
            "Chờ số liệu của các phòng"));
    assertThat(mails())
        .extracting(MimeMessage::getSubject)
        .containsExactly("[Dân vận] Việc mới: Xét đề nghị gia hạn (CV-12/BDV)");
    complete(
        taskQuery().taskDefinitionKey("Task_DecideExtension").singleResult(),
        withVariables(EXTENSION_APPROVED, true));
    List<MimeMessage> decided = mails();
    assertThat(decided)
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder(
            "[Dân vận] Kết quả xét gia hạn: đồng ý gia hạn",
            "[Dân vận] Việc mới: Thực hiện nhiệm vụ (CV-12/BDV)");
    assertThat(
            text(
                decided.stream()
                    .filter(m -> subject(m).contains("gia hạn"))
                    .findFirst()
                    .orElseThrow()))
        .contains("Hạn xử lý hiện nay: 20/12/2026");

    // three days before the new deadline: a reminder, except to whoever turned reminders off
    Job reminder =
        managementService()
            .createJobQuery()
            .processInstanceId(work.getId())
            .timers()
            .activityId("StartEvent_ReminderDue")
            .singleResult();
    ClockUtil.setCurrentTime(reminder.getDuedate());
    managementService().executeJob(reminder.getId());
    MimeMessage remind = mails().get(0);
    assertThat(remind.getSubject())
        .isEqualTo("[Dân vận] Sắp đến hạn 20/12/2026: Báo cáo kết quả thực hiện quy chế dân chủ");
    assertThat(to(remind))
        .containsExactlyInAnyOrder(
            "sonoivulanhdao@demo.danvan.vn", "sonoivudieuphoi@demo.danvan.vn");

    // overdue: the chase goes to the body's leaders
    Job chase =
        managementService()
            .createJobQuery()
            .processInstanceId(work.getId())
            .timers()
            .activityId("StartEvent_ChaseDue")
            .singleResult();
    ClockUtil.setCurrentTime(chase.getDuedate());
    managementService().executeJob(chase.getId());
    MimeMessage chased = mails().get(0);
    assertThat(chased.getSubject())
        .isEqualTo(
            "[Dân vận] Đôn đốc lần 1 (Nhắc nhở): Báo cáo kết quả" + " thực hiện quy chế dân chủ");
    assertThat(to(chased)).containsExactly("sonoivulanhdao@demo.danvan.vn");

    // the result goes up, Ban Dân vận returns it: the body hears why
    complete(
        taskQuery().taskDefinitionKey("Task_Perform").singleResult(),
        withVariables(REQUEST_EXTENSION, false, RESULT_REPORT, "Đã tổ chức 12 hội nghị"));
    complete(
        taskQuery().taskDefinitionKey("Task_ApproveResult").singleResult(),
        withVariables(APPROVED, true));
    complete(
        taskQuery().taskDefinitionKey("Task_ConfirmResult").singleResult(),
        withVariables(CONFIRMED, false, RETURN_REASON, "Thiếu số liệu đối thoại"));
    MimeMessage returned =
        mails().stream().filter(m -> subject(m).contains("trả lại")).findFirst().orElseThrow();
    assertThat(returned.getSubject())
        .isEqualTo("[Dân vận] Kết quả bị trả lại: Báo cáo kết quả" + " thực hiện quy chế dân chủ");
    assertThat(text(returned)).contains("Lý do: Thiếu số liệu đối thoại");
  }

  @Test
  void inDigestModeOnlyAChaseGoesAtOnce() throws Exception {
    notifications.setMode(Notifications.Mode.DIGEST);
    DirectiveRun.at("2026-11-02T09:00");
    ProcessInstance work =
        runtimeService()
            .startProcessInstanceByKey(
                "assignment",
                "CV-13/BDV",
                withVariables(
                    LEAD_BODY,
                    "soNoiVu",
                    MONITOR_BODY,
                    "bdvTU",
                    DEADLINE,
                    "2026-11-30",
                    TASK_CONTENT,
                    "Báo cáo kết quả đối thoại với nhân dân"));
    assertThat(mails()).as("a new task waits for the digest").isEmpty();
    for (String timer : List.of("StartEvent_ReminderDue", "StartEvent_ChaseDue")) {
      Job job =
          managementService()
              .createJobQuery()
              .processInstanceId(work.getId())
              .timers()
              .activityId(timer)
              .singleResult();
      ClockUtil.setCurrentTime(job.getDuedate());
      managementService().executeJob(job.getId());
    }
    List<MimeMessage> sent = mails();
    assertThat(sent)
        .as("the reminder waits for the digest, the chase goes to the leaders at once")
        .extracting(MimeMessage::getSubject)
        .containsExactly(
            "[Dân vận] Đôn đốc lần 1 (Nhắc nhở): Báo cáo kết quả đối thoại với nhân dân");
    assertThat(to(sent.get(0))).containsExactly("sonoivulanhdao@demo.danvan.vn");
  }

  @Test
  void everyReportingBodyHearsThatItsPeriodOpened() throws Exception {
    DirectiveRun.at("2026-08-01T09:00");
    ProcessInstance cycle =
        runtimeService()
            .startProcessInstanceByKey(
                "periodicReport",
                "NQ-DV",
                withVariables(
                    CYCLE_PHRASE,
                    "hằng quý",
                    ISSUED_DATE,
                    "2026-08-01",
                    END_DATE,
                    "2026-09-30",
                    REPORTING_BODIES,
                    "soNoiVu,mttqTinh",
                    CONSOLIDATING_BODY,
                    "bdvTU",
                    RECIPIENT_BODY,
                    "btvTU",
                    MONITOR_BODY,
                    "bdvTU",
                    TASK_CONTENT,
                    "tình hình Nhân dân"));
    Job opens =
        managementService().createJobQuery().processInstanceId(cycle.getId()).singleResult();
    ClockUtil.setCurrentTime(opens.getDuedate());
    managementService().executeJob(opens.getId());
    for (Job job : managementService().createJobQuery().messages().list()) { // the fan-out's chunk
      managementService().executeJob(job.getId());
    }
    List<MimeMessage> opened = mails();
    assertThat(opened)
        .extracting(NotificationsProcessTest::subject)
        .containsOnly("[Dân vận] Mở kỳ báo cáo Quý III/2026, hạn 30/09/2026")
        .hasSize(2);
    assertThat(opened.stream().flatMap(m -> uncheckedTo(m).stream()))
        .contains("sonoivucanbo@demo.danvan.vn", "mttqtinhcanbo@demo.danvan.vn");
  }

  @Test
  void aFanOutsReminderReachesTheBodiesStillAtWorkAChunkAtATime() throws Exception {
    DirectiveRun.at("2026-11-02T09:00");
    ProcessInstance fanout =
        runtimeService()
            .startProcessInstanceByKey(
                "fanout",
                "CV-14/BDV",
                withVariables(
                    BODIES,
                    "soNoiVu, mttqTinh, soTaiChinh",
                    CHUNK_SIZE,
                    2,
                    MONITOR_BODY,
                    "bdvTU",
                    DEADLINE,
                    "2026-11-30",
                    TASK_CONTENT,
                    "Báo cáo sơ kết",
                    LEADER_REVIEW,
                    false,
                    CONFIRMATION,
                    false));
    mails(); // the chunks give each body its task
    assertThat(mails()).as("each body hears of its task").hasSize(3);
    complete(
        taskQuery()
            .processInstanceBusinessKey("CV-14/BDV")
            .taskCandidateGroup("soTaiChinh")
            .singleResult(),
        withVariables(RESULT_REPORT, "Sở Tài chính đã báo cáo"));

    Job reminder =
        managementService()
            .createJobQuery()
            .processInstanceId(fanout.getId())
            .timers()
            .activityId("StartEvent_ReminderDue")
            .singleResult();
    ClockUtil.setCurrentTime(reminder.getDuedate());
    managementService().executeJob(reminder.getId());
    assertThat(mails()).as("the timer queued a chunk; the chunk queues the messages").isEmpty();
    List<MimeMessage> reminded = mails();
    assertThat(reminded)
        .extracting(NotificationsProcessTest::subject)
        .containsOnly("[Dân vận] Sắp đến hạn 30/11/2026: Báo cáo sơ kết")
        .hasSize(2);
    assertThat(reminded.stream().flatMap(m -> uncheckedTo(m).stream()))
        .contains("sonoivucanbo@demo.danvan.vn", "mttqtinhcanbo@demo.danvan.vn")
        .noneMatch(address -> address.startsWith("sotaichinh"));
  }

  @Test
  void aDeadMailServerNeverStopsTheWorkAndEndsAsAnIncident() {
    smtp.stop();
    DirectiveRun.at("2026-11-02T09:00");
    ProcessInstance work =
        runtimeService()
            .startProcessInstanceByKey(
                "assignment",
                "CV-13/BDV",
                withVariables(
                    LEAD_BODY,
                    "soNoiVu",
                    MONITOR_BODY,
                    "bdvTU",
                    DEADLINE,
                    "2026-11-30",
                    TASK_CONTENT,
                    "Báo cáo nhanh",
                    LEADER_REVIEW,
                    false,
                    CONFIRMATION,
                    false));
    Job send = managementService().createJobQuery().messages().singleResult();
    for (int attempt = 0; attempt < 3; attempt++) { // the first try and two retries (R2/PT1M)
      ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 61_000));
      try {
        managementService().executeJob(send.getId());
      } catch (RuntimeException refused) {
        // the job fails; the engine counts down its retries
      }
    }
    Incident incident = runtimeService().createIncidentQuery().singleResult();
    assertThat(incident.getIncidentType()).isEqualTo("failedJob");
    assertThat(incident.getActivityId()).isEqualTo("Task_SendMail");
    // the work goes on: the body answers and the assignment ends
    complete(
        taskQuery().processInstanceId(work.getId()).singleResult(),
        withVariables(REQUEST_EXTENSION, false, RESULT_REPORT, "Đã báo cáo"));
    BpmnAwareTests.assertThat(work).isEnded();
    smtp.start();
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> uncheckedTo(MimeMessage mail) {
    try {
      return to(mail);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
