package io.openpmo.modelchange;

import static io.openpmo.modelchange.ModelChangeVariables.modelChangeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordModelChangeRejectionDelegate")
class RecordModelChangeRejectionDelegate implements JavaDelegate {

  private final ModelChangeService changes;

  RecordModelChangeRejectionDelegate(ModelChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.recordRejection(modelChangeId(execution));
  }
}
