package io.openpmo.project;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import java.util.function.LongFunction;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The one skeleton of a listener on a user task with a form about a project: the project is loaded once per
 * event; on create the form is prepared (named after the project, prefilled in the task's own scope); on assignment
 * the assignee may be checked; on complete the answer (the form's fields, local to the task) is validated and
 * recorded in the name of the authenticated user (the assignee only when nobody is signed in, e.g. the job
 * executor). Bad answers are thrown as {@code core.InvalidRequestException} naming the fields;
 * {@code security.ClientErrorTranslator} turns them into the engine APIs' 400 (and lets our API answer its problem
 * details), so no listener translates them itself.
 */
public abstract class ProjectFormListener implements TaskListener {

  private final LongFunction<Project> projects;
  private final CurrentUser currentUser;

  /** {@code projects} finds the project of the task (e.g. the feature service's "get or 404"). */
  protected ProjectFormListener(LongFunction<Project> projects, CurrentUser currentUser) {
    this.projects = projects;
    this.currentUser = currentUser;
  }

  @Override
  public final void notify(DelegateTask task) {
    String event = task.getEventName();
    if (EVENTNAME_CREATE.equals(event)) {
      prepare(task, projects.apply(projectId(task)));
    } else if (EVENTNAME_ASSIGNMENT.equals(event)) {
      assigned(task, projects.apply(projectId(task)));
    } else if (EVENTNAME_COMPLETE.equals(event)) {
      complete(task, projects.apply(projectId(task)), currentUser.id().orElse(task.getAssignee()));
    }
  }

  /** The task is created: name it, show the project, prefill the form (task-local variables). */
  protected abstract void prepare(DelegateTask task, Project project);

  /** The task was assigned (claimed or delegated); nothing to check unless a listener says so. */
  protected void assigned(DelegateTask task, Project project) {
  }

  /** The form was submitted by {@code user}: validate the task-local answer, record it, set the gateway's variable. */
  protected abstract void complete(DelegateTask task, Project project, String user);
}
