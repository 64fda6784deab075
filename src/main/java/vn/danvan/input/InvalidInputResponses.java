package vn.danvan.input;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps a listener's exception (task listeners always do, and the REST API then says 500
 * "Cannot complete task"). When the cause is an {@link InvalidInputException} the client made a
 * mistake: answer 400 with its message, in Camunda's error format. A missing task, instance or
 * deployment is 404 (Camunda says 500). Everything else goes to Camunda's own handlers unchanged.
 */
@Configuration
class InvalidInputResponses {

  @Bean
  ResourceConfigCustomizer invalidInputMappers() {
    return config ->
        config
            .register(new ForRestException())
            .register(new ForJsonMappingException())
            .register(new ForProcessEngineException());
  }

  static Response badRequestOr(Throwable thrown, Response otherwise) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return error(
            Response.Status.BAD_REQUEST, InvalidInputException.class, invalid.getMessage());
      }
    }
    return otherwise;
  }

  /**
   * Requests Camunda refuses with a plain {@link ProcessEngineException}, which its REST API
   * answers 500 although the client asked for something impossible: say 400.
   */
  static final List<String> CLIENT_MISTAKES =
      List.of(
          "because is part of a running process", // DELETE /task/{id} of a process's task
          "ENGINE-13043", // POST /condition: no conditional start event
          "ENGINE-13050"); // POST /job/retries without jobs

  static Response clientMistakeOr(Throwable thrown, Response otherwise) {
    String message = thrown.getMessage();
    if (otherwise.getStatus() >= 500
        && message != null
        && CLIENT_MISTAKES.stream().anyMatch(message::contains)) {
      return error(Response.Status.BAD_REQUEST, thrown.getClass(), message);
    }
    return otherwise;
  }

  /**
   * The engine says "Cannot find task with id x: task is null" ({@link NullValueException}) when a
   * client names a task, instance or deployment that does not exist (or that it may not see);
   * Camunda's REST API answers that 500. It is the client's 404.
   */
  static Response notFoundOr(Throwable thrown, Response otherwise) {
    if (otherwise.getStatus() >= 500
        && thrown.getMessage() != null
        && thrown.getMessage().matches("(?s).*(Cannot find|doesn't exist|does not exist).*")) {
      for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof NullValueException) {
          return error(Response.Status.NOT_FOUND, thrown.getClass(), thrown.getMessage());
        }
      }
    }
    return otherwise;
  }

  private static Response error(Response.Status status, Class<?> type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.getSimpleName());
    body.put("message", message);
    body.put("code", null);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Takes precedence over Camunda's mapper for the same type (lower value wins). */
  @Priority(1000)
  static final class ForRestException implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response invalid = badRequestOr(e, null);
      return invalid != null
          ? invalid
          : clientMistakeOr(e, notFoundOr(e, new RestExceptionHandler().toResponse(e)));
    }
  }

  /**
   * A body that is JSON but not of the expected shape ({@code "variables": [1, 2]}): Camunda
   * answers 400 with an empty message; say what did not fit, and where.
   */
  @Priority(1000)
  static final class ForJsonMappingException implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      String where =
          e.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      return error(
          Response.Status.BAD_REQUEST,
          InvalidInputException.class,
          "Nội dung JSON không đúng dạng"
              + (where.isEmpty() ? "" : " tại " + where)
              + ": "
              + e.getOriginalMessage());
    }
  }

  @Priority(1000)
  static final class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException e) {
      Response invalid = badRequestOr(e, null);
      return invalid != null
          ? invalid
          : clientMistakeOr(e, notFoundOr(e, new ProcessEngineExceptionHandler().toResponse(e)));
    }
  }
}
