package vn.danvan.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU a phase of a benchmark used: this JVM's and the PostgreSQL server's, when it runs on this
 * machine (Linux: the {@code postgres} processes' own and reaped children's CPU from {@code
 * /proc}). Steadier than the wall clock on a shared two-core machine, and it tells whose work a
 * slower run is. Of the JVM's, the CPU of its JIT compilers: a phase that runs first in a new JVM
 * pays for most of the compiling.
 */
final class CpuMeter {

  private static final double TICKS_PER_SECOND = 100;

  private final long jvmNanos;
  private final long jitTicks;
  private final long gcMillis;
  private final long postgresTicks;
  private final long app;
  private final long appTicks;

  private CpuMeter(long app) {
    this.jvmNanos = jvmNanos();
    this.jitTicks = jitTicks();
    this.gcMillis = gcMillis();
    this.postgresTicks = postgresTicks();
    this.app = app;
    this.appTicks = app < 0 ? 0 : ticksOf(Path.of("/proc", String.valueOf(app)));
  }

  static CpuMeter start() {
    return new CpuMeter(-1);
  }

  /** Also the CPU of the application running as process {@code pid} ({@code appSeconds}). */
  static CpuMeter start(long pid) {
    return new CpuMeter(pid);
  }

  /**
   * {@code jvmSeconds} (of which {@code jitSeconds}, its compiler threads' CPU), {@code
   * gcPauseSeconds} (as the JVM reports them), {@code postgresSeconds} (absent where /proc cannot
   * tell) since start.
   */
  Map<String, Double> stop() {
    Map<String, Double> used = new LinkedHashMap<>();
    used.put("jvmSeconds", round((jvmNanos() - jvmNanos) / 1e9));
    used.put("jitSeconds", round(Math.max(0, jitTicks() - jitTicks) / TICKS_PER_SECOND));
    used.put("gcPauseSeconds", round((gcMillis() - gcMillis) / 1e3));
    long ticks = postgresTicks();
    if (ticks >= 0 && postgresTicks >= 0) {
      used.put("postgresSeconds", round((ticks - postgresTicks) / TICKS_PER_SECOND));
    }
    if (app >= 0) {
      used.put(
          "appSeconds",
          round((ticksOf(Path.of("/proc", String.valueOf(app))) - appTicks) / TICKS_PER_SECOND));
    }
    return used;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }

  private static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU ticks (Linux's 100 a second) of this JVM's JIT compiler threads now alive ({@code
   * /proc/self/task}); a compiler thread the JVM ends meanwhile takes its ticks along, so the
   * figure is a lower bound.
   */
  private static long jitTicks() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads.mapToLong(t -> ticksOf(t, "C1 CompilerThre", "C2 CompilerThre")).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(ms -> ms > 0)
        .sum();
  }

  /** utime + stime + cutime + cstime of every {@code postgres} process; -1 without /proc. */
  private static long postgresTicks() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return -1;
    }
    try (Stream<Path> pids = Files.list(proc)) {
      return pids.filter(p -> p.getFileName().toString().matches("\\d+"))
          .mapToLong(CpuMeter::postgresTicksOf)
          .sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long postgresTicksOf(Path pid) {
    return ticksOf(pid, "postgres");
  }

  /**
   * utime + stime + cutime + cstime of a process or thread whose name starts so (any name if none
   * is given), else 0.
   */
  private static long ticksOf(Path proc, String... names) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String name = open < 0 || close < 0 ? "" : stat.substring(open + 1, close);
      if (names.length > 0 && Stream.of(names).noneMatch(name::startsWith)) {
        return 0;
      }
      // fields after the name: state(3) ... utime(14) stime(15) cutime(16) cstime(17)
      String[] f = stat.substring(close + 2).split(" ");
      return Long.parseLong(f[11])
          + Long.parseLong(f[12])
          + Long.parseLong(f[13])
          + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
