package io.openpmo.intake;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectFormListener;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.review.ReviewVariables;
import io.openpmo.strategy.ObjectiveCatalogue;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The requester's rework task: prefilled with the request and the reviewers' comments; on completion
 * either withdraws the request or validates and applies the revision (a 400 naming the fields when it
 * is invalid), which is then scored again.
 */
@Component("reviseRequestListener")
class ReviseRequestListener extends ProjectFormListener {

  static final String ACTION = "action";
  static final String REVIEW_COMMENTS = "reviewComments";

  private final InitiationService initiation;
  private final ProjectRequestValidator validator;
  private final ReviewService reviews;
  private final ProjectGovernance governance;
  private final ObjectiveCatalogue objectives;

  ReviseRequestListener(InitiationService initiation, ProjectRequestValidator validator, ReviewService reviews,
      CurrentUser currentUser, ProjectGovernance governance, ObjectiveCatalogue objectives) {
    super(initiation::get, currentUser);
    this.governance = governance;
    this.objectives = objectives;
    this.initiation = initiation;
    this.validator = validator;
    this.reviews = reviews;
  }

  @Override
  protected void prepare(DelegateTask task, Project project) {
    long projectId = project.id();
    task.setName(io.openpmo.project.ProjectSummary.taskName(task.getName(), project.code(), project.title(), null));
    task.setDescription(project.title());
    // the form is prefilled from the task's own variables; what the requester submits lands there too
    task.setVariablesLocal(RequestVariables.of(project));
    task.setVariableLocal("objectives", String.join(", ", objectives.codesOf(projectId)));
    task.setVariableLocal(REVIEW_COMMENTS, reviews.commentsForForm(ReviewSubjectType.PROJECT_REQUEST, projectId));
  }

  @Override
  protected void assigned(DelegateTask task, Project project) {
    if (task.getAssignee() != null && !task.getAssignee().equals(project.requester())) {
      throw new AuthorizationException("Only the requester " + project.requester() + " revises " + project.code());
    }
  }

  @Override
  protected void complete(DelegateTask task, Project project, String user) {
    if (user != null && !user.equals(project.requester())) {
      throw new AuthorizationException("Only the requester " + project.requester() + " revises " + project.code());
    }
    String action = String.valueOf(task.getVariableLocal(ACTION));
    if ("WITHDRAW".equals(action)) {
      governance.instructWithdrawal(project.id(), user, ProjectGovernance.Capacity.REQUESTER, null);
      task.getExecution().setVariable(InitiationVariables.REVISION_ACTION, "WITHDRAW");
      return;
    }
    if (!"RESUBMIT".equals(action)) {
      throw new InvalidRequestException(ACTION, "must be RESUBMIT or WITHDRAW");
    }
    Map<String, Object> fields = new HashMap<>(task.getVariablesLocal());
    ProjectRequest revised = RequestVariables.read(fields).withCurrency(validator.baseCurrency());
    validator.validate(revised);
    Project updated = initiation.revise(project.id(), revised, user);
    task.getExecution().setVariable(InitiationVariables.SPONSOR, updated.sponsor());
    task.getExecution().setVariable(InitiationVariables.REWORK_ROUND, updated.reworkRound());
    task.getExecution().setVariable(ReviewVariables.ROUND, updated.reworkRound() + 1);
    task.getExecution().setVariable(InitiationVariables.REVISION_ACTION, "RESUBMIT");
  }
}
