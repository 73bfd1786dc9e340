package io.openpmo.lifecycle;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("resumeProjectDelegate")
class ResumeProjectDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;

  ResumeProjectDelegate(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.resume(projectId(execution));
  }
}
