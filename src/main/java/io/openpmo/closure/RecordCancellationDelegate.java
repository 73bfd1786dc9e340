package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.lifecycle.LifecycleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Lifecycle: the project is cancelled (message CancelProject) before closure starts; the project's state
 * machine checks that the sponsor, the PMO or a committee cancelled it.
 */
@Component("recordCancellationDelegate")
class RecordCancellationDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;

  RecordCancellationDelegate(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.cancel(projectId(execution));
  }
}
