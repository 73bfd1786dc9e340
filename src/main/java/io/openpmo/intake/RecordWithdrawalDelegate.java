package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordWithdrawalDelegate")
class RecordWithdrawalDelegate implements JavaDelegate {

  private final InitiationService initiation;

  RecordWithdrawalDelegate(InitiationService initiation) {
    this.initiation = initiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    initiation.withdraw(projectId(execution));
  }
}
