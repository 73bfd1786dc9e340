package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("generateFinalReportDelegate")
class GenerateFinalReportDelegate implements JavaDelegate {

  private final FinalReports finalReports;
  private final CurrentUser currentUser;

  GenerateFinalReportDelegate(FinalReports finalReports, CurrentUser currentUser) {
    this.finalReports = finalReports;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    finalReports.archive(projectId(execution), currentUser.idOrSystem());
  }
}
