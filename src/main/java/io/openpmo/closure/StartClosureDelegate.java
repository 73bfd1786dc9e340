package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.lifecycle.LifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lifecycle: delivered (after G2), stopped or cancelled, the project goes into closure. */
@Component("startClosureDelegate")
class StartClosureDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;
  private final ClosureStarter starter;

  StartClosureDelegate(LifecycleService lifecycle, ClosureStarter starter) {
    this.lifecycle = lifecycle;
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cancellationReason = execution.hasVariable(ClosureVariables.CANCELLATION_REASON)
        ? String.valueOf(execution.getVariable(ClosureVariables.CANCELLATION_REASON)) : null;
    starter.startAfterLifecycle(lifecycle.get(projectId(execution)), cancellationReason);
  }
}
