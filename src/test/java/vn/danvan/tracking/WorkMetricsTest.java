package vn.danvan.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.RETURNED_SINCE_SUBMISSION;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.deadline.Deadlines;

/**
 * Which open work the monitoring gauge counts, and under which status: the body's own work by its
 * deadline, returned work again (it was skipped as "submitted"), never work waiting for the
 * monitoring body or handed over to a fan-out member.
 */
class WorkMetricsTest {

  final WorkMetrics metrics = new WorkMetrics(null, new Deadlines(), new SimpleMeterRegistry());

  @ParameterizedTest(name = "{4}: deadline={0} submitted={1} returned={2} handedOver={3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          2016-09-30 | -                    | false | false | trong_han
          2016-09-20 | -                    | false | false | sap_den_han
          2016-09-10 | -                    | false | false | qua_han
          -          | -                    | false | false | trong_han
          2016-09-30 | 2016-09-12T00:00:00Z | false | false | -
          2016-09-30 | 2016-09-12T00:00:00Z | true  | false | trong_han
          2016-09-10 | 2016-09-08T00:00:00Z | true  | false | qua_han
          2016-09-30 | -                    | false | true  | -
          """)
  void countsTheBodysOpenWorkByItsDeadline(
      String deadline, Instant submitted, boolean returned, boolean handedOver, String expected) {
    Map<String, Object> v = new HashMap<>();
    v.put(LEAD_BODY, "soNoiVu");
    v.put(DEADLINE, deadline);
    v.put(SUBMITTED_AT, submitted == null ? null : Date.from(submitted));
    v.put(RETURNED_SINCE_SUBMISSION, returned);
    v.put(ANSWERED_AHEAD, handedOver);
    assertThat(metrics.openStatus(v, Instant.parse("2016-09-18T03:00:00Z"))).isEqualTo(expected);
  }
}
