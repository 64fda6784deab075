package vn.danvan.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist and Cockpit call the engine through the webapps' own API ({@code /camunda/api/engine}),
 * which {@link InvalidInputResponses} does not reach: a refused form came back as a 500 whose
 * message began "ENGINE-03051 There was an exception while invoking the TaskListener…". Here a
 * request that failed because of an {@link InvalidInputException} answers 400 with just its
 * Vietnamese message, which Tasklist shows to the user.
 */
@Configuration
class WebappInvalidInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappInvalidInputFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter());
    registration.setName("danvan-webapp-invalid-input");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("GET".equals(request.getMethod())) {
        chain.doFilter(request, response); // reads never refuse input
        return;
      }
      InvalidInputException.forget();
      ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, wrapped);
        InvalidInputException refused = InvalidInputException.last();
        if (refused != null && wrapped.getStatus() >= 500) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", InvalidInputException.class.getSimpleName());
          body.put("message", refused.getMessage());
          wrapped.resetBuffer();
          wrapped.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          wrapped.setContentType("application/json;charset=UTF-8");
          wrapped
              .getOutputStream()
              .write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        }
      } finally {
        InvalidInputException.forget();
        wrapped.copyBodyToResponse();
      }
    }
  }
}
