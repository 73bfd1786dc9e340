package io.openpmo.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) that processes have used, from {@code /proc/<pid>/stat} (Linux): the JVM of one system,
 * and every process of the embedded PostgreSQL server (its backends serve one system at a time in a step). Divided
 * by the operations of a step it says what an operation costs, whatever else runs on the machine.
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

  /** Milliseconds of CPU used by the PostgreSQL server's processes alive now (the postmaster and its children). */
  static double postgresMillis() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("/postgres")).orElse(false))
        .mapToDouble(p -> millis(p.pid())).sum();
  }

  private CpuTime() {
  }
}
