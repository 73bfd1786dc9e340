package io.openpmo.change;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The PMO's intervention on a RED project raises a change request; the project manager assesses its impact. */
@Component("raiseChangeRequestDelegate")
class RaiseChangeRequestDelegate implements JavaDelegate {

  private final ChangeSubmissions submissions;
  private final CurrentUser currentUser;

  RaiseChangeRequestDelegate(ChangeSubmissions submissions, CurrentUser currentUser) {
    this.submissions = submissions;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeRequest change = submissions.raiseForRedProject(projectId(execution), currentUser.idOrSystem());
    execution.setVariable(ProcessVariables.LAST_CHANGE_REQUEST, change.code());
  }
}
