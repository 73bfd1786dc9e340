package io.openpmo.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs {@link LoadSimulation} for one step with Gatling in this JVM and reads what Gatling measured. */
final class GatlingRunner {

  /**
   * What one step measured: successful operations per second over the run, and Gatling's percentiles; with several
   * nodes, the operations each node served.
   */
  record Result(LoadStep step, long ok, long failed, double perSecond, double p50, double p99, boolean ranOutOfWork,
      String report, double appCpuMillis, double dbCpuMillis, double jitCpuMillis, List<NodeCount> nodes) {

    /**
     * With the CPU time per operation of the system's JVMs (all its nodes), of the database server, and of the
     * JVMs' just-in-time compiler threads (part of the first).
     */
    Result withCpu(double app, double db, double jit) {
      return new Result(step, ok, failed, perSecond, p50, p99, ranOutOfWork, report, app, db, jit, nodes);
    }
  }

  /** The operations one node served in a step (empty list with one node). */
  record NodeCount(int node, long ok, long failed) {
  }

  private final Path results;
  /** Successful operations of every run so far (warm-up, top-up and measured), by system and operation. */
  private final Map<String, Long> succeeded = new HashMap<>();

  GatlingRunner(Path output) {
    this.results = output.resolve("gatling");
  }

  /** How many operations succeeded on the system over all runs so far (warm-up, top-up and measured). */
  long succeeded(LoadStep.Target target, LoadStep.Operation operation) {
    return succeeded.getOrDefault(target + " " + operation, 0L);
  }

  Result run(LoadStep step) throws IOException {
    LoadSimulation.step = step;
    int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation",
        LoadSimulation.class.getName(), "--results-folder", results.toString(), "--run-description", step.name()});
    if (status != 0 && status != 2) {
      throw new IllegalStateException("Gatling failed on " + step.name() + " with status " + status);
    }
    double seconds = (LoadSimulation.endedNanos - LoadSimulation.startedNanos) / 1e9;
    Path run;
    try (Stream<Path> runs = Files.list(results)) {
      run = runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
    }
    JsonNode stats = GatlingStats.read(run);
    String measured = step.operation() == LoadStep.Operation.COMPLETE ? "vote" : null;
    JsonNode entry = measured == null ? stats.path("stats") : GatlingStats.find(stats, measured);
    long ok = entry.path("numberOfRequests").path("ok").asLong();
    long failed = entry.path("numberOfRequests").path("ko").asLong();
    List<NodeCount> nodes = new ArrayList<>();
    for (int node = 1; LoadRig.nodes(step.target()) > 1 && node <= LoadRig.nodes(step.target()); node++) {
      JsonNode served = GatlingStats.find(stats, "node " + node).path("numberOfRequests");
      nodes.add(new NodeCount(node, served.path("ok").asLong(), served.path("ko").asLong()));
    }
    succeeded.merge(step.target() + " " + step.operation(), ok, Long::sum);
    return new Result(step, ok, failed, ok / seconds, entry.path("percentiles1").path("ok").asDouble(),
        entry.path("percentiles4").path("ok").asDouble(), LoadSimulation.ranOutOfWork,
        results.getParent().relativize(run).toString(), 0, 0, 0, List.copyOf(nodes));
  }
}
