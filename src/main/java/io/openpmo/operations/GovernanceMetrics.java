package io.openpmo.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openpmo.security.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The governance metrics a bank's monitoring scrapes ({@code /actuator/prometheus}), beside the HTTP, JVM and pool
 * metrics Spring Boot publishes:
 * <ul>
 *   <li>{@code openpmo_decisions_evaluated_total{decision}}: DMN decisions evaluated on this node, by key;</li>
 *   <li>{@code openpmo_tasks_open{group}}: open tasks by candidate group;</li>
 *   <li>{@code openpmo_reviews_overdue}: open review and approval tasks past their due date;</li>
 *   <li>{@code openpmo_incidents_open}: incidents (failed jobs out of retries) waiting in Cockpit;</li>
 *   <li>{@code openpmo_jobs_due} and {@code openpmo_jobs_overdue}: the job backlog (due now; due for over 5 minutes).</li>
 * </ul>
 * The gauges read the shared database (the same values on every node); they are read at most every 10 seconds,
 * whatever the scrape interval.
 */
@Component
class GovernanceMetrics implements DmnDecisionEvaluationListener, SmartInitializingSingleton {

  static final List<String> REVIEW_TASKS = List.of("Task_ReviewRequest", "Task_DecideInCommittee", "Task_ReviewGate",
      "Task_ApproveChange", "Task_ApproveEmergencyChange", "Task_ReapproveProject");
  private static final Duration FRESH = Duration.ofSeconds(10);

  private final ObjectProvider<MeterRegistry> registry;
  private final ObjectProvider<TaskService> tasks;
  private final ObjectProvider<RuntimeService> runtime;
  private final ObjectProvider<ManagementService> management;
  private final ObjectProvider<JobExecutorHealth> health;
  private final Clock clock;
  private final Map<String, Counter> decisions = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Map<String, Long> snapshot = Map.of();
  private volatile Instant takenAt = Instant.EPOCH;

  GovernanceMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<TaskService> tasks,
      ObjectProvider<RuntimeService> runtime, ObjectProvider<ManagementService> management,
      ObjectProvider<JobExecutorHealth> health, Clock clock) {
    this.registry = registry;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.health = health;
    this.clock = clock;
  }

  /** Registers the gauges once every bean, the engine included, exists (the gauges read lazily). */
  @Override
  public void afterSingletonsInstantiated() {
    MeterRegistry meters = registry.getIfAvailable();
    if (meters == null) {
      return;
    }
    for (String group : Groups.ALL) {
      gauge(meters, "openpmo.tasks.open", "Open tasks by candidate group", "group", group, () -> value("tasks." + group));
    }
    gauge(meters, "openpmo.reviews.overdue", "Open review and approval tasks past their due date", null, null,
        () -> value("reviews.overdue"));
    gauge(meters, "openpmo.incidents.open", "Incidents waiting in Cockpit", null, null, () -> value("incidents"));
    gauge(meters, "openpmo.jobs.due", "Jobs due now (the job backlog)", null, null, () -> value("jobs.due"));
    gauge(meters, "openpmo.jobs.overdue", "Jobs due for over 5 minutes", null, null, () -> value("jobs.overdue"));
  }

  private static void gauge(MeterRegistry meters, String name, String description, String tag, String tagValue,
      Supplier<Number> value) {
    Gauge.Builder<Supplier<Number>> builder = Gauge.builder(name, value).description(description).strongReference(true);
    if (tag != null) {
      builder.tag(tag, tagValue);
    }
    builder.register(meters);
  }

  private synchronized double value(String key) {
    if (Duration.between(takenAt, Instant.now()).compareTo(FRESH) > 0) {
      snapshot = take();
      takenAt = Instant.now();
    }
    return snapshot.getOrDefault(key, 0L);
  }

  private Map<String, Long> take() {
    Map<String, Long> values = new HashMap<>();
    TaskService taskService = tasks.getObject();
    for (String group : Groups.ALL) {
      values.put("tasks." + group, taskService.createTaskQuery().taskCandidateGroup(group).count());
    }
    Date now = Date.from(clock.instant());
    values.put("reviews.overdue", taskService.createTaskQuery()
        .taskDefinitionKeyIn(REVIEW_TASKS.toArray(String[]::new)).dueBefore(now).count());
    values.put("incidents", runtime.getObject().createIncidentQuery().count());
    values.put("jobs.due", management.getObject().createJobQuery().executable().count());
    values.put("jobs.overdue", health.getObject().overdueJobs());
    return values;
  }

  // ---- decisions evaluated (registered with the engine by engine.DecisionListenersPlugin) ----

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    count(event.getDecisionResult());
    event.getRequiredDecisionResults().forEach(this::count);
  }

  private void count(DmnDecisionLogicEvaluationEvent evaluation) {
    MeterRegistry meters = registry.getIfAvailable();
    if (meters == null) {
      return;
    }
    String key = evaluation.getDecision().getKey();
    decisions.computeIfAbsent(key, k -> Counter.builder("openpmo.decisions.evaluated")
        .description("DMN decisions evaluated on this node").tag("decision", k).register(meters)).increment();
  }
}
