package io.openpmo.change;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The PMO's intervention on a RED project raises a change request; the project manager assesses its impact. */
@Component("raiseChangeRequestDelegate")
class RaiseChangeRequestDelegate implements JavaDelegate {

  private final ChangeSubmissions submissions;
  private final io.openpmo.project.ProjectMapper projects;
  private final CurrentUser currentUser;
  private final ProjectGovernance governance;

  RaiseChangeRequestDelegate(ChangeSubmissions submissions, io.openpmo.project.ProjectMapper projects,
      CurrentUser currentUser, ProjectGovernance governance) {
    this.submissions = submissions;
    this.projects = projects;
    this.currentUser = currentUser;
    this.governance = governance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = projects.findById(projectId(execution)).orElseThrow();
    String comment = interventionComment(governance, project.id());
    ChangeRequest change = submissions.raise(project, new ChangeRequestInput("Recovery of RED project " + project.code(),
        comment == null ? "PMO intervention on a RED status report" : comment, false, null, 0,
        java.math.BigDecimal.ZERO, "HIGH", false, false, null), currentUser.idOrSystem(), "RED_INTERVENTION");
    execution.setVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST, change.code());
  }

  /** Why the PMO intervened on the RED project: the comment recorded with its decision (task_decision). */
  private static String interventionComment(ProjectGovernance governance, long projectId) {
    return governance.latestTaskDecision(projectId, ProjectGovernance.RED_INTERVENTION_DECISION)
        .map(Evidence.TaskDecision::comment).orElse(null);
  }
}
