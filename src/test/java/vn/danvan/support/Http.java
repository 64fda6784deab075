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
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
          .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response's status and body. */
  public record Reply(int status, String body) {}

  public Reply get(String path, String user) {
    return send(request(path, user).GET().build());
  }

  public Reply postJson(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Reply putJson(String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /**
   * Logs in to a webapp (tasklist, cockpit, admin) the way the browser does: load the app to get
   * the session and CSRF cookies, then post the login form with the CSRF header.
   */
  public Reply loginToWebapp(String app, String user, String password) {
    get("/camunda/app/" + app + "/", null);
    return postForm("/camunda/api/admin/auth/user/default/login/" + app, csrfToken(),
        "username", user, "password", password);
  }

  /**
   * A JSON post in the webapp session {@link #loginToWebapp} opened, with its CSRF header; with
   * {@code hal} asking for HAL as Tasklist does.
   */
  public Reply postInSession(String path, String json, boolean hal) {
    HttpRequest.Builder builder = request(path, null).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrfToken());
    if (hal) {
      builder.setHeader("Accept", "application/hal+json, application/json; q=0.5");
    }
    return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
        .findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
  }

  private Reply postForm(String path, String csrfToken, String... keyValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(keyValues[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(request(path, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
  }

  /** {@code user} is "id:password", or null for an anonymous request. */
  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    if (user != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
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
