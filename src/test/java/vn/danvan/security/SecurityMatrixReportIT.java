package vn.danvan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.danvan.security.SecurityMatrix.Actor;
import vn.danvan.security.SecurityMatrix.Probe;
import vn.danvan.support.EngineState;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Reply;
import vn.danvan.support.ReliabilityReport;
import vn.danvan.support.RunningDemoApp;

/**
 * Every endpoint the application exposes (engine REST roots, the product's APIs, the webapps' APIs)
 * against every kind of actor: anonymous and a wrong password are 401; a staff member of another
 * body, a staff member asking for a coordinator's things, a leader or coordinator asking for an
 * administrator's things are refused (403/404 or an empty answer) and change nothing; the rightful
 * actor succeeds. Every request is a row of {@code target/reliability/security-matrix.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixReportIT extends RunningDemoApp {

  @Autowired ProcessEngine engine;

  private final ReliabilityReport report = new ReliabilityReport("security-matrix");
  private final Map<String, String> fixture = new LinkedHashMap<>();
  private final Map<Actor, Http> sessions = new LinkedHashMap<>();

  @BeforeAll
  void prepare() {
    Http http = new Http(port);
    fixture.putAll(SecurityMatrix.fixture(http, engine));
    for (Actor actor : Actor.values()) {
      Http session = new Http(port);
      if (actor.webapp() != null) {
        assertThat(session.loginToWebapp(actor.webapp(), actor.user(), "demo").status())
            .as(actor + " logs in to " + actor.webapp())
            .isEqualTo(200);
      }
      sessions.put(actor, session);
    }
  }

  List<Probe> probes() {
    return SecurityMatrix.probes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void eachActorGetsWhatTheirRoleAllows(Probe probe) {
    UnaryOperator<String> resolve =
        text -> {
          String resolved = text;
          for (Map.Entry<String, String> value : fixture.entrySet()) {
            resolved = resolved == null ? null : resolved.replace(value.getKey(), value.getValue());
          }
          return resolved;
        };
    String path = resolve.apply(probe.path());
    String body = resolve.apply(probe.body());
    List<String> violations = new ArrayList<>();
    // refusals first: the rightful actor's request may change what the others would see
    List<Map.Entry<Actor, SecurityMatrix.Expect>> order =
        new ArrayList<>(probe.expected().entrySet());
    order.sort(
        (a, b) ->
            Boolean.compare(
                a.getValue() == SecurityMatrix.Expect.ALLOWED,
                b.getValue() == SecurityMatrix.Expect.ALLOWED));
    for (Map.Entry<Actor, SecurityMatrix.Expect> entry : order) {
      Actor actor = entry.getKey();
      Map<String, String> before = EngineState.of(engine, fixture.get("{task}"));
      Reply reply =
          probe.webapp()
              ? sessions.get(actor).send(probe.method(), path, null, probe.contentType(), body)
              : new Http(port)
                  .send(probe.method(), path, actor.credentials(), probe.contentType(), body);
      boolean unchanged = before.equals(EngineState.of(engine, fixture.get("{task}")));
      boolean asExpected = entry.getValue().accepts(probe, reply, unchanged);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("endpoint", probe.method() + " " + probe.path());
      row.put("actor", actor.label());
      row.put("expected", entry.getValue().label());
      row.put("actual", reply.status());
      row.put("unchanged", unchanged);
      row.put("asExpected", asExpected);
      report.add(row);
      if (!asExpected) {
        violations.add(
            actor.label()
                + " expected "
                + entry.getValue().label()
                + ", got "
                + reply.status()
                + (unchanged ? "" : " and changed the engine")
                + ": "
                + ReliabilityReport.excerpt(reply.body(), 300));
      }
    }
    assertThat(violations).as(probe.toString()).isEmpty();
  }

  @AfterAll
  void writeReport() throws IOException {
    SecurityMatrix.undoAdministration(engine);
    List<Map<String, Object>> rows = report.rows();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("endpoints", rows.stream().map(r -> r.get("endpoint")).distinct().count());
    summary.put("requests", rows.size());
    summary.put("as expected", rows.stream().filter(r -> (boolean) r.get("asExpected")).count());
    summary.put("violations", rows.stream().filter(r -> !(boolean) r.get("asExpected")).count());
    report.write(summary);
  }
}
