package vn.danvan.skilful;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.danvan.deadline.Deadlines;
import vn.danvan.support.Http;
import vn.danvan.support.PostgresApp;

/**
 * A commune registers at most 3 "Dân vận khéo" models a year, also when its staff press "register"
 * at the same moment: 8 REST clients of one commune register together on PostgreSQL; exactly as
 * many as the quota leaves are accepted, the others get the quota's message (400).
 */
class SkilfulQuotaConcurrencyIT {

  static final String BODY = "ubndPhuongPhanThiet";
  static final String STAFF = "ubndPhuongPhanThietCanBo:demo";
  static final String START = "/engine-rest/process-definition/key/skilfulModel/start";
  static final int CLIENTS = 8;
  static final int MAX_PER_YEAR = 3;

  @Test
  void registrationsAtTheSameMomentStayWithinTheYearlyMaximum() throws Exception {
    String url = PostgresApp.freshDatabase("danvan_it_skilful");
    try (ConfigurableApplicationContext app =
        PostgresApp.start(url, "demo", "--camunda.bpm.job-execution.enabled=false")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      int year = LocalDate.now(Deadlines.ZONE).getYear();
      long before = registered(engine.getHistoryService(), year);
      assertThat(before).isLessThan(MAX_PER_YEAR);
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      String body = registrationJson();
      CyclicBarrier together = new CyclicBarrier(CLIENTS);
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Http.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        Http http = new Http(port);
        replies.add(
            pool.submit(
                () -> {
                  together.await();
                  return http.postJson(START, STAFF, body);
                }));
      }
      List<Http.Reply> accepted = new ArrayList<>();
      List<Http.Reply> refused = new ArrayList<>();
      for (Future<Http.Reply> reply : replies) {
        Http.Reply r = reply.get();
        (r.status() == 200 ? accepted : refused).add(r);
      }
      pool.shutdown();

      assertThat(accepted).hasSize((int) (MAX_PER_YEAR - before));
      assertThat(refused)
          .allSatisfy(
              r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.body())
                    .contains(
                        "đã đăng ký " + MAX_PER_YEAR + " mô hình",
                        "tối đa " + MAX_PER_YEAR + " mô hình mỗi năm");
              });
      assertThat(registered(engine.getHistoryService(), year)).isEqualTo(MAX_PER_YEAR);
    }
  }

  private static long registered(HistoryService history, int year) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("skilfulModel")
        .variableValueEquals("body", BODY)
        .variableValueEquals("registrationYear", year)
        .count();
  }

  private static String registrationJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ObjectNode variables = root.putObject("variables");
    SkilfulModelProcessTest.registration()
        .forEach((name, value) -> variables.putObject(name).put("value", (String) value));
    return root.toString();
  }
}
