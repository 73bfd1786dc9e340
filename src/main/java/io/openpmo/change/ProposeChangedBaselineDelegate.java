package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("proposeChangedBaselineDelegate")
class ProposeChangedBaselineDelegate implements JavaDelegate {

  private final ChangeService changes;
  private final CurrentUser currentUser;

  ProposeChangedBaselineDelegate(ChangeService changes, CurrentUser currentUser) {
    this.changes = changes;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.propose(changeId(execution), currentUser.idOrSystem());
  }
}
