package io.openpmo.operations;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import io.openpmo.engine.JobExecution;
import java.time.Clock;
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

  private final JobExecution jobs;
  private final Clock clock;
  private final ManagementService managementService;
  private final long threshold;
  private final Duration age;
  private final boolean jobExecutionEnabled;

  JobExecutorHealth(JobExecution jobs, Clock clock, ManagementService managementService,
      @Value("${openpmo.operations.job-backlog-threshold:500}") long threshold,
      @Value("${openpmo.operations.job-backlog-age:PT5M}") Duration age,
      @Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
    this.jobs = jobs;
    this.clock = clock;
    this.jobExecutionEnabled = jobExecutionEnabled;
    this.managementService = managementService;
    this.threshold = threshold;
    this.age = age;
  }

  @Bean
  HealthIndicator jobExecutorHealthIndicator() {
    return () -> {
      if (!jobExecutionEnabled) {
        return Health.up().withDetail("jobExecution", "disabled on this node").build();
      }
      boolean acquiring = jobs.acquiring();
      return (acquiring ? Health.up() : Health.down())
          .withDetail("active", jobs.active())
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
    Date cutoff = Date.from(clock.instant().minus(age));
    return managementService.createJobQuery().executable().duedateLowerThan(cutoff).count();
  }
}
