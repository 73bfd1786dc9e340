package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("confirmEmergencyChangeDelegate")
class ConfirmEmergencyChangeDelegate implements JavaDelegate {

  private final ChangeService changes;

  ConfirmEmergencyChangeDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.confirmEmergency(changeId(execution));
  }
}
