package io.openpmo.status;

import static io.openpmo.status.StatusVariables.HEALTH;
import static io.openpmo.status.StatusVariables.INTERVENTION_OPEN;
import static io.openpmo.status.StatusVariables.STATUS_REPORT_ID;

import io.openpmo.project.Health;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Records the health the decision gave the report, and tells the gateway after it whether the PMO already has an
 * intervention on this project open ({@value StatusVariables#INTERVENTION_OPEN}, for this transaction only; asked
 * only of a RED health): a RED project gets one intervention at a time, decided on the project as it stands, not
 * one more task for every further RED report.
 */
@Component("recordHealthDelegate")
class RecordHealthDelegate implements JavaDelegate {

  private final HealthService health;
  private final OpenPmoTasks openTasks;

  RecordHealthDelegate(HealthService health, OpenPmoTasks openTasks) {
    this.health = health;
    this.openTasks = openTasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Health rated = Health.valueOf((String) execution.getVariable(HEALTH));
    // reports of one project take their turns on the project's row (recording a report updates it), so the question
    // below sees the intervention a report sent at the same moment opened
    health.record(((Number) execution.getVariable(STATUS_REPORT_ID)).longValue(), rated);
    boolean open = rated == Health.RED
        && openTasks.isOpen(execution.getProcessInstanceId(), OpenPmoTasks.RED_INTERVENTION);
    execution.setVariable(INTERVENTION_OPEN, Variables.booleanValue(open, true));
  }
}
