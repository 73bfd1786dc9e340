package io.openpmo.load;

import io.openpmo.load.GatlingRunner.Result;
import io.openpmo.load.LoadStep.Operation;
import io.openpmo.load.LoadStep.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tables of the load benchmark, in Markdown. */
final class LoadReport {

  /** An OpenPMO operation, the bare operation it is compared with, and the targets. */
  private record Comparison(String label, Operation ours, Operation bare, double minRate, double maxP99) {
  }

  private static final List<Comparison> COMPARISONS = List.of(
      new Comparison("submit a project / start a process", Operation.SUBMIT, Operation.START, 0.5, 3.0),
      new Comparison("vote / complete a task (claim + submit form)", Operation.COMPLETE, Operation.COMPLETE, 0.7, 0),
      new Comparison("status report / complete a task", Operation.STATUS_REPORT, Operation.COMPLETE, 0.7, 0),
      new Comparison("evaluate projectHealth", Operation.EVALUATE, Operation.EVALUATE, 0.9, 0));

  static String concurrency(List<Result> results, Duration step, Duration warmup, String postgres) {
    StringBuilder out = new StringBuilder("| clients | operation | system | ops/s | p50 ms | p99 ms | ops/s × secured"
        + " | p99 × secured | target | CPU ms/op app | of it JIT | CPU ms/op db | ops/s of the rounds |\n"
        + "|---:|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (int clients : results.stream().mapToInt(r -> r.step().concurrency()).distinct().toArray()) {
      for (Comparison comparison : COMPARISONS) {
        Optional<Result> secured = find(results, Target.BARE_SECURED, comparison.bare(), clients);
        Optional<Result> ours = find(results, Target.OPENPMO, comparison.ours(), clients);
        if (secured.isEmpty() || ours.isEmpty()) {
          continue;
        }
        Result base = secured.get();
        Result app = ours.get();
        double rate = app.perSecond() / base.perSecond();
        double p99 = app.p99() / Math.max(1, base.p99());
        boolean met = rate >= comparison.minRate() && (comparison.maxP99() == 0 || p99 <= comparison.maxP99());
        String target = String.format(Locale.ROOT, "≥ %.1f×%s: %s", comparison.minRate(),
            comparison.maxP99() == 0 ? "" : String.format(Locale.ROOT, ", p99 ≤ %.0f×", comparison.maxP99()),
            met ? "met" : "**missed**");
        out.append(row(clients, comparison.label(), app, rate, p99, target, range(results, app)));
        out.append(row(clients, "", base, 1, 1, "", range(results, base)));
        find(results, Target.BARE_OPEN, comparison.bare(), clients).ifPresent(open -> out.append(row(clients, "",
            open, open.perSecond() / base.perSecond(), open.p99() / Math.max(1, base.p99()), "", range(results, open))));
      }
    }
    out.append(String.format(Locale.ROOT, "%n%d s per step after %d s of warm-up per operation, the median of the"
        + " rounds; ops/s counts successful operations (a vote is a claim and a form submission, timed together) over"
        + " the step; CPU ms/op: CPU time of the system's JVM and of the database server per operation; of it JIT: the"
        + " part of the JVM's that its just-in-time compiler threads used (a JVM that still compiles the code of an"
        + " operation is not yet at its steady cost). %s%n",
        step.toSeconds(), warmup.toSeconds(), machine(postgres)));
    if (!LoadRig.APP_ARGS.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%n**What-if run**: OpenPMO ran with `%s` (-Dload.app.args), not with its"
          + " shipped settings.%n", String.join(" ", LoadRig.APP_ARGS)));
    }
    if (LoadRig.nodes(Target.OPENPMO) > 1) {
      out.append(String.format(Locale.ROOT, "%nOpenPMO ran as %d nodes (JVMs of the same jar, each with the heap and"
          + " pool above) on its one database, client i calling node i mod %d; its CPU ms/op app is the sum of its"
          + " nodes' JVMs; the bare engines ran as one node each. Operations each node served (all rounds):%n",
          LoadRig.nodes(Target.OPENPMO), LoadRig.nodes(Target.OPENPMO)));
      results.stream().filter(r -> !r.nodes().isEmpty()).forEach(r -> out.append("- ").append(r.step().name())
          .append(": ").append(r.nodes().stream().map(n -> String.format(Locale.ROOT, "node %d %d ok, %d failed",
              n.node(), n.ok(), n.failed())).collect(java.util.stream.Collectors.joining("; "))).append('\n'));
    }
    results.stream().filter(Result::ranOutOfWork).forEach(r -> out.append("- ").append(r.step().name())
        .append(": the prepared tasks ran out before the end of the step\n"));
    return out.toString();
  }

  private static String row(int clients, String label, Result r, double rate, double p99, String target,
      String rounds) {
    return String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %.0f | %.0f | %.2f | %.2f | %s | %.0f | %.0f | %.0f | %s |%n",
        clients, label,
        r.step().target().label + " (" + (r.step().target() == Target.OPENPMO && r.step().operation()
            == Operation.COMPLETE ? "vote" : r.step().operation().name().toLowerCase().replace('_', ' '))
            + (LoadRig.nodes(r.step().target()) > 1 ? ", " + LoadRig.nodes(r.step().target()) + " nodes" : "") + ")",
        r.perSecond(), r.p50(), r.p99(), rate, p99, target, r.appCpuMillis(), r.jitCpuMillis(), r.dbCpuMillis(),
        rounds);
  }

  /** The median round (by operations per second) of the step. */
  private static Optional<Result> find(List<Result> results, Target target, Operation operation, int clients) {
    List<Result> rounds = rounds(results, target, operation, clients);
    return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.get((rounds.size() - 1) / 2));
  }

  private static List<Result> rounds(List<Result> results, Target target, Operation operation, int clients) {
    return results.stream().filter(r -> r.step().target() == target && r.step().operation() == operation
        && r.step().concurrency() == clients).sorted(java.util.Comparator.comparingDouble(Result::perSecond)).toList();
  }

  private static String range(List<Result> results, Result r) {
    List<Result> rounds = rounds(results, r.step().target(), r.step().operation(), r.step().concurrency());
    return String.format(Locale.ROOT, "%.1f–%.1f", rounds.get(0).perSecond(), rounds.get(rounds.size() - 1).perSecond());
  }

  /** Cores, memory and CPU of this machine, and the Java runtime. */
  static String machine(String postgres) {
    String cpu = "";
    long memoryKb = 0;
    String load = "";
    try {
      load = Files.readString(Path.of("/proc/loadavg")).split(" ")[2];
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
      memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    } catch (IOException | RuntimeException notLinux) {
      // say less
    }
    return String.format(Locale.ROOT, "Machine: %d cores, %.0f GiB, %s; Java %s; each system in its own JVM (%s),"
        + " PostgreSQL %s embedded (zonky), all on this machine; load average over the last 15 minutes at the end: %s"
        + " (other work on the machine counts in it).", Runtime.getRuntime().availableProcessors(),
        memoryKb / 1024.0 / 1024.0, cpu, System.getProperty("java.version"), LoadRig.JVM_HEAP, postgres, load);
  }

  private LoadReport() {
  }
}
