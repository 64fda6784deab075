package vn.danvan.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.tracking.WorkStatus.Facts;

/** The status derivation table: every status, and the edges between them. */
class WorkStatusTest {

  /** 30/9/2016 23:59:59 in Vietnam. */
  static final String DEADLINE = "2016-09-30T16:59:59Z";

  @ParameterizedTest(name = "{5}: deadline={0} submitted={1} confirmed={2} returned={3} now={4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2016-09-30T16:59:59Z |                      |                      | false | 2016-09-01T00:00:00Z | OPEN_ON_TRACK
          2016-09-30T16:59:59Z |                      |                      | false | 2016-09-27T16:59:59Z | OPEN_ON_TRACK
          2016-09-30T16:59:59Z |                      |                      | false | 2016-09-27T17:00:00Z | DUE_SOON
          2016-09-30T16:59:59Z |                      |                      | false | 2016-09-30T16:59:59Z | DUE_SOON
          2016-09-30T16:59:59Z |                      |                      | false | 2016-09-30T17:00:00Z | OPEN_OVERDUE
                               |                      |                      | false | 2030-01-01T00:00:00Z | NO_DEADLINE
          2016-09-30T16:59:59Z | 2016-09-20T00:00:00Z |                      | false | 2016-10-05T00:00:00Z | AWAITING_CONFIRMATION
          2016-09-30T16:59:59Z | 2016-09-20T00:00:00Z |                      | true  | 2016-09-25T00:00:00Z | RETURNED
          2016-09-30T16:59:59Z | 2016-09-30T16:59:59Z | 2016-10-10T00:00:00Z | false | 2016-10-10T00:00:00Z | DONE_ON_TIME
          2016-09-30T16:59:59Z | 2016-09-30T17:00:00Z | 2016-10-01T00:00:00Z | false | 2016-10-01T00:00:00Z | DONE_LATE
                               | 2020-01-01T00:00:00Z | 2020-02-01T00:00:00Z | false | 2020-02-01T00:00:00Z | DONE_ON_TIME
          """)
  void statusIsDerivedFromDates(
      Instant deadline,
      Instant submitted,
      Instant confirmed,
      boolean returned,
      Instant now,
      WorkStatus expected) {
    WorkStatus status =
        WorkStatus.of(
            new Facts(deadline, submitted, confirmed, returned), now, WorkStatus.DUE_SOON_WINDOW);
    assertThat(status).isEqualTo(expected);
    assertThat(status.label()).isNotBlank();
  }
}
