package io.openpmo.lifecycle;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.lifecycle.LifecycleVariables.PROJECT_ID;

import io.openpmo.project.Lifecycles;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the lifecycle of an approved project (called from initiation, in the approval's transaction). */
@Component("startLifecycleDelegate")
class StartLifecycleDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final LifecycleSettings settings;

  StartLifecycleDelegate(RuntimeService runtimeService, LifecycleSettings settings) {
    this.runtimeService = runtimeService;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runtimeService.createProcessInstanceByKey(Lifecycles.PROCESS_KEY)
        .businessKey(execution.getProcessBusinessKey())
        .setVariable(PROJECT_ID, projectId(execution))
        .setVariable(LifecycleVariables.PROJECT_CODE, execution.getProcessBusinessKey())
        .setVariable(LifecycleVariables.STATUS_REPORT_CYCLE, settings.reportCycle())
        .setVariable(LifecycleVariables.STATUS_REPORT_GRACE, settings.reportGrace())
        .execute();
  }
}
