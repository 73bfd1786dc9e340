package io.openpmo.closure;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectFormListener;
import io.openpmo.project.ProjectSummary;
import io.openpmo.security.Groups;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The frame of every closure form ({@link ProjectFormListener} with what closure adds): on create the task is named after the project and shows its summary (a
 * task nobody holds, because the project never had a manager, goes to the PMO);
 * on complete the form values (in the task's own scope) are handed to {@link #complete(DelegateTask, VariableScope, Project, String)}, whose 400s reach
 * Tasklist and REST clients as a bad request naming the fields.
 */
abstract class ClosureTaskListener extends ProjectFormListener {

  protected final ClosureService closures;
  protected final CurrentUser currentUser;

  ClosureTaskListener(ClosureService closures, CurrentUser currentUser) {
    super(closures::project, currentUser);
    this.closures = closures;
    this.currentUser = currentUser;
  }

  @Override
  protected final void prepare(DelegateTask task, Project project) {
    ProjectSummary.showOn(task, project, details(project));
    if (task.getAssignee() == null && task.getCandidates().isEmpty()) {
      task.addCandidateGroup(Groups.PMO);   // the project never had a manager: the PMO closes it
    }
    prepare(task, task, project);
  }

  @Override
  protected final void complete(DelegateTask task, Project project, String user) {
    complete(task, task, project, user);
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
