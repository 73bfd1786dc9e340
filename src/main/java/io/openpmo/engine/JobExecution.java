package io.openpmo.engine;

import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/** This node's job executor, as far as operations and the demo need to see or stop it. */
@Component
public class JobExecution {

  private final ProcessEngineConfigurationImpl engine;

  JobExecution(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /**
   * The job this thread is executing, if any (the job executor's or an operator's "execute job"): a retried job
   * keeps its id, so what a job does outside the database (a mail) can carry it and be recognised when repeated.
   */
  public static Optional<String> currentJobId() {
    CommandContext context = Context.getCommandContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    return Optional.ofNullable(job).map(JobEntity::getId);
  }

  /** Whether this node's job executor has been started (and not shut down). */
  public boolean active() {
    JobExecutor executor = engine.getJobExecutor();
    return executor != null && executor.isActive();
  }

  /** Whether the acquisition thread (it carries the executor's name) is alive: jobs are being acquired here. */
  public boolean acquiring() {
    JobExecutor executor = engine.getJobExecutor();
    if (executor == null || !executor.isActive()) {
      return false;
    }
    String name = executor.getName();
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.isAlive() && thread.getName().equals(name));
  }

  /** Stops acquiring jobs on this node; returns false when the executor was not running. */
  public boolean stopAcquisition() {
    JobExecutor executor = engine.getJobExecutor();
    if (executor == null || !executor.isActive()) {
      return false;
    }
    executor.shutdown();
    return true;
  }
}
