package io.openpmo.deputy;

import static io.openpmo.deputy.DeputyVariables.deputyshipId;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step. Over our API the deputyship exists already ({@code deputyshipId}); from the Tasklist start form the
 * request comes as the form's fields: the approver is whoever is logged in, never a variable; the fields are
 * checked like any other request (a 400 naming them, nothing written) and then removed.
 */
@Component("registerDeputyshipDelegate")
class RegisterDeputyshipDelegate implements JavaDelegate {

  private final Deputies deputies;
  private final CurrentUser currentUser;

  RegisterDeputyshipDelegate(Deputies deputies, CurrentUser currentUser) {
    this.deputies = deputies;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object id = execution.getVariable(DeputyVariables.DEPUTYSHIP_ID);
    Deputyship deputyship;
    if (id == null) {
      String approver = currentUser.id().orElseThrow(() ->
          new BadUserRequestException("A deputy is named by the approver who is away: log in first"));
      deputyship = deputies.name(new Deputies.Request(null,
          FormValues.text(execution.getVariable(DeputyVariables.DEPUTY)),
          FormValues.date(execution.getVariable(DeputyVariables.VALID_FROM), DeputyVariables.VALID_FROM),
          FormValues.date(execution.getVariable(DeputyVariables.VALID_TO), DeputyVariables.VALID_TO),
          FormValues.text(execution.getVariable(DeputyVariables.REASON))), approver);
      DeputyVariables.FORM_FIELDS.forEach(execution::removeVariable);
    } else {
      deputyship = deputies.get(((Number) id).longValue());
    }
    deputies.attachProcess(deputyship.id(), execution.getProcessInstanceId());
    execution.setProcessBusinessKey("DEPUTY-" + deputyship.id());
    DeputyProcess.describe(execution, deputyship, deputies.today());
  }
}
