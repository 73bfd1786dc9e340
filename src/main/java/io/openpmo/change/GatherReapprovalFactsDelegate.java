package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;
import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** approvalRouting's inputs, with the budget the project would have after the change. */
@Component("gatherReapprovalFactsDelegate")
class GatherReapprovalFactsDelegate implements JavaDelegate {

  private final ChangeService changes;

  GatherReapprovalFactsDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = changeId(execution);
    Project p = changes.project(changes.get(id).projectId());
    execution.setVariable("budget", changes.budgetWithChange(id).doubleValue());
    execution.setVariable("riskTier", p.riskTier() == null ? "LOW" : p.riskTier().name());
    execution.setVariable("thirdParty", p.thirdParty().name());
    execution.setVariable("personalData", p.personalData());
    execution.setVariable("dataClassification", p.dataClassification().name());
    execution.setVariable("projectType", p.projectType().name());
    execution.setVariable("newTechnology", p.newTechnology());
    execution.setVariable("criticalFunction", p.criticalFunction());
  }
}
