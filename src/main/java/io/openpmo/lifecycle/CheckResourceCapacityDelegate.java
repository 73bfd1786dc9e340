package io.openpmo.lifecycle;

import io.openpmo.baseline.BaselineService;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.lifecycle.LifecycleVariables.CAPACITY_SUFFICIENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks the draft plan against resource capacity; the gateway reads {@code capacitySufficient}. */
@Component("checkResourceCapacityDelegate")
class CheckResourceCapacityDelegate implements JavaDelegate {

  private final BaselineService baselines;
  private final LifecycleService lifecycle;

  CheckResourceCapacityDelegate(BaselineService baselines, LifecycleService lifecycle) {
    this.baselines = baselines;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CAPACITY_SUFFICIENT, baselines.checkDraftCapacity(lifecycle.get(projectId(execution))));
  }
}
