package io.openpmo.lifecycle;

import io.openpmo.baseline.BaselineService;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordStopDelegate")
class RecordStopDelegate implements JavaDelegate {

  private final LifecycleService lifecycle;
  private final BaselineService baselines;

  RecordStopDelegate(LifecycleService lifecycle, BaselineService baselines) {
    this.lifecycle = lifecycle;
    this.baselines = baselines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long projectId = projectId(execution);
    baselines.draft(projectId).ifPresent(draft -> baselines.discard(draft.id()));
    lifecycle.stop(projectId);
  }
}
