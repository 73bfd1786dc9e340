package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells requester and sponsor the G0 decision by e-mail. Runs as an asynchronous step: if the mail
 * server is down, the job fails, the engine retries it and Cockpit shows an incident; the decision
 * itself was committed before.
 */
@Component("notifyDecisionDelegate")
class NotifyDecisionDelegate implements JavaDelegate {

  private final InitiationNotices notices;

  NotifyDecisionDelegate(InitiationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.sendDecision(projectId(execution));
  }
}
