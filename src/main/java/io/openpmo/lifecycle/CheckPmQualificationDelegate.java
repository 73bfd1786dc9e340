package io.openpmo.lifecycle;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.lifecycle.LifecycleVariables.PM_QUALIFIED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkPmQualificationDelegate")
class CheckPmQualificationDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;

  CheckPmQualificationDelegate(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PM_QUALIFIED, lifecycle.checkProjectManager(projectId(execution)).qualified());
  }
}
