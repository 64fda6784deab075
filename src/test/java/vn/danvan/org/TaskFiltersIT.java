package vn.danvan.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.RunningDemoApp;

/**
 * The Tasklist filters *Sắp đến hạn* and *Quá hạn*, read over REST by staff with their own logins:
 * each lists only its body's work within its window, nearest deadline first, and never another
 * body's.
 */
class TaskFiltersIT extends RunningDemoApp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired FilterService filters;

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
    Reply reply =
        http.postJson(
            START_ASSIGNMENT,
            COORDINATOR,
            "{\"variables\":{\"leadBody\":{\"value\":\""
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
