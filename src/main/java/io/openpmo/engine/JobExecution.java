package io.openpmo.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/** This node's job executor, as far as operations and the demo need to see or stop it. */
@Component
public class JobExecution {

  private final ProcessEngineConfigurationImpl engine;

  JobExecution(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
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
