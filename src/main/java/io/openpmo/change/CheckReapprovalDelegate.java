package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.REAPPROVAL_REQUIRED;
import static io.openpmo.change.ChangeVariables.changeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkReapprovalDelegate")
class CheckReapprovalDelegate implements JavaDelegate {

  private final ChangeService changes;

  CheckReapprovalDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(REAPPROVAL_REQUIRED, changes.needsReapproval(changeId(execution)));
  }
}
