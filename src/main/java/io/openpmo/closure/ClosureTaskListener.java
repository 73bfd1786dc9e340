package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectSummary;
import io.openpmo.security.Groups;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The frame of every closure form: on create the task is named after the project and shows its summary (a
 * task nobody holds, because the project never had a manager, goes to the PMO);
 * on complete the form values (in the task's own scope) are handed to {@link #complete}, whose 400s reach
 * Tasklist and REST clients as a bad request naming the fields.
 */
abstract class ClosureTaskListener implements TaskListener {

  protected final ClosureService closures;
  protected final CurrentUser currentUser;

  ClosureTaskListener(ClosureService closures, CurrentUser currentUser) {
    this.closures = closures;
    this.currentUser = currentUser;
  }

  @Override
  public final void notify(DelegateTask task) {
    Project project = closures.project(projectId(task));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ProjectSummary.showOn(task, project, details(project));
      if (task.getAssignee() == null && task.getCandidates().isEmpty()) {
        task.addCandidateGroup(Groups.PMO);   // the project never had a manager: the PMO closes it
      }
      prepare(task, task, project);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task, task, project, currentUser.id().orElse(task.getAssignee()));
    }
  }

  /** More markdown for the summary shown on the form. */
  protected String details(Project project) {
    return "";
  }

  /** Prefills the form (variables of the task's scope). */
  protected void prepare(DelegateTask task, VariableScope scope, Project project) {
  }

  protected abstract void complete(DelegateTask task, VariableScope scope, Project project, String user);
}
