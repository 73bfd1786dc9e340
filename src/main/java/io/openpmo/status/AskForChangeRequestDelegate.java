package io.openpmo.status;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The PMO asks the project manager for a change request on a RED project. */
@Component("askForChangeRequestDelegate")
class AskForChangeRequestDelegate implements JavaDelegate {

  private final StatusNotices notices;

  AskForChangeRequestDelegate(StatusNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.askForChangeRequest(projectId(execution), execution.getVariable(ProcessVariables.LAST_CHANGE_REQUEST));
  }
}
