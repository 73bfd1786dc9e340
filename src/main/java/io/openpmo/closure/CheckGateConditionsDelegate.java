package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkGateConditionsDelegate")
class CheckGateConditionsDelegate implements JavaDelegate {

  private final ClosureService closures;

  CheckGateConditionsDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ClosureVariables.OPEN_CONDITIONS,
        closures.openGateConditions(projectId(execution)));
  }
}
