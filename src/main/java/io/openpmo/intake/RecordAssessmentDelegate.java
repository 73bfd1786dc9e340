package io.openpmo.intake;

import io.openpmo.review.ApprovalRoute;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.intake.InitiationVariables.APPROVER_GROUPS;
import static io.openpmo.intake.InitiationVariables.COMMITTEE_GROUPS;
import static io.openpmo.intake.InitiationVariables.FUNCTIONAL_REVIEW_GROUPS;
import static io.openpmo.intake.InitiationVariables.PRIORITY_ASSESSMENT;
import static io.openpmo.intake.InitiationVariables.PRIORITY_CLASS;
import static io.openpmo.intake.InitiationVariables.REJECTED;
import static io.openpmo.intake.InitiationVariables.REWORK_REQUESTED;
import static io.openpmo.intake.InitiationVariables.RISK_ASSESSMENT;
import static io.openpmo.intake.InitiationVariables.RISK_TIER;

import io.openpmo.core.FiredRules;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.RiskTier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Records what the decisions said on the project (scores, tier, class, required approvals) and keeps
 * in the process only what its gateways and multi-instance reviews need. The decisions' results and the facts
 * they read go in the same transaction they came in, so they leave no variable rows or variable history
 * ({@code engine.VariableDetailHistoryPlugin}); the decision history and the audit event keep them.
 */
@Component("recordAssessmentDelegate")
class RecordAssessmentDelegate implements JavaDelegate {

  private final InitiationService initiation;
  private final FiredRules firedRules;

  RecordAssessmentDelegate(InitiationService initiation, FiredRules firedRules) {
    this.initiation = initiation;
    this.firedRules = firedRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<?, ?> risk = (Map<?, ?>) execution.getVariable(RISK_ASSESSMENT);
    Map<?, ?> priority = (Map<?, ?>) execution.getVariable(PRIORITY_ASSESSMENT);
    Collection<?> groups = (Collection<?>) execution.getVariable(APPROVER_GROUPS);
    ApprovalRoute route = ApprovalRoute.of(groups.stream().map(Object::toString).toList());
    RiskTier tier = RiskTier.valueOf((String) risk.get("riskTier"));
    PriorityClass priorityClass = PriorityClass.valueOf((String) priority.get("priorityClass"));
    long projectId = projectId(execution);
    initiation.recordAssessment(projectId, ((Number) risk.get("riskScore")).intValue(), tier,
        ((Number) priority.get("priorityScore")).intValue(), priorityClass, route,
        firedRules.take(execution, "riskPoints", "projectRisk", "priorityPoints", "projectPriority", "approvalRouting"));

    execution.removeVariable(RISK_ASSESSMENT);
    execution.removeVariable(PRIORITY_ASSESSMENT);
    execution.removeVariable(APPROVER_GROUPS);
    InitiationVariables.ASSESSMENT_FACTS.forEach(execution::removeVariable);
    execution.setVariable(RISK_TIER, tier.name());
    execution.setVariable(PRIORITY_CLASS, priorityClass.name());
    // read once, by the functional reviews' parallel multi-instance that starts next in this transaction: the
    // project's approval route (project_approval) is where the groups are kept, and the process holds no copy
    // (an instance that holds one from before keeps it up to date)
    TypedValue existing = execution.getVariableTyped(FUNCTIONAL_REVIEW_GROUPS);
    execution.setVariable(FUNCTIONAL_REVIEW_GROUPS, Variables.untypedValue(new ArrayList<>(route.functionalGroups()),
        existing == null || existing.isTransient()));
    execution.setVariable(COMMITTEE_GROUPS, new ArrayList<>(route.committeeGroups()));
    execution.setVariable(REJECTED, false);
    execution.setVariable(REWORK_REQUESTED, false);
  }
}
