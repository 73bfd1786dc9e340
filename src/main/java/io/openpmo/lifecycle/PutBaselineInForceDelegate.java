package io.openpmo.lifecycle;

import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance.BaselineSource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** G1 passed: the draft baseline is put in force and delivery starts. */
@Component("putBaselineInForceDelegate")
class PutBaselineInForceDelegate implements JavaDelegate {

  private final BaselineService baselines;
  private final LifecycleService lifecycle;
  private final CurrentUser currentUser;

  PutBaselineInForceDelegate(BaselineService baselines, LifecycleService lifecycle, CurrentUser currentUser) {
    this.baselines = baselines;
    this.lifecycle = lifecycle;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = lifecycle.get(projectId(execution));
    Baseline draft = baselines.draft(project.id()).orElseThrow();
    baselines.putInForce(project, draft.id(), currentUser.idOrSystem(), BaselineSource.G1_GO, null);
    lifecycle.startDelivery(project.id());
  }
}
