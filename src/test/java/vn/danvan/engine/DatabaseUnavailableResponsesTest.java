package vn.danvan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The filter answers 503 for a request that failed for want of the database, however the failure
 * reaches it: as the handler's own 500, or as an exception that escapes the handler.
 */
class DatabaseUnavailableResponsesTest {

  private static final ProcessEngineException NO_DATABASE =
      new ProcessEngineException(
          "query failed", new SQLTransientConnectionException("Connection is not available"));

  private final DatabaseUnavailableResponses.Filter filter =
      new DatabaseUnavailableResponses.Filter();

  @Test
  void aServerErrorAnsweredAfterACommandFoundNoDatabase() throws Exception {
    MockHttpServletResponse response =
        run(
            (request, reply) -> {
              DatabaseUnavailable.noteIfCausedBy(NO_DATABASE);
              ((jakarta.servlet.http.HttpServletResponse) reply).setStatus(500);
              reply.getWriter().write("{\"type\":\"ProcessEngineException\"}");
            });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"DatabaseUnavailable\"")
        .doesNotContain("ProcessEngineException");
  }

  /** A handler that wraps the failure anew, without it as a cause, after the command's note. */
  @Test
  void anExceptionWithoutTheCauseAfterACommandFoundNoDatabase() throws Exception {
    MockHttpServletResponse response =
        run(
            (request, reply) -> {
              DatabaseUnavailable.noteIfCausedBy(NO_DATABASE);
              throw new IllegalStateException("a mapper failed");
            });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentAsString()).contains("cơ sở dữ liệu");
  }

  @Test
  void otherFailuresGoOnUnchanged() throws Exception {
    assertThatThrownBy(
            () ->
                run(
                    (request, reply) -> {
                      throw new IllegalStateException("a bug");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug");
    MockHttpServletResponse response =
        run((request, reply) -> ((jakarta.servlet.http.HttpServletResponse) reply).setStatus(500));
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(DatabaseUnavailable.met()).as("the note ends with the request").isFalse();
  }

  private MockHttpServletResponse run(FilterChain chain) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(
        new MockHttpServletRequest("POST", "/engine-rest/task/1/complete"), response, chain);
    return response;
  }
}
