package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The G0 outcomes, each a thin delegate over {@link InitiationService}. */
@Configuration
class DecisionDelegates {

  @Bean
  JavaDelegate registerApprovalDelegate(InitiationService initiation) {
    return execution -> initiation.approve(projectId(execution));
  }

  @Bean
  JavaDelegate recordRejectionDelegate(InitiationService initiation) {
    return execution -> initiation.reject(projectId(execution));
  }

  @Bean
  JavaDelegate recordWithdrawalDelegate(InitiationService initiation, CurrentUser currentUser) {
    return execution -> initiation.withdraw(projectId(execution),
        currentUser.id().orElse((String) execution.getVariable(InitiationVariables.REQUESTER)));
  }
}
