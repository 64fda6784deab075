package vn.danvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The REST login cache over Camunda's HTTP Basic check, on a real engine (its identity tables),
 * with a clock the test moves: {@code staff} of {@code bodyA}, password {@code one}.
 */
class RestAuthenticationCacheTest {

  static final Duration TTL = Duration.ofSeconds(30);
  static ProcessEngine engine;
  static IdentityService identity;

  /** Camunda's filter, for its reads of a user's groups and tenants. */
  static final CamundaReads CAMUNDA = new CamundaReads();

  final AtomicLong clock = new AtomicLong(1_000);
  final AuthenticationProvider cache =
      new RestAuthenticationCache(
          new HttpBasicAuthenticationProvider(),
          CAMUNDA::groups,
          CAMUNDA::tenants,
          TTL,
          clock::get);

  static final class CamundaReads extends ProcessEngineAuthenticationFilter {
    List<String> groups(ProcessEngine engine, String user) {
      return getGroupsOfUser(engine, user);
    }

    List<String> tenants(ProcessEngine engine, String user) {
      return getTenantsOfUser(engine, user);
    }
  }

  @BeforeAll
  static void start() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:rest-login-cache;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("rest-login-cache");
    configuration.setJobExecutorActivate(false);
    configuration.setLoginDelayBase(0); // a right password right after a wrong one counts at once
    engine = configuration.buildProcessEngine();
    identity = engine.getIdentityService();
    for (String group : new String[] {"bodyA", "bodyB"}) {
      identity.saveGroup(identity.newGroup(group));
    }
    identity.saveTenant(identity.newTenant("tinhMau"));
    identity.createTenantGroupMembership("tinhMau", "bodyA");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @BeforeEach
  void staffWithPasswordOne() {
    if (identity.createUserQuery().userId("staff").count() > 0) {
      identity.deleteUser("staff");
    }
    User staff = identity.newUser("staff");
    staff.setPassword("one");
    identity.saveUser(staff);
    identity.createMembership("staff", "bodyA");
  }

  AuthenticationResult login(String password) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("staff:" + password).getBytes(StandardCharsets.UTF_8)));
    return cache.extractAuthenticatedUser(request, engine);
  }

  void passwordBecomes(String password) {
    User staff = identity.createUserQuery().userId("staff").singleResult();
    staff.setPassword(password);
    identity.saveUser(staff);
  }

  @Test
  void aLoginCarriesTheUsersGroupsAndTenants() {
    AuthenticationResult result = login("one");
    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo("staff");
    assertThat(result.getGroups()).containsExactly("bodyA");
    assertThat(result.getTenants()).containsExactly("tinhMau");
  }

  @Test
  void aSuccessfulLoginIsRememberedUntilItsTimeIsUp() {
    assertThat(login("one").isAuthenticated()).isTrue();
    passwordBecomes("two");
    identity.createMembership("staff", "bodyB");

    clock.addAndGet(TTL.toNanos() - 1);
    AuthenticationResult remembered = login("one");
    assertThat(remembered.isAuthenticated()).isTrue();
    assertThat(remembered.getGroups()).containsExactly("bodyA");

    clock.addAndGet(1);
    assertThat(login("one").isAuthenticated()).isFalse();
    AuthenticationResult fresh = login("two");
    assertThat(fresh.isAuthenticated()).isTrue();
    assertThat(fresh.getGroups()).containsExactlyInAnyOrder("bodyA", "bodyB");
  }

  @Test
  void aWrongPasswordIsNeverRemembered() {
    assertThat(login("two").isAuthenticated()).isFalse();
    passwordBecomes("two");
    assertThat(login("two").isAuthenticated()).isTrue(); // at once, nothing was kept
    assertThat(login("one").isAuthenticated()).isFalse();
  }

  @Test
  void aZeroTimeToLiveLeavesCamundasCheckAsItIs() {
    AuthenticationProvider checker = new HttpBasicAuthenticationProvider();
    assertThat(
            RestAuthenticationCache.around(
                checker, CAMUNDA::groups, CAMUNDA::tenants, Duration.ZERO))
        .isSameAs(checker);
    assertThat(RestAuthenticationCache.around(checker, CAMUNDA::groups, CAMUNDA::tenants, TTL))
        .isInstanceOf(RestAuthenticationCache.class);
  }

  @Test
  void noHeaderIsUnauthenticated() {
    assertThat(
            cache.extractAuthenticatedUser(new MockHttpServletRequest(), engine).isAuthenticated())
        .isFalse();
  }
}
