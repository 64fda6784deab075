package vn.danvan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Remembers a REST client's successful HTTP Basic login for a short time ({@code ttl}, 30 s by
 * default): the user, its groups and its tenants. Without it every request checks the password and
 * reads the groups and tenants again, three engine commands before the request's own work (W1
 * measured it at 7% of the application's CPU per task completion).
 *
 * <p>What stays as it was: a wrong password is never remembered, so it is checked (and counted
 * towards Camunda's lock-out) on every request. What changes: a changed password, a removed user or
 * a changed membership takes effect for a client that is already signed in after at most {@code
 * ttl}, as the Camunda webapps' own authentication cache does for sessions (5 minutes by default).
 * The cache keys are SHA-256 digests of the engine name and the header, not passwords. A zero
 * {@code ttl} switches it off.
 */
final class RestAuthenticationCache implements AuthenticationProvider {

  static final int MAX_ENTRIES = 10_000;

  private record Entry(String user, List<String> groups, List<String> tenants, long until) {}

  /** How a user's groups or tenants are read: Camunda's filter's own reads. */
  interface Memberships {
    List<String> of(ProcessEngine engine, String user);
  }

  private final AuthenticationProvider checker;
  private final Memberships groups;
  private final Memberships tenants;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  RestAuthenticationCache(
      AuthenticationProvider checker,
      Memberships groups,
      Memberships tenants,
      Duration ttl,
      LongSupplier nanoClock) {
    this.checker = checker;
    this.groups = groups;
    this.tenants = tenants;
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
  }

  /** {@code checker} itself when {@code ttl} is zero. */
  static AuthenticationProvider around(
      AuthenticationProvider checker, Memberships groups, Memberships tenants, Duration ttl) {
    return ttl.isZero() || ttl.isNegative()
        ? checker
        : new RestAuthenticationCache(checker, groups, tenants, ttl, System::nanoTime);
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return checker.extractAuthenticatedUser(request, engine);
    }
    String key = digest(engine.getName() + "\n" + header);
    long now = nanoClock.getAsLong();
    Entry entry = entries.get(key);
    if (entry == null || now - entry.until() >= 0) {
      AuthenticationResult checked = checker.extractAuthenticatedUser(request, engine);
      if (!checked.isAuthenticated()) {
        entries.remove(key);
        return checked;
      }
      String user = checked.getAuthenticatedUser();
      entry =
          new Entry(
              user,
              List.copyOf(
                  checked.getGroups() != null ? checked.getGroups() : groups.of(engine, user)),
              List.copyOf(
                  checked.getTenants() != null ? checked.getTenants() : tenants.of(engine, user)),
              now + ttlNanos);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(key, entry);
    }
    AuthenticationResult result = AuthenticationResult.successful(entry.user());
    result.setGroups(entry.groups());
    result.setTenants(entry.tenants());
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    checker.augmentResponseByAuthenticationChallenge(response, engine);
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
