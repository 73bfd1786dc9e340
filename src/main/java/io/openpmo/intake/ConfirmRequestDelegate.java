package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the requester that the request is registered: its project code, how it scored, who reviews it, and where to
 * follow it (the request page, with every vote and open task). An asynchronous step on a branch of its own, like the
 * other mails: a mail outage becomes a retried job and an incident, and the reviews go on meanwhile.
 */
@Component("confirmRequestDelegate")
class ConfirmRequestDelegate implements JavaDelegate {

  private final InitiationNotices notices;

  ConfirmRequestDelegate(InitiationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.sendReceived(projectId(execution));
  }
}
