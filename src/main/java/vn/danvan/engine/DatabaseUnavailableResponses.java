package vn.danvan.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (restarted, failed over, the network to it cut) every request is
 * answered {@code 503 Service Unavailable} with {@code Retry-After} and a Vietnamese message in the
 * engine REST API's error format ({@code {"type":"DatabaseUnavailable","message":…}}), not a 500
 * with a driver's stack trace: the engine REST API, the webapps' own API (Tasklist, Cockpit,
 * Admin), the product's APIs and the pages alike. How long a request waits before that answer is
 * the connection pool's {@code connection-timeout} (application-postgres.yaml). The application
 * itself needs no restart: the pool opens new connections once the server is back.
 *
 * <p>Two parts: an engine command interceptor notes on the request's thread that a command failed
 * for want of the database ({@link DatabaseUnavailable#causedBy}), because the REST API and the
 * webapps turn the engine's exceptions into 500 answers of their own, out of this filter's sight;
 * and a filter in front of everything (also of authentication, whose password check is an engine
 * command) that turns such a 500, or such an exception, into the 503.
 */
@Configuration
class DatabaseUnavailableResponses {

  /** Before every other filter of the product (request size, authentication). */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseUnavailableFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter());
    registration.setName("danvan-database-unavailable");
    registration.addUrlPatterns("/*");
    registration.setOrder(ORDER);
    return registration;
  }

  @Bean
  static AbstractProcessEnginePlugin databaseUnavailableNotes() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> before = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
          before.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        // outside the transaction: also a connection the transaction could not get
        before.add(new NoteInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(before);
      }
    };
  }

  /** Notes a command's failure for want of the database; changes nothing else. */
  static final class NoteInterceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException | Error failure) {
        DatabaseUnavailable.noteIfCausedBy(failure);
        throw failure;
      }
    }
  }

  static final class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      DatabaseUnavailable.forget();
      Unavailable wrapped = new Unavailable(response);
      try {
        chain.doFilter(request, wrapped);
      } catch (IOException | ServletException | RuntimeException | Error failure) {
        // the failure that escaped may be one the engine's failing command led to, without it
        // as a cause (a mapper or the servlet wrapping it anew): the thread's note counts too
        if (!(DatabaseUnavailable.causedBy(failure) || DatabaseUnavailable.met())
            || response.isCommitted()) {
          throw failure;
        }
        wrapped.replaced = true;
      } finally {
        DatabaseUnavailable.forget();
      }
      if (wrapped.replaced && !response.isCommitted()) {
        LOG.warn(
            "Cơ sở dữ liệu không kết nối được: {} {} được trả lời 503",
            request.getMethod(),
            request.getRequestURI());
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setContentType("application/json;charset=UTF-8");
        response
            .getOutputStream()
            .write(
                JSON.writeValueAsString(DatabaseUnavailable.body())
                    .getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * The response as the request's handlers see it: once they answer a server error after an engine
   * command failed for want of the database, what they write is dropped, and the filter answers
   * instead.
   */
  static final class Unavailable extends HttpServletResponseWrapper {
    boolean replaced;

    Unavailable(HttpServletResponse response) {
      super(response);
    }

    private boolean replaces(int status) {
      if (!replaced && status >= 500 && DatabaseUnavailable.met() && !isCommitted()) {
        replaced = true;
      }
      return replaced;
    }

    @Override
    public void setStatus(int status) {
      if (!replaces(status)) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!replaces(status)) {
        super.sendError(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!replaces(status)) {
        super.sendError(status, message);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return replaced ? DROPPED : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return replaced ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!replaced) {
        super.flushBuffer();
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!replaced) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!replaced) {
        super.setContentLengthLong(length);
      }
    }
  }

  private static final ServletOutputStream DROPPED =
      new ServletOutputStream() {
        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          // nothing is written
        }

        @Override
        public void write(int b) {
          // dropped: the filter answers instead
        }

        @Override
        public void write(byte[] b, int off, int len) {
          // dropped
        }
      };
}
