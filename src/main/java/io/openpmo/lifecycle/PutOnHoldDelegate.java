package io.openpmo.lifecycle;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.lifecycle.LifecycleVariables.HOLD_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("putOnHoldDelegate")
class PutOnHoldDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;

  PutOnHoldDelegate(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(HOLD_AT, lifecycle.hold(projectId(execution)));
  }
}
