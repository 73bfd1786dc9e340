package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.Project;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Hands the request's facts to the three decisions that follow, as transient variables: they live only while this
 * transaction runs through the decisions (the decisions' history keeps the inputs they read), so the project row
 * stays the one place the request is kept, and the facts cost no variable rows, no variable history and no
 * removal-time updates when the process ends. "Record scores and approvals" removes them all the same, so nothing
 * later in the transaction reads them.
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
    // a request started with Tasklist's start form had fields of these names, removed by "Register project request"
    // in this transaction; the engine remembers them and lets no transient variable take their place
    boolean transientFact = !"TASKLIST".equals(execution.getVariable(InitiationVariables.CHANNEL));
    execution.setVariable("budget", Variables.doubleValue(p.budget().doubleValue(), transientFact));
    execution.setVariable("expectedAnnualBenefit",
        Variables.doubleValue(p.expectedAnnualBenefit().doubleValue(), transientFact));
    execution.setVariable("complexity", Variables.stringValue(p.complexity().name(), transientFact));
    execution.setVariable("dataClassification", Variables.stringValue(p.dataClassification().name(), transientFact));
    execution.setVariable("personalData", Variables.booleanValue(p.personalData(), transientFact));
    execution.setVariable("thirdParty", Variables.stringValue(p.thirdParty().name(), transientFact));
    execution.setVariable("criticalFunction", Variables.booleanValue(p.criticalFunction(), transientFact));
    execution.setVariable("newTechnology", Variables.booleanValue(p.newTechnology(), transientFact));
    execution.setVariable("durationMonths", Variables.integerValue(p.durationMonths(), transientFact));
    execution.setVariable("projectType", Variables.stringValue(p.projectType().name(), transientFact));
    execution.setVariable("strategicAlignment", Variables.integerValue(p.strategicAlignment(), transientFact));
    execution.setVariable("monthsToRegulatoryDeadline",
        Variables.integerValue(initiation.monthsToDeadline(p.regulatoryDeadline()), transientFact));
  }
}
