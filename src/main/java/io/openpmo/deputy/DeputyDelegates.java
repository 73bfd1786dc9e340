package io.openpmo.deputy;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormValues;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the deputyship process; thin, the rules live in {@link Deputies} and {@link DeputyTasks}. */
@Configuration
class DeputyDelegates {

  static long deputyshipId(DelegateExecution execution) {
    return ((Number) execution.getVariable(DeputyVariables.DEPUTYSHIP_ID)).longValue();
  }

  /**
   * First step. Over our API the deputyship exists already ({@code deputyshipId}); from the Tasklist start form the
   * request comes as the form's fields: the approver is whoever is logged in, never a variable; the fields are
   * checked like any other request (a 400 naming them, nothing written) and then removed.
   */
  @Bean
  JavaDelegate registerDeputyshipDelegate(Deputies deputies, CurrentUser currentUser) {
    return execution -> {
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
    };
  }

  @Bean
  JavaDelegate handOverTasksDelegate(DeputyTasks tasks) {
    return execution -> tasks.handOver(deputyshipId(execution));
  }

  @Bean
  JavaDelegate handBackTasksDelegate(DeputyTasks tasks) {
    return execution -> tasks.handBack(deputyshipId(execution));
  }
}
