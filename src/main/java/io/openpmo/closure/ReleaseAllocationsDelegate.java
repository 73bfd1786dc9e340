package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("releaseAllocationsDelegate")
class ReleaseAllocationsDelegate implements JavaDelegate {

  private final ClosureService closures;

  ReleaseAllocationsDelegate(ClosureService closures) {
    this.closures = closures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closures.releaseFutureAllocations(projectId(execution));
  }
}
