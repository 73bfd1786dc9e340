package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Hands the request's facts to the three decisions that follow. "Record scores and approvals" removes
 * them again in the same transaction, so the project row stays the one place the request is kept. (Not
 * transient variables: the engine refuses to turn a removed start-form variable of the same name, e.g.
 * {@code budget}, into a transient one.)
 */
@Component("gatherAssessmentFactsDelegate")
class GatherAssessmentFactsDelegate implements JavaDelegate {

  private final InitiationService initiation;

  GatherAssessmentFactsDelegate(InitiationService initiation) {
    this.initiation = initiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project p = initiation.get(projectId(execution));
    execution.setVariable("budget", Variables.doubleValue(p.budget().doubleValue()));
    execution.setVariable("expectedAnnualBenefit", Variables.doubleValue(p.expectedAnnualBenefit().doubleValue()));
    execution.setVariable("complexity", Variables.stringValue(p.complexity().name()));
    execution.setVariable("dataClassification", Variables.stringValue(p.dataClassification().name()));
    execution.setVariable("personalData", Variables.booleanValue(p.personalData()));
    execution.setVariable("thirdParty", Variables.stringValue(p.thirdParty().name()));
    execution.setVariable("criticalFunction", Variables.booleanValue(p.criticalFunction()));
    execution.setVariable("newTechnology", Variables.booleanValue(p.newTechnology()));
    execution.setVariable("durationMonths", Variables.integerValue(p.durationMonths()));
    execution.setVariable("projectType", Variables.stringValue(p.projectType().name()));
    execution.setVariable("strategicAlignment", Variables.integerValue(p.strategicAlignment()));
    execution.setVariable("monthsToRegulatoryDeadline",
        Variables.integerValue(initiation.monthsToDeadline(p.regulatoryDeadline())));
  }
}
