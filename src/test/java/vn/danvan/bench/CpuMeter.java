package vn.danvan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU a phase of a benchmark used: this JVM's and the PostgreSQL server's, when it runs on
 * this machine (Linux: the {@code postgres} processes' own and reaped children's CPU from
 * {@code /proc}). Steadier than the wall clock on a shared two-core machine, and it tells whose
 * work a slower run is.
 */
final class CpuMeter {

  private static final double TICKS_PER_SECOND = 100;

  private final long jvmNanos;
  private final long postgresTicks;

  private CpuMeter(long jvmNanos, long postgresTicks) {
    this.jvmNanos = jvmNanos;
    this.postgresTicks = postgresTicks;
  }

  static CpuMeter start() {
    return new CpuMeter(jvmNanos(), postgresTicks());
  }

  /** {@code jvmSeconds}, {@code postgresSeconds} (absent where /proc cannot tell) since start. */
  Map<String, Double> stop() {
    Map<String, Double> used = new LinkedHashMap<>();
    used.put("jvmSeconds", round((jvmNanos() - jvmNanos) / 1e9));
    long ticks = postgresTicks();
    if (ticks >= 0 && postgresTicks >= 0) {
      used.put("postgresSeconds", round((ticks - postgresTicks) / TICKS_PER_SECOND));
    }
    return used;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }

  private static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** utime + stime + cutime + cstime of every {@code postgres} process; -1 without /proc. */
  private static long postgresTicks() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    try (Stream<Path> pids = Files.list(proc)) {
      return pids.filter(p -> p.getFileName().toString().matches("\\d+"))
          .mapToLong(CpuMeter::postgresTicksOf).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long postgresTicksOf(Path pid) {
    try {
      String stat = Files.readString(pid.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < 0 || !stat.substring(open + 1, close).startsWith("postgres")) {
        return 0;
      }
      // fields after the name: state(3) ... utime(14) stime(15) cutime(16) cstime(17)
      String[] f = stat.substring(close + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
          + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
