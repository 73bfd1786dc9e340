package io.openpmo.intake;

import static io.openpmo.intake.InitiationVariables.CHANNEL;
import static io.openpmo.intake.InitiationVariables.PROJECT_CODE;
import static io.openpmo.intake.InitiationVariables.PROJECT_ID;
import static io.openpmo.intake.InitiationVariables.REQUESTER;
import static io.openpmo.intake.InitiationVariables.REQUEST_FIELDS;
import static io.openpmo.intake.InitiationVariables.REWORK_ROUND;
import static io.openpmo.intake.InitiationVariables.SPONSOR;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.Project;
import io.openpmo.review.ReviewVariables;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of initiation. Through our API the project row already exists (its id comes as
 * {@code projectId}); from the Tasklist start form or the engine REST API the request comes as
 * variables: it is validated like any other request (a 400 naming the fields, nothing written) and
 * registered, and the form variables are removed, so the process keeps references only.
 */
@Component("registerRequestDelegate")
class RegisterRequestDelegate implements JavaDelegate {

  private final InitiationService initiation;
  private final ProjectRequestValidator validator;
  private final CurrentUser currentUser;

  RegisterRequestDelegate(InitiationService initiation, ProjectRequestValidator validator, CurrentUser currentUser) {
    this.initiation = initiation;
    this.validator = validator;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object projectId = execution.getVariable(PROJECT_ID);
    Project project;
    if (projectId == null) {
      // the requester is whoever is logged in, never a variable a caller could have set
      String requester = currentUser.id().orElseThrow(() ->
          new BadUserRequestException("A project request is started by an authenticated requester"));
      ProjectRequest request = RequestVariables.read(execution.getVariables()).withCurrency(validator.baseCurrency());
      validator.validate(request);
      project = initiation.register(request, requester, null, null, "TASKLIST");
      REQUEST_FIELDS.forEach(execution::removeVariable);
      execution.setVariable(CHANNEL, "TASKLIST");
    } else {
      project = initiation.get(((Number) projectId).longValue());
    }
    project = initiation.attachProcess(project.id(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(project.code());
    execution.setVariable(PROJECT_ID, project.id());
    execution.setVariable(PROJECT_CODE, project.code());
    execution.setVariable(REQUESTER, project.requester());
    execution.setVariable(SPONSOR, project.sponsor());
    execution.setVariable(REWORK_ROUND, project.reworkRound());
    execution.setVariable(ReviewVariables.ROUND, project.reworkRound() + 1);
  }
}
