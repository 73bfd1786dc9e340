package io.openpmo.operations;

import java.time.Duration;
import java.time.Instant;
import io.openpmo.engine.JobExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of the job executor: when the application stops, after the web server has finished the requests
 * in flight ({@code server.shutdown=graceful}), this node stops acquiring jobs and waits (up to
 * {@code openpmo.operations.job-shutdown-timeout}) for the jobs it is executing to finish, while the engine and the
 * database are still there. A job still running after that is left to its lock: another node takes it over when
 * the lock expires, and its transaction, not committed, leaves nothing half-done.
 */
@Component
class GracefulJobShutdown implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GracefulJobShutdown.class);
  /** Below the web server's phases: stopped after it has drained the requests in flight. */
  static final int PHASE = Integer.MAX_VALUE - 8192;

  private final JobExecution jobs;
  private final TaskExecutor taskExecutor;
  private final Duration timeout;
  private volatile boolean running;

  GracefulJobShutdown(JobExecution jobs,
      @Qualifier("camundaTaskExecutor") org.springframework.beans.factory.ObjectProvider<TaskExecutor> taskExecutor,
      @Value("${openpmo.operations.job-shutdown-timeout:PT30S}") Duration timeout) {
    this.jobs = jobs;
    this.taskExecutor = taskExecutor.getIfAvailable();
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (!jobs.stopAcquisition()) {
      return;
    }
    LOG.info("Job acquisition stopped; waiting up to {} for the jobs in flight", timeout);
    if (taskExecutor instanceof ThreadPoolTaskExecutor pool) {
      Instant deadline = Instant.now().plus(timeout);
      while (pool.getActiveCount() > 0 && Instant.now().isBefore(deadline)) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      LOG.info("Job executor stopped with {} jobs still running", pool.getActiveCount());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** Jobs running on this node's job executor right now (0 without a thread pool). */
  int jobsInFlight() {
    return taskExecutor instanceof ThreadPoolTaskExecutor pool ? pool.getActiveCount() : 0;
  }
}
