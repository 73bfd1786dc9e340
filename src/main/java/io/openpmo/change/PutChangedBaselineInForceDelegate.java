package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("putChangedBaselineInForceDelegate")
class PutChangedBaselineInForceDelegate implements JavaDelegate {

  private final ChangeService changes;
  private final CurrentUser currentUser;

  PutChangedBaselineInForceDelegate(ChangeService changes, CurrentUser currentUser) {
    this.changes = changes;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.putInForce(changeId(execution), currentUser.idOrSystem(), false);
  }
}
