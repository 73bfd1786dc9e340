package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;
import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import io.openpmo.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("notifyPmoOfEmergencyDelegate")
class NotifyPmoOfEmergencyDelegate implements JavaDelegate {

  private final ChangeService changes;
  private final Notifier notifier;

  NotifyPmoOfEmergencyDelegate(ChangeService changes, Notifier notifier) {
    this.changes = changes;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeRequest change = changes.get(changeId(execution));
    Project project = changes.project(change.projectId());
    notifier.send(Notifier.Message.toGroups(List.of(Groups.PMO), "Emergency change " + change.code() + " applied",
        "The emergency change " + change.code() + " \"" + change.title() + "\" on " + project.code()
            + " was applied at once by " + change.requestedBy() + ".\nCost change: " + change.costDelta()
            + ", delay: " + change.delayDays() + " days.\n\nThe PMO approves or rejects it within 2 days; a"
            + " rejection rolls it back."), project.id(), project.code());
  }
}
