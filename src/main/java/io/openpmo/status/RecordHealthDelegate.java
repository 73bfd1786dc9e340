package io.openpmo.status;

import static io.openpmo.status.StatusVariables.HEALTH;
import static io.openpmo.status.StatusVariables.STATUS_REPORT_ID;

import io.openpmo.project.Health;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordHealthDelegate")
class RecordHealthDelegate implements JavaDelegate {

  private final HealthService health;

  RecordHealthDelegate(HealthService health) {
    this.health = health;
  }

  @Override
  public void execute(DelegateExecution execution) {
    health.record(((Number) execution.getVariable(STATUS_REPORT_ID)).longValue(),
        Health.valueOf((String) execution.getVariable(HEALTH)));
  }
}
