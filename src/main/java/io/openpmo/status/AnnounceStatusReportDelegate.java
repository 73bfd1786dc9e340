package io.openpmo.status;

import static io.openpmo.status.StatusVariables.STATUS_REPORT_ID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands the recorded report on to the health check (an event sub-process of the same instance). */
@Component("announceStatusReportDelegate")
class AnnounceStatusReportDelegate implements JavaDelegate {

  private final RuntimeService runtimeService;

  AnnounceStatusReportDelegate(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runtimeService.createMessageCorrelation(StatusVariables.REPORT_RECORDED_MESSAGE)
        .processInstanceId(execution.getProcessInstanceId())
        .setVariableLocal(STATUS_REPORT_ID, execution.getVariable(STATUS_REPORT_ID))
        .correlateWithResult();
  }
}
