package vn.danvan.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request body sent to the REST API, the webapps' API and the product's own API must be,
 * before anything reads it:
 *
 * <ul>
 *   <li>at most {@value #MAX_BODY_BYTES} bytes (2 MiB; the models and forms are far smaller): else
 *       413;
 *   <li>JSON that parses, when it says it is JSON: else 400 with the parser's position;
 *   <li>no markup or expression in a variable's text or a business key ({@code <script>}, {@code
 *       {{…}}}, {@code ${…}}, {@code #{…}}): nothing evaluates them, but Tasklist forms show
 *       variables in {@code {{…}}} templates and Cockpit shows them as text, so they have no
 *       business in a report and are refused, naming the variable;
 *   <li>a text variable of at most {@value #MAX_TEXT} characters (what a String variable holds;
 *       longer ones failed in the database as a 500) and no Java-serialized object.
 * </ul>
 *
 * The answers have Camunda's error shape: {@code {"type":"InvalidInputException","message":…}}.
 */
@Configuration
class RequestInputGuard {

  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
  static final int MAX_TEXT = 4000;

  /** The attachments API, whose files have their own limits. */
  static final String ATTACHMENTS = "/api/tep-dinh-kem/";

  /** The check of a model ({@code POST /api/mo-hinh/kiem-tra}), which limits its file itself. */
  static final String MODEL_CHECK = "/api/mo-hinh/";

  /** Directives uploaded to draft a model from (/api/soan-thao, .bpmn): their own size limit. */
  static final String DRAFTS = "/api/soan-thao";

  /** The rehearsal API ({@code /api/dien-tap}, {@code .xlsx}): a model, read by the API itself. */
  static final String REHEARSAL = "/api/dien-tap";

  /** How much of an oversized body is read and thrown away, so the client hears the 413. */
  static final int MAX_DRAINED = 64 * 1024 * 1024;

  static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|\\{\\{|[$#]\\{");
  static final String MARKUP_REFUSED =
      "Nội dung không được chứa thẻ HTML hay biểu thức " + "(<…>, {{…}}, ${…}, #{…})";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestInputGuardFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter());
    registration.setName("danvan-request-input-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** Why a JSON body is refused, or null when it is acceptable. */
  static String refusal(JsonNode body) {
    return refusal(body, null);
  }

  private static String refusal(JsonNode node, String name) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        String refused = refusal(element, name);
        if (refused != null) {
          return refused;
        }
      }
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode key = node.get("businessKey");
    if (key != null && key.isTextual() && MARKUP.matcher(key.asText()).find()) {
      return MARKUP_REFUSED + " (businessKey)";
    }
    JsonNode value = node.get("value");
    if (value != null && value.isTextual()) {
      String label = name == null ? "value" : name;
      String text = value.asText();
      if (MARKUP.matcher(text).find()) {
        return MARKUP_REFUSED + " (" + label + ")";
      }
      String type = node.path("type").asText("String");
      if (type.equalsIgnoreCase("String") && text.length() > MAX_TEXT) {
        return "Nội dung dài " + text.length() + " ký tự, tối đa " + MAX_TEXT + " (" + label + ")";
      }
      if (node.path("valueInfo")
          .path("serializationDataFormat")
          .asText()
          .contains("java-serialized")) {
        return "Không nhận đối tượng Java tuần tự hóa: gửi giá trị dạng JSON (" + label + ")";
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String refused = refusal(field.getValue(), field.getKey());
      if (refused != null) {
        return refused;
      }
    }
    return null;
  }

  static final class Filter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String method = request.getMethod();
      String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
      // forms (the webapps' login) are read as parameters by Tomcat, within its own
      // max-http-form-post-size (application.yaml)
      if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")
          || type.startsWith("application/x-www-form-urlencoded")
          || attachment(request, type)) {
        chain.doFilter(request, response);
        return;
      }
      InputStream in = request.getInputStream();
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        long total = body.length + in.skip(MAX_DRAINED);
        refuse(
            response,
            413,
            "Yêu cầu quá lớn: hơn "
                + MAX_BODY_BYTES / 1024 / 1024
                + " MB (nhận "
                + (total >= MAX_DRAINED ? "hơn " : "")
                + total
                + " byte); tối đa "
                + MAX_BODY_BYTES
                + " byte cho mỗi yêu cầu");
        return;
      }
      if (type.startsWith("application/json") && body.length > 0) {
        String refused;
        try {
          refused = refusal(JSON.readTree(body));
        } catch (JsonProcessingException e) {
          refused =
              "Nội dung yêu cầu không phải JSON hợp lệ: "
                  + e.getOriginalMessage()
                  + " (dòng "
                  + e.getLocation().getLineNr()
                  + ", cột "
                  + e.getLocation().getColumnNr()
                  + ")";
        }
        if (refused != null) {
          refuse(response, 400, refused);
          return;
        }
      }
      FormCheckPlugin.ANSWERING.set(Boolean.TRUE);
      try {
        chain.doFilter(new Replayed(request, body), response);
      } finally {
        FormCheckPlugin.ANSWERING.remove();
      }
    }

    /**
     * A file sent to the attachments API, a model to be checked or drafted, or a model sent to the
     * rehearsal API: read by the multipart reader (the request itself, not a replay of it), within
     * the uploads' limits and the API's, never read into memory here.
     */
    private static boolean attachment(HttpServletRequest request, String type) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return type.startsWith("multipart/form-data")
          && (path.startsWith(ATTACHMENTS)
              || path.startsWith(MODEL_CHECK)
              || path.startsWith(DRAFTS)
              || path.equals(REHEARSAL)
              || path.equals(REHEARSAL + ".xlsx"));
    }

    private static void refuse(HttpServletResponse response, int status, String message)
        throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", InvalidInputException.class.getSimpleName());
      body.put("message", message);
      response.setStatus(status);
      response.setContentType("application/json;charset=UTF-8");
      response.setHeader("Connection", "close");
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
  }

  /** The request with its body read once, served again to whoever reads it next. */
  static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(), encoding == null ? StandardCharsets.UTF_8.name() : encoding));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
