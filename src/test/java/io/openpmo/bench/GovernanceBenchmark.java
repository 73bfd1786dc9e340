package io.openpmo.bench;

import io.openpmo.intake.ProjectSubmissions;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.status.StatusReportInput;
import io.openpmo.status.StatusReporting;
import io.openpmo.support.Journeys;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On-demand benchmark ({@code ./mvnw -Pbench verify}): what OpenPMO's governance costs per operation against the
 * bare engine doing the nearest plain thing (start a one-task process, complete its task) on the same
 * PostgreSQL. It measures and reports ratios; it asserts nothing about time. The report goes to stdout and
 * {@code target/benchmark.md}.
 */
@Tag("bench")
class GovernanceBenchmark extends PostgresAppTest {

  static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  static final int ITERATIONS = Integer.getInteger("bench.iterations", 100);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ProjectSubmissions submissions;
  @Autowired ProjectMapper projects;
  @Autowired StatusReporting statusReporting;

  @Test
  void governanceAgainstTheBareEngine() throws IOException {
    BpmnModelInstance bare = Bpmn.createExecutableProcess("benchBare").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Bare").endEvent().done();
    repositoryService.createDeployment().addModelInstance("bench-bare.bpmn", bare).name("benchmark").deploy();
    Journeys journeys = journeys();

    Map<String, double[]> results = new LinkedHashMap<>();
    results.put("bare engine: start a one-task process and complete the task", measure(i -> {
      String id = runtimeService.startProcessInstanceByKey("benchBare").getId();
      taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
    }));
    results.put("submit a project request (validation, 3 DMN decisions, routing, audit, process)", measure(i ->
        journeys.submit("rita", Requests.small("Benchmark request " + i))));
    List<String> toApprove = new ArrayList<>();
    for (int i = 0; i < WARMUP + ITERATIONS; i++) {
      toApprove.add(journeys.submit("rita", Requests.small("Benchmark approval " + i)).code());
    }
    results.put("approve a request (claim, segregation of duties, vote, audit, start lifecycle)", measure(i -> {
      String code = toApprove.get(i);
      journeys.decide("petra", journeys.task(code, "pmo"), Map.of("decision", "APPROVE"));
    }));
    String code = journeys.inDelivery(Requests.small("Benchmark reports"), "100000");
    Project project = projects.findByCode(code).orElseThrow();
    results.put("status report (earned value, health DMN, message to the lifecycle, audit)", measure(i ->
        people("paul", () -> statusReporting.submit(project, new StatusReportInput(null, BigDecimal.valueOf(i % 100),
            BigDecimal.valueOf(1000L * i), null, "benchmark"), "paul"))));

    double baseline = results.values().iterator().next()[0];
    double cpuBaseline = results.values().iterator().next()[2];
    StringBuilder report = new StringBuilder("| Operation | median ms | p90 ms | ratio to the bare engine "
        + "| mean CPU ms (JVM) | CPU ratio to the bare engine |\n|---|---:|---:|---:|---:|---:|\n");
    results.forEach((name, stats) -> report.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %.2f | %.1f |%n",
        name, stats[0], stats[1], stats[0] / baseline, stats[2], stats[2] / cpuBaseline)));
    report.append(String.format(Locale.ROOT, "%nPostgreSQL (embedded), %d warm-up and %d measured iterations each.%n",
        WARMUP, ITERATIONS));
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark.md"), report);
  }

  private <T> T people(String user, java.util.function.Supplier<T> action) {
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList());
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * Median and 90th percentile of the wall time, and the mean CPU time the whole JVM spent per operation (all its
   * threads: the caller, the job executor, the garbage collector; the operating system counts it in 10 ms ticks,
   * hence the mean over the whole run), in milliseconds, of the measured iterations after the warm-up. CPU time is
   * what the operation costs the application server; it moves much less than wall time when other processes compete
   * for the cores, so runs on a busy machine stay comparable.
   */
  private static double[] measure(IntConsumer operation) {
    for (int i = 0; i < WARMUP; i++) {
      operation.accept(i);
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] millis = new double[ITERATIONS];
    long cpuStart = os.getProcessCpuTime();
    for (int i = 0; i < ITERATIONS; i++) {
      long start = System.nanoTime();
      operation.accept(WARMUP + i);
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
    }
    double cpuPerOperation = (os.getProcessCpuTime() - cpuStart) / 1_000_000.0 / ITERATIONS;
    Arrays.sort(millis);
    return new double[] {millis[ITERATIONS / 2], millis[(int) Math.ceil(ITERATIONS * 0.9) - 1], cpuPerOperation};
  }
}
