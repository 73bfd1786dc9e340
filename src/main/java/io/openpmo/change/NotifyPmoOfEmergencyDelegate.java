package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the PMO that an emergency change was applied at once (asynchronous step). */
@Component("notifyPmoOfEmergencyDelegate")
class NotifyPmoOfEmergencyDelegate implements JavaDelegate {

  private final ChangeNotices notices;

  NotifyPmoOfEmergencyDelegate(ChangeNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.sendEmergencyApplied(changeId(execution));
  }
}
