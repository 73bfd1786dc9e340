package io.openpmo.change;

import io.openpmo.core.FormValues;
import io.openpmo.core.CurrentUser;
import io.openpmo.project.Project;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The impact assessment: prefilled with what the requester estimated; completed, it replaces the estimate. */
@Component("assessImpactListener")
class AssessImpactListener implements TaskListener {

  private final ChangeService changes;
  private final CurrentUser currentUser;

  AssessImpactListener(ChangeService changes, CurrentUser currentUser) {
    this.changes = changes;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    ChangeRequest change = changes.get(ChangeVariables.changeId(task.getExecution()));
    VariableScope scope = task;
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Project project = changes.project(change.projectId());
      task.setName(io.openpmo.project.ProjectSummary.taskName(task.getName(), change.code(), change.title(), null));
      task.setDescription(change.title());
      task.setVariableLocal("subjectSummary", ChangeRequestSubject.summary(change, project));
      scope.setVariableLocal("scopeChange", change.scopeChange());
      scope.setVariableLocal("scopeDescription", change.scopeDescription());
      scope.setVariableLocal("delayDays", change.delayDays());
      scope.setVariableLocal("costDelta", change.costDelta().doubleValue());
      scope.setVariableLocal("riskImpact", change.riskImpact());
      scope.setVariableLocal("regulatoryImpact", change.regulatoryImpact());
      scope.setVariableLocal("emergency", change.emergency());
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    ChangeRequest assessed = changes.assess(change.id(), new ChangeRequestInput(null, null,
        FormValues.flag(scope.getVariableLocal("scopeChange")),
        FormValues.text(scope.getVariableLocal("scopeDescription")),
        FormValues.whole(scope.getVariableLocal("delayDays"), "delayDays"),
        FormValues.amount(scope.getVariableLocal("costDelta"), "costDelta"),
        FormValues.text(scope.getVariableLocal("riskImpact")),
        FormValues.flag(scope.getVariableLocal("regulatoryImpact")),
        FormValues.flag(scope.getVariableLocal("emergency")), null),
        FormValues.text(scope.getVariableLocal("impactNotes")),
        currentUser.id().orElse(task.getAssignee()));
    task.getExecution().getProcessInstance().setVariable(ChangeVariables.EMERGENCY, assessed.emergency());
  }
}
