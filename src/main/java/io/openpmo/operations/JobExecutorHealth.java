package io.openpmo.operations;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of the job executor, for the load balancer and for monitoring.
 * <ul>
 *   <li>{@code jobExecutor}: DOWN when job execution is on but this node's acquisition thread is not running (no
 *       timer, mail or archiving step would run here); part of liveness, so an orchestrator restarts the node.</li>
 *   <li>{@code jobBacklog}: DOWN when more jobs than {@code openpmo.operations.job-backlog-threshold} are due and
 *       waiting for longer than {@code openpmo.operations.job-backlog-age}; the backlog is the cluster's (one
 *       database), so it is in the overall health that monitoring watches, not in readiness: taking every node
 *       out of the load balancer would not shorten it.</li>
 * </ul>
 */
@Configuration
class JobExecutorHealth {

  private final ProcessEngineConfigurationImpl engine;
  private final ManagementService managementService;
  private final long threshold;
  private final Duration age;
  private final boolean jobExecutionEnabled;

  JobExecutorHealth(ProcessEngineConfigurationImpl engine, ManagementService managementService,
      @Value("${openpmo.operations.job-backlog-threshold:500}") long threshold,
      @Value("${openpmo.operations.job-backlog-age:PT5M}") Duration age,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
    this.engine = engine;
    this.jobExecutionEnabled = jobExecutionEnabled;
    this.managementService = managementService;
    this.threshold = threshold;
    this.age = age;
  }

  @Bean
  HealthIndicator jobExecutorHealthIndicator() {
    return () -> {
      JobExecutor executor = engine.getJobExecutor();
      if (!jobExecutionEnabled) {
        return Health.up().withDetail("jobExecution", "disabled on this node").build();
      }
      boolean acquiring = executor != null && executor.isActive() && acquisitionThreadAlive(executor);
      return (acquiring ? Health.up() : Health.down())
          .withDetail("active", executor != null && executor.isActive())
          .withDetail("acquisitionThreadAlive", acquiring)
          .build();
    };
  }

  @Bean
  HealthIndicator jobBacklogHealthIndicator() {
    return () -> {
      long backlog = overdueJobs();
      return (backlog > threshold ? Health.down() : Health.up())
          .withDetail("overdueJobs", backlog)
          .withDetail("olderThan", age.toString())
          .withDetail("threshold", threshold)
          .build();
    };
  }

  /**
   * Executable jobs (retries left, not suspended) due for longer than the configured age. Every job has a due date
   * ({@code ensure-job-due-date-not-null}: an asynchronous step is due when it is created).
   */
  long overdueJobs() {
    Date cutoff = Date.from(ClockUtil.getCurrentTime().toInstant().minus(age));
    return managementService.createJobQuery().executable().duedateLowerThan(cutoff).count();
  }

  /** The acquisition thread carries the executor's name and is alive while it acquires. */
  private static boolean acquisitionThreadAlive(JobExecutor executor) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.isAlive() && thread.getName().equals(executor.getName()));
  }
}
