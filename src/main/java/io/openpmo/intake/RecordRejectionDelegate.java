package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordRejectionDelegate")
class RecordRejectionDelegate implements JavaDelegate {

  private final InitiationService initiation;

  RecordRejectionDelegate(InitiationService initiation) {
    this.initiation = initiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    initiation.reject(projectId(execution));
  }
}
