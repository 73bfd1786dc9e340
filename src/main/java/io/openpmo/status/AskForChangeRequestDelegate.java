package io.openpmo.status;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.notify.Notifier;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The PMO asks the project manager for a change request on a RED project. */
@Component("askForChangeRequestDelegate")
class AskForChangeRequestDelegate implements JavaDelegate {

  private final ProjectMapper projects;
  private final Notifier notifier;
  private final ProjectGovernance governance;

  AskForChangeRequestDelegate(ProjectMapper projects, Notifier notifier, ProjectGovernance governance) {
    this.projects = projects;
    this.notifier = notifier;
    this.governance = governance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = projects.findById(projectId(execution)).orElseThrow();
    notifier.send(Notifier.Message.toUsers(List.of(String.valueOf(project.projectManager())),
        project.code() + " is RED: change request " + execution.getVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST) + " raised",
        "The PMO reviewed " + project.code() + " \"" + project.title() + "\" after a RED status report and raised"
            + " the change request " + execution.getVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST) + ". Please assess its impact in"
            + " Tasklist.\n\nPMO comment: " + governance.latestTaskDecision(project.id(),
            ProjectGovernance.RED_INTERVENTION_DECISION).map(Evidence.TaskDecision::comment).orElse("-")),
        project.id(), project.code());
  }
}
