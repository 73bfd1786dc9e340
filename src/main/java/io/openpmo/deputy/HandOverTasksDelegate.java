package io.openpmo.deputy;

import static io.openpmo.deputy.DeputyVariables.deputyshipId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("handOverTasksDelegate")
class HandOverTasksDelegate implements JavaDelegate {

  private final DeputyTasks tasks;

  HandOverTasksDelegate(DeputyTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tasks.handOver(deputyshipId(execution));
  }
}
