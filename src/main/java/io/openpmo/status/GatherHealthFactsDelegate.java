package io.openpmo.status;

import static io.openpmo.status.StatusVariables.HEALTH;
import static io.openpmo.status.StatusVariables.STATUS_REPORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The projectHealth decision's inputs, local to this health check. */
@Component("gatherHealthFactsDelegate")
class GatherHealthFactsDelegate implements JavaDelegate {

  private final HealthService health;

  GatherHealthFactsDelegate(HealthService health) {
    this.health = health;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HealthService.HealthFacts facts = health.facts(((Number) execution.getVariable(STATUS_REPORT_ID)).longValue());
    execution.setVariableLocal("cpi", facts.cpi() == null ? null : facts.cpi().doubleValue());
    execution.setVariableLocal("spi", facts.spi() == null ? null : facts.spi().doubleValue());
    execution.setVariableLocal("openCriticalIssues", facts.openCriticalIssues());
    execution.setVariableLocal("openHighRisks", facts.openHighRisks());
    execution.setVariableLocal("regulatoryDeadlineMissed", facts.regulatoryDeadlineMissed());
    execution.setVariableLocal(HEALTH, null);
  }
}
