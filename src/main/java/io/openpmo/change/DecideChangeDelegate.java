package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.CHANGE_APPROVED;
import static io.openpmo.change.ChangeVariables.changeId;

import io.openpmo.review.ReviewVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("decideChangeDelegate")
class DecideChangeDelegate implements JavaDelegate {

  private final ChangeService changes;

  DecideChangeDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int round = ((Number) execution.getVariable(ReviewVariables.ROUND)).intValue();
    execution.setVariable(CHANGE_APPROVED, changes.approved(changeId(execution), round,
        (String) execution.getVariable(ReviewVariables.STAGE)));
  }
}
