package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.change.ChangeSubmissions;
import io.openpmo.lifecycle.LifecycleService;
import io.openpmo.project.ProjectPhase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("openClosureDelegate")
class OpenClosureDelegate implements JavaDelegate {

  private final ClosureService closures;
  private final LifecycleService lifecycle;
  private final ChangeSubmissions changes;

  OpenClosureDelegate(ClosureService closures, LifecycleService lifecycle, ChangeSubmissions changes) {
    this.closures = closures;
    this.lifecycle = lifecycle;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long projectId = projectId(execution);
    if (lifecycle.get(projectId).phase() != ProjectPhase.CLOSURE) {
      lifecycle.handOverToClosure(projectId);
    }
    Object note = execution.getVariable(ClosureVariables.REASON_NOTE);
    closures.open(projectId, (String) execution.getVariable(ClosureVariables.CLOSURE_REASON),
        note == null ? null : note.toString(), execution.getProcessInstanceId());
    changes.withdrawOpen(projectId, "the project is in closure");
  }
}
