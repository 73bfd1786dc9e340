package io.openpmo.modelchange;

import static io.openpmo.modelchange.ModelChangeVariables.modelChangeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("deployModelChangeDelegate")
class DeployModelChangeDelegate implements JavaDelegate {

  private final ModelChangeService changes;

  DeployModelChangeDelegate(ModelChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.deployApproved(modelChangeId(execution));
  }
}
