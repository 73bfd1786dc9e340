package io.openpmo.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.load.GatlingRunner.Result;
import io.openpmo.load.LoadStep.Operation;
import io.openpmo.load.LoadStep.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark ({@code ./mvnw -Pload verify}): OpenPMO beside the bare Camunda engine, secured as Camunda
 * advises for production and open, on one embedded PostgreSQL server, each system in its own JVM, driven by
 * Gatling from this JVM with 1, 8 and 32 concurrent clients. For each number of clients: starts and submissions,
 * decision evaluations, task completions (bare), votes and status reports (OpenPMO), the three systems one after
 * the other for each operation. Then {@link PortfolioGrowth} measures the reports on a generated portfolio. The
 * tables go to {@code target/load/report.md}. It measures; the only assertion is that every request succeeded.
 *
 * <p>System properties: {@code load.seconds} (15) per step, {@code load.warmup} (60: long enough for the JIT compiler
 * to have compiled what the operations run) seconds per operation before measuring, {@code load.clients} (1,8,32),
 * {@code load.rounds} (2) times each step, {@code load.profile} (false; true records a JDK Flight Recorder profile of
 * OpenPMO in every step with {@code load.profile.clients} (8) clients into {@code target/load/jfr}),
 * {@code load.portfolio} (20000 projects; 0 skips the growth benchmark), {@code load.statements} (false; true loads
 * {@code pg_stat_statements} into the database server and writes what each step executed, per operation, into
 * {@code target/load/statements}), {@code load.nodes} (1; 2 runs OpenPMO as two nodes of a cluster on its one
 * database, the clients spread over them, see {@link LoadRig}; the bare engines stay single nodes),
 * {@code load.app.args} (further Spring Boot arguments for OpenPMO, for what-if runs; see {@link LoadRig}).
 */
@Tag("load")
class ConcurrencyLoadIT {

  static final Duration STEP = Duration.ofSeconds(Long.getLong("load.seconds", 15));
  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("load.warmup", 60));
  static final int[] CLIENTS = Arrays.stream(System.getProperty("load.clients", "1,8,32").split(","))
      .filter(c -> !c.isBlank() && !"none".equals(c.trim())).mapToInt(c -> Integer.parseInt(c.trim())).toArray();
  static final boolean PROFILE = Boolean.getBoolean("load.profile");
  static final int PROFILE_CLIENTS = Integer.getInteger("load.profile.clients", 8);
  static final int PORTFOLIO = Integer.getInteger("load.portfolio", 20_000);
  static final int REPORTING_PROJECTS = 32;
  static final int ROUNDS = Integer.getInteger("load.rounds", 2);

  @Test
  void openPmoBesideTheBareEngine() throws Exception {
    Path output = Path.of(System.getProperty("load.output", "target/load"));
    try (LoadRig rig = LoadRig.start(output, System.getProperty("load.jar"))) {
      Preparation preparation = new Preparation(rig);
      GatlingRunner gatling = new GatlingRunner(output);
      List<String> reporting = preparation.projectsInDelivery(REPORTING_PROJECTS);
      List<Result> results = new ArrayList<>();

      // warm-up: every operation on every system, not reported
      for (Target target : CLIENTS.length == 0 ? new Target[0] : Target.values()) {
        boolean app = target == Target.OPENPMO;
        gatling.run(new LoadStep(target, app ? Operation.SUBMIT : Operation.START, 8, WARMUP, 0, null));
        gatling.run(new LoadStep(target, Operation.EVALUATE, 8, WARMUP, 0, null));
        gatling.run(new LoadStep(target, Operation.COMPLETE, 8, WARMUP, 0,
            new ConcurrentLinkedQueue<>(preparation.openTasks(target))));
        if (app) {
          gatling.run(new LoadStep(target, Operation.STATUS_REPORT, 8, WARMUP, 0,
              new ConcurrentLinkedQueue<>(reporting)));
        }
      }

      // every step ROUNDS times, the rounds one after the other over all numbers of clients: the report takes the
      // median round of each step, so a burst of other work on the machine moves one round, not the result
      for (int round = 0; round < ROUNDS; round++) for (int clients : CLIENTS) {
        Map<Target, Result> starts = new java.util.EnumMap<>(Target.class);
        for (Target target : Target.values()) {
          Result result = measure(rig, gatling, new LoadStep(target, target == Target.OPENPMO ? Operation.SUBMIT
              : Operation.START, clients, STEP, 0, null));
          starts.put(target, result);
          results.add(result);
        }
        for (Target target : Target.values()) {
          results.add(measure(rig, gatling, new LoadStep(target, Operation.EVALUATE, clients, STEP, 0, null)));
        }
        // enough open tasks for the whole step (estimated from the rates so far), topped up without measuring
        double securedCompletion = 0;
        for (Target target : List.of(Target.BARE_SECURED, Target.BARE_OPEN, Target.OPENPMO)) {
          double estimate = switch (target) {
            case BARE_SECURED -> starts.get(target).perSecond() * 1.5;
            case BARE_OPEN -> Math.max(starts.get(target).perSecond(), securedCompletion * 1.5);
            case OPENPMO -> securedCompletion;
          };
          List<String> tasks = topUp(gatling, preparation, target, (int) (estimate * 1.3 * STEP.toSeconds()) + 50);
          Result completed = measure(rig, gatling, new LoadStep(target, Operation.COMPLETE, clients, STEP, 0,
              new ConcurrentLinkedQueue<>(tasks)));
          results.add(completed);
          if (target == Target.BARE_SECURED) {
            securedCompletion = completed.perSecond();
          }
        }
        results.add(measure(rig, gatling, new LoadStep(Target.OPENPMO, Operation.STATUS_REPORT, clients, STEP, 0,
            new ConcurrentLinkedQueue<>(reporting.subList(0, Math.min(clients, reporting.size()))))));
      }
      String report = CLIENTS.length == 0 ? "" : LoadReport.concurrency(results, STEP, WARMUP, rig.postgresVersion());
      WorkDone work = WorkDone.count(rig, gatling, REPORTING_PROJECTS);
      if (LoadRig.nodes(Target.OPENPMO) > 1 && CLIENTS.length > 0) {
        report += work.summary();
      }
      System.out.println(report);
      System.out.println(work.summary());
      Files.writeString(output.resolve("report.md"), report);
      assertThat(results).allSatisfy(result -> assertThat(result.failed()).as(result.step().name()).isZero());
      work.assertNothingLostOrDoubled();
      // with several nodes, every node served its clients' operations (each has at least one client)
      assertThat(results).filteredOn(result -> result.step().concurrency() >= LoadRig.nodes(result.step().target()))
          .allSatisfy(result -> assertThat(result.nodes()).as(result.step().name())
              .allSatisfy(node -> assertThat(node.ok()).as("node " + node.node()).isPositive()));

      if (PORTFOLIO > 0) {
        String growth = new PortfolioGrowth(rig).run(PORTFOLIO);
        System.out.println(growth);
        Files.writeString(output.resolve("report.md"), report + "\n" + growth);
      }
    }
  }

  /** Makes sure at least {@code wanted} unclaimed tasks wait, starting or submitting more (not measured). */
  private static List<String> topUp(GatlingRunner gatling, Preparation preparation, Target target, int wanted)
      throws Exception {
    List<String> tasks = preparation.openTasks(target);
    int missing = wanted - tasks.size();
    if (missing > 0) {
      int clients = 8;
      gatling.run(new LoadStep(target, target == Target.OPENPMO ? Operation.SUBMIT : Operation.START, clients, null,
          (missing + clients - 1) / clients, null));
      tasks = preparation.openTasks(target);
    }
    return tasks;
  }

  private static Result measure(LoadRig rig, GatlingRunner gatling, LoadStep step) throws Exception {
    boolean profile = PROFILE && step.target() == Target.OPENPMO && step.concurrency() == PROFILE_CLIENTS;
    Path recording = rig.output().resolve("jfr").resolve(step.name() + ".jfr");
    List<Long> pids = rig.pids(step.target());
    if (profile) {
      Files.createDirectories(recording.getParent());
      for (int node = 0; node < pids.size(); node++) {
        jcmd(pids.get(node), "JFR.start", "name=" + step.name(), "settings=profile",
            "filename=" + recording(rig, step, node).toAbsolutePath());
      }
    }
    StatementStats statements = new StatementStats(rig.postgres(), rig.databaseName(step.target()));
    if (StatementStats.ENABLED) {
      statements.reset();
    }
    double appCpu = CpuTime.millis(pids);
    double jitCpu = CpuTime.jitMillis(pids);
    double dbCpu = CpuTime.postgresMillis(rig.postmasterPid());
    Result result;
    try (DatabaseWaits waits = new DatabaseWaits(rig.postgres(), rig.databaseName(step.target()))) {
      result = gatling.run(step);
      waits.close();
      if (profile) {
        for (int node = 0; node < pids.size(); node++) {
          jcmd(pids.get(node), "JFR.stop", "name=" + step.name());
          Path file = recording(rig, step, node);
          Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".jfr", ".txt")),
              JfrSummary.summarize(file, 40) + "\n" + waits.summary());
        }
      }
      if (PROFILE && step.concurrency() == PROFILE_CLIENTS) {
        Files.createDirectories(recording.getParent());
        Files.writeString(rig.output().resolve("jfr").resolve(step.name() + ".db.txt"), waits.summary());
      }
    }
    result = result.withCpu((CpuTime.millis(pids) - appCpu) / Math.max(1, result.ok()),
        (CpuTime.postgresMillis(rig.postmasterPid()) - dbCpu) / Math.max(1, result.ok()),
        (CpuTime.jitMillis(pids) - jitCpu) / Math.max(1, result.ok()));
    // after the CPU reading: reading the statistics costs the database CPU too
    if (StatementStats.ENABLED) {
      Path file = rig.output().resolve("statements").resolve(step.name() + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, statements.summary(result.ok(), 30));
    }
    System.out.printf(Locale.ROOT, "%s: %.1f/s p50 %.0f ms p99 %.0f ms (%d ok, %d failed), CPU per operation: %.1f ms"
        + " application (%.1f ms of it compiling), %.1f ms database%n", step.name(), result.perSecond(), result.p50(),
        result.p99(), result.ok(), result.failed(), result.appCpuMillis(), result.jitCpuMillis(), result.dbCpuMillis());
    result.nodes().forEach(node -> System.out.printf(Locale.ROOT, "  node %d: %d ok, %d failed%n", node.node(),
        node.ok(), node.failed()));
    return result;
  }

  /** target/load/jfr/STEP.jfr, with several nodes STEP-node1.jfr, STEP-node2.jfr. */
  private static Path recording(LoadRig rig, LoadStep step, int node) {
    return rig.output().resolve("jfr").resolve(step.name() + (LoadRig.nodes(step.target()) > 1 ? "-node" + (node + 1)
        : "") + ".jfr");
  }

  /** Starts a JDK Flight Recorder recording (settings "profile") of the system, named after what it records. */
  static void startRecording(LoadRig rig, Target target, String name) throws Exception {
    Path recording = rig.output().resolve("jfr").resolve(name + ".jfr");
    Files.createDirectories(recording.getParent());
    jcmd(rig.pid(target), "JFR.start", "name=" + name, "settings=profile", "filename=" + recording.toAbsolutePath());
  }

  /** Stops the recording and writes its summary beside it. */
  static void stopRecording(LoadRig rig, Target target, String name, String what) throws Exception {
    jcmd(rig.pid(target), "JFR.stop", "name=" + name);
    Path recording = rig.output().resolve("jfr").resolve(name + ".jfr");
    Files.writeString(rig.output().resolve("jfr").resolve(name + ".txt"), what + "\n"
        + JfrSummary.summarize(recording, 40));
  }

  private static void jcmd(long pid, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).inheritIO().start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd failed: " + line);
    }
  }
}
