package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/**
 * The Tasklist filters *Sắp đến hạn* and *Quá hạn*, read over REST by staff with their own logins:
 * each lists only its body's work within its window, nearest deadline first, and never another
 * body's. A directive's filter (*Văn bản* and its number), made when a coordinator starts it, lists
 * that directive's open tasks at every body to coordinators only.
 */
class TaskFiltersIT extends RunningDemoApp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired FilterService filters;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired IdentitySync sync;

  @Test
  void aDirectivesFilterListsItsOpenTasksToCoordinatorsOnly() throws Exception {
    String number = "45-KH/TU-" + System.nanoTime() % 100_000;
    Reply started =
        http.postJson(
            "/engine-rest/process-definition/key/chiThi15QuangNgai2016/start",
            COORDINATOR,
            "{\"businessKey\":\""
                + number
                + "\",\"variables\":{\"issuedDate\":{\"value\":\""
                + LocalDate.now(VN)
                + "\"}}}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    runMessageJobs();
    String assignment = start("soNoiVu", "2030-08-31", number);
    String other = start("soNoiVu", "2030-08-31", "46-KH/TU");
    sync.ensureDirectiveFilter(number); // again, as a sync would: still one filter
    assertThat(filters.createFilterQuery().filterName("Văn bản " + number).count()).isOne();
    String filter = filter("Văn bản " + number);

    // the coordinator: the filter is among theirs, and lists the directive's work at every body
    assertThat(http.get("/engine-rest/filter?resourceType=Task", COORDINATOR).body())
        .contains("Văn bản " + number);
    List<JsonNode> listed = list(filter, COORDINATOR);
    assertThat(listed)
        .extracting(t -> t.get("processInstanceId").asText())
        .contains(assignment)
        .doesNotContain(other);
    assertThat(listed)
        .allSatisfy(
            t ->
                assertThat(
                        tasks
                            .createTaskQuery()
                            .taskId(t.get("id").asText())
                            .processInstanceBusinessKey(number)
                            .count())
                    .isOne());
    assertThat(listed)
        .as("the fan-out's work at the directive's bodies, and the assignment")
        .hasSizeGreaterThan(2)
        .extracting(t -> t.get("name").asText())
        .allMatch(name -> name.endsWith(" — " + number));
    // exactly what the coordinator may read of it anyway, authorization on
    Reply readable =
        http.get(
            "/engine-rest/task/count?processInstanceBusinessKey="
                + URLEncoder.encode(number, StandardCharsets.UTF_8),
            COORDINATOR);
    assertThat(JSON.readTree(readable.body()).get("count").asInt()).isEqualTo(listed.size());

    // staff: not among their filters, and not theirs to run
    assertThat(http.get("/engine-rest/filter?resourceType=Task", STAFF).body())
        .contains(IdentitySync.FILTER_MY_BODY)
        .doesNotContain("Văn bản " + number);
    assertThat(http.get("/engine-rest/filter/" + filter + "/list", STAFF).status()).isEqualTo(403);
  }

  @Test
  void aTasksCardNamesItsBodyAndDirectiveToThoseWhoMayReadIt() throws Exception {
    String assignment = start("soNoiVu", "2030-08-31", "47-KH/TU");
    String task = tasks.createTaskQuery().processInstanceId(assignment).singleResult().getId();
    Reply staff = http.get("/api/the-cong-viec/" + task, STAFF);
    assertThat(staff.status()).as(staff.body()).isEqualTo(200);
    assertThat(JSON.readTree(staff.body()))
        .isEqualTo(JSON.readTree("{\"donVi\":[\"Sở Nội vụ\"],\"vanBan\":\"47-KH/TU\"}"));
    assertThat(http.get("/api/the-cong-viec/" + task, COORDINATOR).status()).isEqualTo(200);
    Reply other = http.get("/api/the-cong-viec/" + task, OTHER_STAFF);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("Sở Nội vụ").doesNotContain("47-KH/TU");
    assertThat(http.get("/api/the-cong-viec/" + task, null).status()).isEqualTo(401);
  }

  /** The fan-outs' chunks, as the job executor would run them. */
  private void runMessageJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  @Test
  void dueSoonAndOverdueListOnlyTheBodysOwnWorkInTheirWindow() throws Exception {
    String dueSoon = filter(IdentitySync.FILTER_DUE_SOON);
    String overdue = filter(IdentitySync.FILTER_OVERDUE);
    String inTwoDays = LocalDate.now(VN).plusDays(2).format(DateTimeFormatter.ISO_LOCAL_DATE);
    String soon = start("soNoiVu", inTwoDays);
    String later = start("soNoiVu", "2030-08-31");

    List<JsonNode> staffSoon = list(dueSoon, STAFF);
    assertThat(staffSoon)
        .extracting(t -> t.get("processInstanceId").asText())
        .contains(soon)
        .doesNotContain(later);
    Instant now = Instant.now();
    for (JsonNode task : staffSoon) {
      Instant due = due(task);
      assertThat(due).isAfter(now.minusSeconds(60)).isBefore(now.plus(Duration.ofDays(3)));
    }
    assertThat(due(staffSoon)).isSorted();
    assertThat(list(dueSoon, OTHER_STAFF))
        .extracting(t -> t.get("processInstanceId").asText())
        .doesNotContain(soon);

    List<JsonNode> staffOverdue = list(overdue, STAFF);
    for (JsonNode task : staffOverdue) {
      Instant due = due(task);
      assertThat(due).isBefore(now.plusSeconds(60));
    }
    assertThat(due(staffOverdue)).isSorted();
    Reply count = http.get("/engine-rest/filter/" + overdue + "/count", STAFF);
    assertThat(JSON.readTree(count.body()).get("count").asInt()).isEqualTo(staffOverdue.size());
  }

  private String filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  private List<JsonNode> list(String filter, String login) throws Exception {
    Reply reply = http.get("/engine-rest/filter/" + filter + "/list?maxResults=500", login);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    JSON.readTree(reply.body()).forEach(tasks::add);
    return tasks;
  }

  private static final DateTimeFormatter REST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private static Instant due(JsonNode task) {
    return OffsetDateTime.parse(task.get("due").asText(), REST_TIME).toInstant();
  }

  private static List<String> due(List<JsonNode> tasks) {
    return tasks.stream().map(t -> t.get("due").asText()).toList();
  }

  /** An assignment for a body, due on a day (yyyy-MM-dd), started by the coordinator. */
  private String start(String body, String deadline) {
    return start(body, deadline, null);
  }

  /** The same, with a directive's number as business key (null for none). */
  private String start(String body, String deadline, String number) {
    Reply reply =
        http.postJson(
            START_ASSIGNMENT,
            COORDINATOR,
            "{"
                + (number == null ? "" : "\"businessKey\":\"" + number + "\",")
                + "\"variables\":{\"leadBody\":{\"value\":\""
                + body
                + "\"},\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Rà soát danh sách cán bộ làm công tác dân vận\"},"
                + "\"deadline\":{\"value\":\""
                + deadline
                + "\"}}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }
}
