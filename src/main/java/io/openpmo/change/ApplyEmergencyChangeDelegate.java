package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;
import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import io.openpmo.resource.ResourcePlans;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An emergency change is applied at once: its baseline is in force before anybody approves it. */
@Component("applyEmergencyChangeDelegate")
class ApplyEmergencyChangeDelegate implements JavaDelegate {

  private final ChangeService changes;
  private final ResourcePlans plans;
  private final CurrentUser currentUser;

  ApplyEmergencyChangeDelegate(ChangeService changes, ResourcePlans plans, CurrentUser currentUser) {
    this.changes = changes;
    this.plans = plans;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = changeId(execution);
    String by = currentUser.idOrSystem();
    var draft = changes.propose(id, by);
    // conflicts are recorded for the resource managers; an emergency does not wait for them
    plans.check(draft.projectId(), draft.id());
    changes.putInForce(id, by, true);
  }
}
