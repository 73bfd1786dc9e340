package io.openpmo.status;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordMissedReportDelegate")
class RecordMissedReportDelegate implements JavaDelegate {

  private final StatusReportService reports;

  RecordMissedReportDelegate(StatusReportService reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(StatusVariables.MISSED_REPORTS, reports.missed(projectId(execution)));
  }
}
