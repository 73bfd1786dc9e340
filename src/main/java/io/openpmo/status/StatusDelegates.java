package io.openpmo.status;

import io.openpmo.project.Health;
import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.status.StatusVariables.HEALTH;
import static io.openpmo.status.StatusVariables.STATUS_REPORT_ID;

import io.openpmo.project.Evidence;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of the status cycle and the health check, each a thin delegate. */
@Configuration
class StatusDelegates {

  /** Hands the recorded report on to the health check (an event sub-process of the same instance). */
  @Bean
  JavaDelegate announceStatusReportDelegate(RuntimeService runtimeService) {
    return execution -> runtimeService.createMessageCorrelation(StatusVariables.REPORT_RECORDED_MESSAGE)
        .processInstanceId(execution.getProcessInstanceId())
        .setVariableLocal(STATUS_REPORT_ID, execution.getVariable(STATUS_REPORT_ID))
        .correlateWithResult();
  }

  @Bean
  JavaDelegate recordMissedReportDelegate(StatusReportService reports) {
    return execution -> execution.setVariable(StatusVariables.MISSED_REPORTS, reports.missed(projectId(execution)));
  }

  /** The projectHealth decision's inputs, local to this health check. */
  @Bean
  JavaDelegate gatherHealthFactsDelegate(HealthService health) {
    return execution -> {
      HealthService.HealthFacts facts = health.facts(((Number) execution.getVariable(STATUS_REPORT_ID)).longValue());
      execution.setVariableLocal("cpi", facts.cpi() == null ? null : facts.cpi().doubleValue());
      execution.setVariableLocal("spi", facts.spi() == null ? null : facts.spi().doubleValue());
      execution.setVariableLocal("openCriticalIssues", facts.openCriticalIssues());
      execution.setVariableLocal("openHighRisks", facts.openHighRisks());
      execution.setVariableLocal("regulatoryDeadlineMissed", facts.regulatoryDeadlineMissed());
      execution.setVariableLocal(HEALTH, null);
    };
  }

  @Bean
  JavaDelegate recordHealthDelegate(HealthService health) {
    return execution -> health.record(((Number) execution.getVariable(STATUS_REPORT_ID)).longValue(),
        Health.valueOf((String) execution.getVariable(HEALTH)));
  }

  /** The PMO asks the project manager for a change request on a RED project. */
  @Bean
  JavaDelegate askForChangeRequestDelegate(ProjectMapper projects, Notifier notifier,
      ProjectGovernance governance) {
    return execution -> {
      Project project = projects.findById(projectId(execution)).orElseThrow();
      notifier.send(Notifier.Message.toUsers(List.of(String.valueOf(project.projectManager())),
          project.code() + " is RED: change request " + execution.getVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST) + " raised",
          "The PMO reviewed " + project.code() + " \"" + project.title() + "\" after a RED status report and raised"
              + " the change request " + execution.getVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST) + ". Please assess its impact in"
              + " Tasklist.\n\nPMO comment: " + governance.latestTaskDecision(project.id(),
              ProjectGovernance.RED_INTERVENTION_DECISION).map(Evidence.TaskDecision::comment).orElse("-")),
          project.id(), project.code());
    };
  }
}
