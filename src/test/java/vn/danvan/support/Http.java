package vn.danvan.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for tests: real requests to the running application on localhost. */
public final class Http {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final String base;
  private boolean webappSession;
  private boolean csrfHeader = true;

  public Http(int port) {
    this(port, true);
  }

  private Http(int port, boolean keepCookies) {
    this.base = "http://localhost:" + port;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    this.client = (keepCookies ? builder.cookieHandler(cookies) : builder).build();
  }

  /**
   * A client that keeps no cookie: every request stands alone, as API clients of many people
   * sharing one connection pool send them (HTTP Basic each time).
   */
  public static Http withoutCookies(int port) {
    return new Http(port, false);
  }

  /** A response's status and body. */
  public record Reply(int status, String body) {}

  public Reply get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  public Reply postJson(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply putJson(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A multipart/form-data POST of one file part {@code data} (as a deployment is created). */
  public Reply postFile(
      String path, String user, String fileName, byte[] content, String... fields) {
    return postPart(path, user, "data", fileName, content, fields);
  }

  /**
   * A multipart/form-data POST of one file in part {@code part}, its name sent as a browser sends
   * it (UTF-8), after the text {@code fields} (name, value, …).
   */
  public Reply postPart(
      String path, String user, String part, String fileName, byte[] content, String... fields) {
    String boundary = "----danvan" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fields[i]
                  + "\"\r\n\r\n"
                  + fields[i + 1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + part
                + "\"; "
                + "filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /**
   * Whether requests in the webapp session carry its CSRF header (as the webapps' own scripts do)
   * or not (as a request another site makes the browser send).
   */
  public Http csrfHeader(boolean on) {
    csrfHeader = on;
    return this;
  }

  /** A response's status, headers and body as bytes (a downloaded file). */
  public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Download download(String path, String user) {
    HttpRequest request = request(path, user).GET().build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Any request: {@code contentType} and {@code body} may be null (no body). Once logged in to a
   * webapp, every request carries the CSRF header, as the webapps' own scripts send it.
   */
  public Reply send(String method, String path, String user, String contentType, String body) {
    HttpRequest.Builder builder = request(path, user);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(
        builder
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Logs in to a webapp (tasklist, cockpit, admin) the way the browser does: load the app to get
   * the session and CSRF cookies, then post the login form with the CSRF header.
   */
  public Reply loginToWebapp(String app, String user, String password) {
    get("/camunda/app/" + app + "/", null);
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
    Reply reply =
        postForm(
            "/camunda/api/admin/auth/user/default/login/" + app,
            token,
            "username",
            user,
            "password",
            password);
    if (reply.status() == 200) {
      webappSession = true;
      get("/camunda/api/admin/auth/user/default", null); // the new session's CSRF token
    }
    return reply;
  }

  /**
   * A JSON post in the webapp session {@link #loginToWebapp} opened (with its CSRF header); with
   * {@code hal} asking for HAL as Tasklist does.
   */
  public Reply postInSession(String path, String json, boolean hal) {
    HttpRequest.Builder builder = request(path, null).header("Content-Type", "application/json");
    if (hal) {
      builder.setHeader("Accept", "application/hal+json, application/json; q=0.5");
    }
    return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private Reply postForm(String path, String csrfToken, String... keyValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(keyValues[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(
        request(path, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build());
  }

  /** {@code user} is "id:password", or null for an anonymous request. */
  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            // JSON first; what has no JSON form (metrics, .xlsx) in its own
            .header("Accept", "application/json, */*;q=0.1");
    if (user != null) {
      builder.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
    if (webappSession && csrfHeader) {
      cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
    }
    return builder;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
