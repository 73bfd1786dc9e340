package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The G0 outcomes, each a thin delegate over {@link InitiationService}. None of them decides anything: the
 * project's state machine checks the votes and the withdrawal on record, and refuses what they do not support.
 */
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
  JavaDelegate recordWithdrawalDelegate(InitiationService initiation) {
    return execution -> initiation.withdraw(projectId(execution));
  }
}
