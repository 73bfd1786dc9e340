package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("registerApprovalDelegate")
class RegisterApprovalDelegate implements JavaDelegate {

  private final InitiationService initiation;

  RegisterApprovalDelegate(InitiationService initiation) {
    this.initiation = initiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    initiation.approve(projectId(execution));
  }
}
