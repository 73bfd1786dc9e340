package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordChangeRejectionDelegate")
class RecordChangeRejectionDelegate implements JavaDelegate {

  private final ChangeService changes;

  RecordChangeRejectionDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.reject(changeId(execution));
  }
}
