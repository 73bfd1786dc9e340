package io.openpmo.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) that processes have used, from {@code /proc/<pid>/stat} (Linux): the JVMs of one system,
 * and the benchmark's PostgreSQL server (its backends serve one system at a time in a step). Divided by the
 * operations of a step it says what an operation costs, whatever else runs on the machine.
 */
final class CpuTime {

  private static final double TICKS_PER_SECOND = 100.0;

  /** Milliseconds of CPU the process has used, 0 when unknown. */
  static double millis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is the state (field 3); utime and stime are fields 14 and 15
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /** Milliseconds of CPU the processes (the nodes of one system) have used together. */
  static double millis(java.util.List<Long> pids) {
    return pids.stream().mapToDouble(CpuTime::millis).sum();
  }

  /** {@link #jitMillis(long)} of every JVM of a system (its nodes). */
  static double jitMillis(java.util.List<Long> pids) {
    return pids.stream().mapToDouble(CpuTime::jitMillis).sum();
  }

  /**
   * Milliseconds of CPU the JVM's just-in-time compiler threads have used ({@code C1/C2 CompilerThread}, from
   * {@code /proc/<pid>/task/*}), 0 when unknown. While a JVM still compiles the code an operation runs, the
   * operation is not yet at its steady cost: the benchmark reports this share beside the CPU per operation.
   */
  static double jitMillis(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (var threads = Files.list(tasks)) {
      return threads.mapToDouble(thread -> {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
            return 0;
          }
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
          return 0;
        }
      }).sum();
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  /**
   * Milliseconds of CPU used by one PostgreSQL server: its postmaster, the backends alive now and those that ended
   * (the postmaster waits for its children, so their time is in its cutime and cstime). Only this server: other
   * embedded servers on the machine (other builds' tests) do not count.
   */
  static double postgresMillis(long postmaster) {
    double alive = ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
        .mapToDouble(p -> millis(p.pid())).sum();
    return alive + millis(postmaster) + reapedChildrenMillis(postmaster);
  }

  private static double reapedChildrenMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // cutime and cstime are fields 16 and 17
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000 / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private CpuTime() {
  }
}
