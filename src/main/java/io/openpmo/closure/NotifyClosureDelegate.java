package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells sponsor and requester that the project is closed (asynchronous step). */
@Component("notifyClosureDelegate")
class NotifyClosureDelegate implements JavaDelegate {

  private final ClosureNotices notices;

  NotifyClosureDelegate(ClosureNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.sendClosed(projectId(execution));
  }
}
