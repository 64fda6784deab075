package vn.danvan.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of tests that talk HTTP to the started demo application (one shared context). */
@DemoAppTest
public abstract class RunningDemoApp {

  /** Demo accounts, "id:password". */
  public static final String COORDINATOR = "bdvTUDieuPhoi:demo";

  public static final String STAFF = "soNoiVuCanBo:demo";
  public static final String LEADER = "soNoiVuLanhDao:demo";
  public static final String OTHER_STAFF = "soTaiChinhCanBo:demo";
  public static final String OTHER_LEADER = "soTaiChinhLanhDao:demo";

  public static final String START_ASSIGNMENT =
      "/engine-rest/process-definition/key/assignment/start";

  @LocalServerPort protected int port;
  protected Http http;

  @BeforeEach
  void connect() {
    http = new Http(port);
  }

  /** Starts an assignment as the coordinator (Ban Dân vận), through REST; returns its id. */
  protected String assign(String leadBody) {
    return assign(http, leadBody);
  }

  public static String assign(Http http, String leadBody) {
    return assign(http, leadBody, "2030-08-31");
  }

  /** Starts an assignment with that deadline (yyyy-MM-dd) as the coordinator; returns its id. */
  public static String assign(Http http, String leadBody, String deadline) {
    return assign(http, leadBody, deadline, null);
  }

  /** The same, as work of a directive: its number as business key (null for none). */
  public static String assign(Http http, String leadBody, String deadline, String number) {
    Http.Reply reply =
        http.postJson(
            START_ASSIGNMENT,
            COORDINATOR,
            "{"
                + (number == null ? "" : "\"businessKey\":\"" + number + "\",")
                + "\"variables\":{"
                + "\"leadBody\":{\"value\":\""
                + leadBody
                + "\"},"
                + "\"monitorBody\":{\"value\":\"bdvTU\"},"
                + "\"taskContent\":{\"value\":\"Xây dựng kế hoạch thực hiện chỉ thị\"},"
                + "\"deadline\":{\"value\":\""
                + deadline
                + "\"}}}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
  }
}
