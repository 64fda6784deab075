package vn.danvan.platform;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API ({@code /engine-rest}) is open to anyone in a plain Camunda application. Here every
 * call, the reminder settings API ({@code /api/thong-bao}) and the metrics
 * ({@code /actuator/prometheus}) must carry HTTP Basic credentials
 * of a Camunda user, and then runs with that user's authorizations. Camunda's filter lets only the engine list ({@code /engine-rest/engine}) through.
 */
@Configuration
class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/thong-bao/*", "/actuator/prometheus");
    return registration;
  }
}
