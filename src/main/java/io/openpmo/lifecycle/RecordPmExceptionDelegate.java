package io.openpmo.lifecycle;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.Evidence;
import io.openpmo.project.ProjectGovernance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordPmExceptionDelegate")
class RecordPmExceptionDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;
  private final CurrentUser currentUser;
  private final ProjectGovernance governance;

  RecordPmExceptionDelegate(LifecycleService lifecycle, CurrentUser currentUser, ProjectGovernance governance) {
    this.lifecycle = lifecycle;
    this.currentUser = currentUser;
    this.governance = governance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the comment of the PMO's decision as recorded by the decision task (task_decision), not a process variable
    lifecycle.grantPmException(projectId(execution), currentUser.idOrSystem(),
        governance.latestTaskDecision(projectId(execution), ProjectGovernance.PM_EXCEPTION_DECISION)
            .map(Evidence.TaskDecision::comment).orElse(null));
  }
}
