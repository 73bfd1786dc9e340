package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.lifecycle.LifecycleService;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lifecycle: delivered (after G2), stopped or cancelled, the project goes into closure. */
@Component("startClosureDelegate")
class StartClosureDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;
  private final ClosureStarter starter;
  private final ProjectGovernance governance;

  StartClosureDelegate(LifecycleService lifecycle, ClosureStarter starter, ProjectGovernance governance) {
    this.lifecycle = lifecycle;
    this.starter = starter;
    this.governance = governance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = lifecycle.get(projectId(execution));
    String note = null;
    if (execution.hasVariable(ClosureVariables.CANCELLATION_REASON)) {
      note = String.valueOf(execution.getVariable(ClosureVariables.CANCELLATION_REASON));
    } else if (project.status() == ProjectStatus.STOPPED) {
      // stopped by a gate (the STOP votes say why) or by the PMO's hold decision (its comment)
      note = starter.stopReason(project.id()).orElseGet(() -> governance.latestTaskDecision(project.id(),
          ProjectGovernance.HOLD_DECISION).map(Evidence.TaskDecision::comment).orElse(null));
    }
    starter.start(project, note);
  }
}
