package vn.danvan.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps a listener's exception (task listeners always do, and the REST API then says
 * 500 "Cannot complete task"). When the cause is an {@link InvalidInputException} the client made
 * a mistake: answer 400 with its message, in Camunda's error format. Everything else goes to
 * Camunda's own handlers unchanged.
 */
@Configuration
class InvalidInputResponses {

  @Bean
  ResourceConfigCustomizer invalidInputMappers() {
    return config -> config
        .register(new ForRestException())
        .register(new ForProcessEngineException());
  }

  static Response badRequestOr(Throwable thrown, Response otherwise) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidInputException.class.getSimpleName());
        body.put("message", invalid.getMessage());
        body.put("code", null);
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return otherwise;
  }

  /** Takes precedence over Camunda's mapper for the same type (lower value wins). */
  @Priority(1000)
  static final class ForRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response invalid = badRequestOr(e, null);
      return invalid != null ? invalid : new RestExceptionHandler().toResponse(e);
    }
  }

  @Priority(1000)
  static final class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      Response invalid = badRequestOr(e, null);
      return invalid != null ? invalid : new ProcessEngineExceptionHandler().toResponse(e);
    }
  }
}
