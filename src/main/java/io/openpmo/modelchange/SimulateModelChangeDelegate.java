package io.openpmo.modelchange;

import static io.openpmo.modelchange.ModelChangeVariables.modelChangeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("simulateModelChangeDelegate")
class SimulateModelChangeDelegate implements JavaDelegate {

  private final ModelChangeService changes;

  SimulateModelChangeDelegate(ModelChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.simulate(modelChangeId(execution));
  }
}
