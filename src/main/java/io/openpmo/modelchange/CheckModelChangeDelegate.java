package io.openpmo.modelchange;

import static io.openpmo.modelchange.ModelChangeVariables.modelChangeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Runs every check; the gateway reads the system variable checksPassed. */
@Component("checkModelChangeDelegate")
class CheckModelChangeDelegate implements JavaDelegate {

  private final ModelChangeService changes;

  CheckModelChangeDelegate(ModelChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ModelChangeVariables.CHECKS_PASSED,
        changes.check(modelChangeId(execution)));
  }
}
