package vn.danvan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.danvan.org.Role;

/**
 * The REST API ({@code /engine-rest}) is open to anyone in a plain Camunda application. Here every
 * call, the reminder settings API ({@code /api/thong-bao}), the administrators' APIs ({@code
 * /api/to-chuc}, {@code /api/van-ban}, {@code /api/mo-hinh}) and the metrics ({@code
 * /actuator/prometheus}) must carry HTTP Basic credentials of a Camunda user, and then runs with
 * that user's authorizations (a successful login is remembered for 30 s: {@link
 * RestAuthenticationCache}). Camunda's filter lets only the engine list ({@code
 * /engine-rest/engine}) through. The metrics (Prometheus, and the engine's {@code
 * /engine-rest/metrics}) count every body's work: only coordinators and administrators (or a
 * monitoring account in their groups) read them. A person looks up their own groups only ({@link
 * #ownMembershipsOnly}).
 */
@Configuration
class RestSecurityConfiguration {

  static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;
  static final List<String> METRICS_READERS =
      List.of(Role.COORDINATOR.groupId(), Role.ADMIN.groupId());

  /**
   * Camunda's filter with HTTP Basic, its successful logins remembered for {@code
   * danvan.rest.authentication-cache} ({@link RestAuthenticationCache}).
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication(
      @Value("${danvan.rest.authentication-cache:PT30S}") Duration cacheTtl) {
    ProcessEngineAuthenticationFilter filter =
        new ProcessEngineAuthenticationFilter() {
          @Override
          public void init(FilterConfig config) throws ServletException {
            super.init(config);
            authenticationProvider =
                RestAuthenticationCache.around(
                    authenticationProvider,
                    this::getGroupsOfUser,
                    this::getTenantsOfUser,
                    cacheTtl);
          }
        };
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(
        "/engine-rest/*",
        "/api/thong-bao/*",
        "/api/to-chuc/*",
        "/api/van-ban/*",
        "/api/mo-hinh/*",
        "/actuator/prometheus");
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /**
   * The Admin webapp's plugin API (usage metrics) answered any signed-in webapp user: it is the
   * Admin app's, for those the session allows into Admin (its scripts stay public: they load the
   * login page).
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> adminPluginUsers(ProcessEngine engine) {
    return guard(
        "danvan-admin-plugin-users",
        request -> {
          if (request.getRequestURI().contains("/static/")) {
            return null; // the plugins' scripts, which load the app
          }
          UserAuthentication user = sessionUser(request, engine);
          if (user == null) {
            return new Refusal(
                HttpServletResponse.SC_UNAUTHORIZED, "Cần đăng nhập ứng dụng Quản trị");
          }
          return user.isAuthorizedForApp("admin")
              ? null
              : new Refusal(
                  HttpServletResponse.SC_FORBIDDEN,
                  "Chỉ quản trị hệ thống dùng được ứng dụng Quản trị");
        },
        "/camunda/api/admin/plugin/*");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> metricsReaders(ProcessEngine engine) {
    return guard(
        "danvan-metrics-readers",
        request -> {
          Authentication user = engine.getIdentityService().getCurrentAuthentication();
          return user != null
                  && user.getGroupIds() != null
                  && user.getGroupIds().stream().anyMatch(METRICS_READERS::contains)
              ? null
              : new Refusal(
                  HttpServletResponse.SC_FORBIDDEN,
                  "Chỉ đơn vị điều phối và quản trị hệ thống xem được số liệu giám sát");
        },
        "/actuator/prometheus",
        "/engine-rest/metrics/*");
  }

  /**
   * Whose groups a person may look up ({@code identity/groups?userId=}, {@code group?member=}, and
   * their counts, over REST and in the webapps): their own, or anyone's account they may read (READ
   * on that USER: the administrator). A body's group and a role are groups, so the engine's answer
   * about another person would show the roles both share.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> ownMembershipsOnly(ProcessEngine engine) {
    return guard(
        "danvan-own-memberships-only",
        request -> {
          String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
          if (!MEMBERSHIP_LOOKUPS.matcher(path).matches()) {
            return null;
          }
          Authentication caller = caller(request, engine);
          String[] asked =
              request.getParameterValues(path.endsWith("/identity/groups") ? "userId" : "member");
          if (caller == null || asked == null) {
            return null; // the engine answers: 401, or the groups the caller may read
          }
          List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
          for (String userId : asked) {
            if (!userId.equals(caller.getUserId())
                && !groups.contains(Role.ADMIN.groupId())
                && !engine
                    .getAuthorizationService()
                    .isUserAuthorized(
                        caller.getUserId(), groups, Permissions.READ, Resources.USER, userId)) {
              return new Refusal(
                  HttpServletResponse.SC_FORBIDDEN,
                  "Chỉ xem được nhóm và vai trò của chính mình (" + userId + ")");
            }
          }
          return null;
        },
        "/engine-rest/*",
        "/camunda/api/engine/*");
  }

  /** The engine's look-ups of someone's groups, under the REST API or the webapps' engine API. */
  static final Pattern MEMBERSHIP_LOOKUPS =
      Pattern.compile(
          "/(engine-rest(/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)"
              + "/(identity/groups|group|group/count)/?");

  /**
   * Who asks: the REST caller Camunda's filter authenticated, or the person signed in to the
   * webapps; null for anyone else.
   */
  static Authentication caller(HttpServletRequest request, ProcessEngine engine) {
    Authentication rest = engine.getIdentityService().getCurrentAuthentication();
    if (rest != null) {
      return rest;
    }
    UserAuthentication user = sessionUser(request, engine);
    return user == null
        ? null
        : new Authentication(
            user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
  }

  /** The person signed in to the webapps in this request's session, or null. */
  static UserAuthentication sessionUser(HttpServletRequest request, ProcessEngine engine) {
    Authentications auths =
        request.getSession(false) == null
            ? null
            : AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    return auths != null
            && auths.getAuthenticationForProcessEngine(engine.getName())
                instanceof UserAuthentication user
        ? user
        : null;
  }

  /** Why a guard stops a request: the status and the message the client reads. */
  record Refusal(int status, String message) {}

  /**
   * A filter after the authentication that lets a request through when {@code check} answers null,
   * and refuses it otherwise.
   */
  private static FilterRegistrationBean<OncePerRequestFilter> guard(
      String name, Function<HttpServletRequest, Refusal> check, String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                Refusal refusal = check.apply(request);
                if (refusal == null) {
                  chain.doFilter(request, response);
                } else {
                  refuse(response, refusal.status(), refusal.message());
                }
              }
            });
    registration.setName(name);
    registration.addUrlPatterns(urlPatterns);
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }

  static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("{\"type\":\""
                    + (status == 401 ? "AuthenticationException" : "AuthorizationException")
                    + "\",\"message\":\""
                    + jsonText(message)
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** {@code text} as the inside of a JSON string (a refusal may quote what the client asked). */
  static String jsonText(String text) {
    StringBuilder json = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.toString();
  }
}
