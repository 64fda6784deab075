package vn.danvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.support.Http;
import vn.danvan.support.RunningDemoApp;

/** Which webapp each role may log in to, through the webapps' own login endpoint. */
class WebappAccessIT extends RunningDemoApp {

  @Autowired IdentityService identity;

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
    "demo,           cockpit,  200"
  })
  void eachRoleReachesItsApplicationsOnly(String user, String app, int status) {
    Http.Reply reply = http.loginToWebapp(app, user, "demo");
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefused() {
    Http.Reply reply =
        http.postJson("/camunda/api/admin/auth/user/default/login/tasklist", null, "{}");
    assertThat(reply.status()).isEqualTo(403);
  }

  @ParameterizedTest
  @CsvSource({"thanhTraTinhCanBo, wrong", "nobody, demo"})
  void wrongCredentialsAreRefused(String user, String password) {
    Http.Reply reply = http.loginToWebapp("tasklist", user, password);
    assertThat(reply.status()).isIn(401, 403);
    // Camunda locks an account after wrong passwords: the person is free again for other tests
    identity.unlockUser(user);
  }
}
