package io.openpmo.status;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Counts the missed report on the project, and tells the gateway after it whether the PMO's chase of the missing
 * reports is already open ({@value StatusVariables#CHASE_OPEN}, for this transaction only): one chase at a time.
 */
@Component("recordMissedReportDelegate")
class RecordMissedReportDelegate implements JavaDelegate {

  private final StatusReportService reports;
  private final OpenPmoTasks openTasks;

  RecordMissedReportDelegate(StatusReportService reports, OpenPmoTasks openTasks) {
    this.reports = reports;
    this.openTasks = openTasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(StatusVariables.MISSED_REPORTS, reports.missed(projectId(execution)));
    execution.setVariable(StatusVariables.CHASE_OPEN, Variables.booleanValue(
        openTasks.isOpen(execution.getProcessInstanceId(), OpenPmoTasks.CHASE), true));
  }
}
