package vn.danvan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.danvan.support.DemoAppTest;
import vn.danvan.support.Http;

/** Which webapp each role may log in to, through the webapps' own login endpoint. */
@DemoAppTest
class WebappAccessIT {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
      "soNoiVuCanBo,   tasklist, 200",
      "soNoiVuCanBo,   cockpit,  403",
      "soNoiVuCanBo,   admin,    403",
      "soNoiVuLanhDao, tasklist, 200",
      "soNoiVuLanhDao, cockpit,  403",
      "bdvTUDieuPhoi,  tasklist, 200",
      "bdvTUDieuPhoi,  cockpit,  200",
      "bdvTUDieuPhoi,  admin,    403",
      "demo,           admin,    200",
      "demo,           cockpit,  200"})
  void eachRoleReachesItsApplicationsOnly(String user, String app, int status) {
    Http.Reply reply = new Http(port).loginToWebapp(app, user, "demo");
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefused() {
    Http.Reply reply = new Http(port).postJson(
        "/camunda/api/admin/auth/user/default/login/tasklist", null, "{}");
    assertThat(reply.status()).isEqualTo(403);
  }

  @ParameterizedTest
  @CsvSource({"thanhTraTinhCanBo, wrong", "nobody, demo"})
  void wrongCredentialsAreRefused(String user, String password) {
    Http.Reply reply = new Http(port).loginToWebapp("tasklist", user, password);
    assertThat(reply.status()).isIn(401, 403);
  }
}
