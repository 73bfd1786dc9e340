package io.openpmo.change;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.change.ChangeVariables.CHANGE_APPROVED;
import static io.openpmo.change.ChangeVariables.CHANGE_APPROVER_GROUPS;
import static io.openpmo.change.ChangeVariables.CHANGE_CLASS;
import static io.openpmo.change.ChangeVariables.CHANGE_REJECTED;
import static io.openpmo.change.ChangeVariables.CHANGE_REQUEST_ID;
import static io.openpmo.change.ChangeVariables.CLASSIFICATION_FACTS;
import static io.openpmo.change.ChangeVariables.REAPPROVAL_GROUPS;
import static io.openpmo.change.ChangeVariables.REAPPROVAL_REQUIRED;
import static io.openpmo.change.ChangeVariables.ROUTING_FACTS;

import io.openpmo.core.FiredRules;
import io.openpmo.core.CurrentUser;
import io.openpmo.intake.ApprovalRoute;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.resource.ResourcePlans;
import io.openpmo.review.ReviewVariables;
import io.openpmo.security.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of changeRequest, each a thin delegate over {@link ChangeService}. */
@Configuration
class ChangeDelegates {

  static final List<String> APPROVER_ORDER = List.of(Groups.PMO, Groups.FINANCE, Groups.RISK, Groups.COMPLIANCE,
      Groups.STEERING_COMMITTEE);

  static long changeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CHANGE_REQUEST_ID)).longValue();
  }

  /** Why the PMO intervened on the RED project: the comment recorded with its decision (task_decision). */
  private static String interventionComment(ProjectGovernance governance, long projectId) {
    return governance.latestTaskDecision(projectId, ProjectGovernance.RED_INTERVENTION_DECISION)
        .map(Evidence.TaskDecision::comment).orElse(null);
  }

  private static List<String> strings(Object collection) {
    return ((Collection<?>) collection).stream().map(Object::toString).toList();
  }

  @Bean
  JavaDelegate gatherChangeFactsDelegate(ChangeService changes) {
    return execution -> changes.classificationFacts(changeId(execution)).forEach(execution::setVariable);
  }

  /** Keeps class and approvers (without duplicates, in a fixed order) on the change; the facts go. */
  @Bean
  JavaDelegate recordChangeClassificationDelegate(ChangeService changes, FiredRules firedRules) {
    return execution -> {
      List<String> named = strings(execution.getVariable(CHANGE_APPROVER_GROUPS));
      List<String> approvers = new ArrayList<>(APPROVER_ORDER.stream().filter(named::contains).toList());
      changes.recordClassification(changeId(execution), (String) execution.getVariable(CHANGE_CLASS), approvers,
          firedRules.take(execution, "changeClassification", "changeApprovers"));
      execution.setVariable(CHANGE_APPROVER_GROUPS, approvers);
      execution.setVariable(CHANGE_REJECTED, false);
      CLASSIFICATION_FACTS.forEach(execution::removeVariable);
    };
  }

  /** An emergency change is applied at once: its baseline is in force before anybody approves it. */
  @Bean
  JavaDelegate applyEmergencyChangeDelegate(ChangeService changes, ResourcePlans plans, CurrentUser currentUser) {
    return execution -> {
      long id = changeId(execution);
      String by = currentUser.idOrSystem();
      var draft = changes.propose(id, by);
      // conflicts are recorded for the resource managers; an emergency does not wait for them
      plans.check(draft.projectId(), draft.id());
      changes.putInForce(id, by, true);
    };
  }

  @Bean
  JavaDelegate notifyPmoOfEmergencyDelegate(ChangeService changes, Notifier notifier) {
    return execution -> {
      ChangeRequest change = changes.get(changeId(execution));
      Project project = changes.project(change.projectId());
      notifier.send(Notifier.Message.toGroups(List.of(Groups.PMO), "Emergency change " + change.code() + " applied",
          "The emergency change " + change.code() + " \"" + change.title() + "\" on " + project.code()
              + " was applied at once by " + change.requestedBy() + ".\nCost change: " + change.costDelta()
              + ", delay: " + change.delayDays() + " days.\n\nThe PMO approves or rejects it within 2 days; a"
              + " rejection rolls it back."), project.id(), project.code());
    };
  }

  @Bean
  JavaDelegate decideChangeDelegate(ChangeService changes) {
    return execution -> {
      int round = ((Number) execution.getVariable(ReviewVariables.ROUND)).intValue();
      execution.setVariable(CHANGE_APPROVED, changes.approved(changeId(execution), round,
          (String) execution.getVariable(ReviewVariables.STAGE)));
    };
  }

  @Bean
  JavaDelegate confirmEmergencyChangeDelegate(ChangeService changes) {
    return execution -> changes.confirmEmergency(changeId(execution));
  }

  @Bean
  JavaDelegate restoreBaselineDelegate(ChangeService changes, CurrentUser currentUser) {
    return execution -> changes.rollBack(changeId(execution), currentUser.idOrSystem());
  }

  @Bean
  JavaDelegate recordChangeRejectionDelegate(ChangeService changes) {
    return execution -> changes.reject(changeId(execution));
  }

  @Bean
  JavaDelegate checkReapprovalDelegate(ChangeService changes) {
    return execution -> execution.setVariable(REAPPROVAL_REQUIRED, changes.needsReapproval(changeId(execution)));
  }

  /** approvalRouting's inputs, with the budget the project would have after the change. */
  @Bean
  JavaDelegate gatherReapprovalFactsDelegate(ChangeService changes) {
    return execution -> {
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
    };
  }

  @Bean
  JavaDelegate recordReapprovalRouteDelegate(ChangeService changes) {
    return execution -> {
      ApprovalRoute route = ApprovalRoute.of(strings(execution.getVariable(REAPPROVAL_GROUPS)));
      changes.recordReapprovalRoute(changeId(execution), route.all());
      execution.setVariable(REAPPROVAL_GROUPS, new ArrayList<>(route.all()));
      execution.setVariable(CHANGE_REJECTED, false);
      ROUTING_FACTS.forEach(execution::removeVariable);
    };
  }

  @Bean
  JavaDelegate proposeChangedBaselineDelegate(ChangeService changes, CurrentUser currentUser) {
    return execution -> changes.propose(changeId(execution), currentUser.idOrSystem());
  }

  @Bean
  JavaDelegate putChangedBaselineInForceDelegate(ChangeService changes, CurrentUser currentUser) {
    return execution -> changes.putInForce(changeId(execution), currentUser.idOrSystem(), false);
  }

  /** The lifecycle notes a change raised on its project (the change runs in its own process). */
  @Bean
  JavaDelegate noteChangeRequestDelegate(io.openpmo.audit.AuditTrail auditTrail) {
    return execution -> auditTrail.record("CHANGE_NOTED_BY_LIFECYCLE",
        projectId(execution), execution.getProcessBusinessKey(),
        java.util.Map.of("change", String.valueOf(execution.getVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST))));
  }

  /** The PMO's intervention on a RED project raises a change request; the project manager assesses its impact. */
  @Bean
  JavaDelegate raiseChangeRequestDelegate(ChangeSubmissions submissions, io.openpmo.project.ProjectMapper projects,
      CurrentUser currentUser, ProjectGovernance governance) {
    return execution -> {
      Project project = projects.findById(projectId(execution)).orElseThrow();
      String comment = interventionComment(governance, project.id());
      ChangeRequest change = submissions.raise(project, new ChangeRequestInput("Recovery of RED project " + project.code(),
          comment == null ? "PMO intervention on a RED status report" : comment, false, null, 0,
          java.math.BigDecimal.ZERO, "HIGH", false, false, null), currentUser.idOrSystem(), "RED_INTERVENTION");
      execution.setVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST, change.code());
    };
  }
}
