package vn.danvan.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The board's trend: per quarter that some work is due in, how much was due, done, done on time and
 * overdue, and the on-time rate (as a body's on the board: on time among the work done or overdue).
 * Work without a deadline is in no quarter.
 */
final class QuarterTrend {

  /** One quarter: {@code period} its code (2026-Q4), {@code periodLabel} its name (Quý IV/2026). */
  record Quarter(
      String period,
      String periodLabel,
      int total,
      int done,
      int onTime,
      int overdue,
      Integer onTimeRate) {}

  private final TreeMap<String, int[]> counts = new TreeMap<>();

  /** Counts one piece of work due on {@code deadline} (none: not counted) with its status. */
  void add(LocalDate deadline, WorkStatus status) {
    if (deadline == null) {
      return;
    }
    int[] c =
        counts.computeIfAbsent(
            deadline.getYear() + "-Q" + ((deadline.getMonthValue() + 2) / 3), q -> new int[4]);
    c[0]++;
    switch (status) {
      case DONE_ON_TIME -> {
        c[1]++;
        c[2]++;
      }
      case DONE_LATE -> c[1]++;
      case OPEN_OVERDUE -> c[3]++;
      default -> {}
    }
  }

  /** The quarters in order, oldest first. */
  List<Quarter> quarters() {
    List<Quarter> list = new ArrayList<>();
    counts.forEach(
        (code, c) -> {
          int judged = c[1] + c[3];
          list.add(
              new Quarter(
                  code,
                  ReportPeriod.parse(code).label(),
                  c[0],
                  c[1],
                  c[2],
                  c[3],
                  judged == 0 ? null : Math.round(100f * c[2] / judged)));
        });
    return list;
  }
}
