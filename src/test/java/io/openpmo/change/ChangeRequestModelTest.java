package io.openpmo.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.openpmo.support.ModelTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * changeRequest, model only: the real changeClassification, changeApprovers and approvalRouting tables decide
 * class and approvers from the facts the (mocked) fact-gathering steps provide; delegates and listeners mocked.
 */
@Deployment(resources = {"processes/change-request.bpmn", "dmn/change-classification.dmn",
    "dmn/change-approvers.dmn", "dmn/approval-routing.dmn"})
class ChangeRequestModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  /** The approvers' verdict: a REJECT vote ends the approval at once. */
  boolean approve = true;
  boolean overrun = false;
  /** Capacity checks that find a conflict before one passes. */
  int capacityConflicts = 0;
  /** Votes that declare a conflict of interest (and cast no vote) before the next one votes. */
  int conflicts = 0;
  JavaDelegate escalate;

  @BeforeEach
  void mocks() {
    delegate("registerChangeRequestDelegate");
    listener("assessImpactListener");
    delegate("gatherChangeFactsDelegate", execution -> execution.setVariables(Map.of(
        "costDelta", 30_000.0, "currentBudget", 100_000.0, "delayDays", 40, "scopeChange", true,
        "regulatoryImpact", false, "criticalFunction", false)));
    delegate("recordChangeClassificationDelegate", execution -> execution.setVariable("changeRejected", false));
    listener("reviewTaskListener", task -> {
      if (!"complete".equals(task.getEventName())) {
        return;
      }
      boolean conflict = conflicts-- > 0;
      task.getExecution().setVariable("conflictDeclared", conflict);
      if (!conflict && !approve) {
        task.getExecution().setVariable("changeRejected", true);
      }
    });
    delegate("decideChangeDelegate", execution -> execution.setVariable("changeApproved", approve));
    delegate("checkReapprovalDelegate", execution -> execution.setVariable("reapprovalRequired", overrun));
    delegate("gatherReapprovalFactsDelegate", execution -> execution.setVariables(Map.of(
        "budget", 2_500_000.0, "riskTier", "HIGH", "thirdParty", "NONE", "personalData", false,
        "dataClassification", "INTERNAL", "projectType", "STRATEGIC", "newTechnology", false)));
    delegate("recordReapprovalRouteDelegate");
    delegate("proposeChangedBaselineDelegate");
    delegate("checkResourceCapacityDelegate", execution -> execution.setVariable("capacitySufficient",
        capacityConflicts-- <= 0));
    listener("resolveOverallocationListener");
    delegate("putChangedBaselineInForceDelegate");
    delegate("recordChangeRejectionDelegate");
    delegate("applyEmergencyChangeDelegate");
    delegate("notifyPmoOfEmergencyDelegate");
    escalate = delegate("escalateOverdueReviewDelegate");
    delegate("confirmEmergencyChangeDelegate");
    listener("decisionTaskListener");
    delegate("restoreBaselineDelegate");
  }

  ProcessInstance raise(boolean emergency) {
    return runtimeService().startProcessInstanceByKey("changeRequest", "PRJ-2026-0001-CR1", withVariables(
        "projectId", 1L, "changeRequestId", 7L, "emergency", emergency, "requestedBy", "paul",
        "projectManager", "paul", "impactAssessor", "petra", "impactAssessorGroup", "pmo",
        "conflictDeclared", false, "changeRejected", false));
  }

  List<Task> open(ProcessInstance instance, String taskKey) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** Impact assessed, classified; waiting for the approvers the tables named. */
  ProcessInstance assessed(boolean emergency) {
    ProcessInstance instance = raise(emergency);
    assertThat(instance).isWaitingAt("Task_AssessImpact");
    assertThat(task(instance)).isAssignedTo("petra");
    complete(task(instance));
    return instance;
  }

  @Test
  void anApprovedChangeBecomesTheNewBaseline() {
    ProcessInstance instance = assessed(false);
    List<Task> approvals = open(instance, "Task_ApproveChange");
    assertThat(approvals).as("approvers named by changeApprovers").isNotEmpty();

    approvals.forEach(approval -> taskService().complete(approval.getId()));

    assertThat(instance).hasPassedInOrder("Task_GatherChangeFacts", "Task_ClassifyChange",
        "Task_DetermineChangeApprovers", "Task_RecordChangeClassification", "Task_DecideChange",
        "Task_CheckReapproval", "Task_ProposeChangedBaseline", "Task_CheckChangeCapacity",
        "Task_PutChangedBaselineInForce").hasNotPassed("SubProcess_Reapproval")
        .isEnded().hasPassed("EndEvent_ChangeApplied");
  }

  @Test
  void oneRejectionEndsTheApprovalAndTheChange() {
    ProcessInstance instance = assessed(false);
    approve = false;

    taskService().complete(open(instance, "Task_ApproveChange").get(0).getId());

    assertThat(open(instance, "Task_ApproveChange")).isEmpty();
    assertThat(instance).hasPassed("Task_RecordChangeRejection").hasNotPassed("Task_ProposeChangedBaseline")
        .isEnded().hasPassed("EndEvent_ChangeRejected");
  }

  @Test
  void anOverrunIsReapprovedAtTheNewBudgetAndACapacityConflictResolvedFirst() {
    overrun = true;
    capacityConflicts = 1;
    ProcessInstance instance = assessed(false);
    open(instance, "Task_ApproveChange").forEach(approval -> taskService().complete(approval.getId()));

    List<Task> reapprovals = open(instance, "Task_ReapproveProject");
    assertThat(reapprovals).as("approvers named by approvalRouting at the new budget").isNotEmpty();
    reapprovals.forEach(reapproval -> taskService().complete(reapproval.getId()));

    assertThat(instance).isWaitingAt("Task_ResolveChangeOverallocation");
    assertThat(task(instance)).hasCandidateGroup("resourceManagers");
    complete(task(instance));

    assertThat(instance).hasPassedInOrder("Task_GatherReapprovalFacts", "Task_RerouteApprovals",
        "Task_RecordReapprovalRoute", "Task_DecideReapproval", "Task_ProposeChangedBaseline",
        "Task_CheckChangeCapacity", "Task_ResolveChangeOverallocation", "Task_PutChangedBaselineInForce")
        .isEnded().hasPassed("EndEvent_ChangeApplied");
  }

  @Test
  void anEmergencyChangeIsAppliedAtOnceAndConfirmedByThePmoAfterwards() {
    ProcessInstance instance = assessed(true);

    assertThat(instance).hasPassed("Task_ApplyEmergencyChange");
    execute(job("Task_NotifyPmoOfEmergency", instance));
    assertThat(instance).isWaitingAt("Task_ApproveEmergencyChange");
    assertThat(task(instance)).hasCandidateGroup("pmo");
    complete(task(instance));

    assertThat(instance).hasNotPassed("SubProcess_ChangeApproval").isEnded()
        .hasPassed("EndEvent_EmergencyConfirmed");
  }

  @Test
  void aRejectedEmergencyChangeIsRolledBack() {
    ProcessInstance instance = assessed(true);
    execute(job("Task_NotifyPmoOfEmergency", instance));
    approve = false;
    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_RollBackChange");
    assertThat(task(instance)).isAssignedTo("paul");
    complete(task(instance));
    assertThat(instance).hasPassed("Task_RestoreBaseline").isEnded().hasPassed("EndEvent_ChangeRolledBack");
  }

  @Test
  void aReapprovalRefusedAtTheNewBudgetRejectsTheChange() {
    overrun = true;
    ProcessInstance instance = assessed(false);
    open(instance, "Task_ApproveChange").forEach(approval -> taskService().complete(approval.getId()));

    approve = false;
    taskService().complete(open(instance, "Task_ReapproveProject").get(0).getId());

    assertThat(open(instance, "Task_ReapproveProject")).isEmpty();
    assertThat(instance).hasPassedInOrder("Task_DecideReapproval", "Task_RecordChangeRejection")
        .hasNotPassed("Task_ProposeChangedBaseline").isEnded().hasPassed("EndEvent_ChangeRejected");
  }

  @Test
  void anApproverWithAConflictOfInterestPutsTheApprovalBackToTheGroup() throws Exception {
    ProcessInstance instance = assessed(false);
    int approvals = open(instance, "Task_ApproveChange").size();
    String first = open(instance, "Task_ApproveChange").get(0).getId();

    conflicts = 1;
    taskService().complete(first);

    assertThat(open(instance, "Task_ApproveChange")).hasSize(approvals)
        .noneSatisfy(approval -> assertThat(approval.getId()).isEqualTo(first));
    assertThat(instance).hasNotPassed("Task_DecideChange");
  }

  @Test
  void aReapproverWithAConflictOfInterestPutsTheReapprovalBackToTheGroup() {
    overrun = true;
    ProcessInstance instance = assessed(false);
    open(instance, "Task_ApproveChange").forEach(approval -> taskService().complete(approval.getId()));
    int reapprovals = open(instance, "Task_ReapproveProject").size();

    conflicts = 1;
    taskService().complete(open(instance, "Task_ReapproveProject").get(0).getId());

    assertThat(open(instance, "Task_ReapproveProject")).hasSize(reapprovals);
    assertThat(instance).hasNotPassed("Task_DecideReapproval");
  }

  @Test
  void aPmoMemberWithAConflictOfInterestPutsTheEmergencyApprovalBackToThePmo() {
    ProcessInstance instance = assessed(true);
    execute(job("Task_NotifyPmoOfEmergency", instance));
    String first = task(instance).getId();

    conflicts = 1;
    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_ApproveEmergencyChange").hasNotPassed("Task_ConfirmEmergencyChange",
        "Task_RollBackChange");
    assertThat(task(instance)).hasCandidateGroup("pmo");
    assertThat(task(instance).getId()).isNotEqualTo(first);
  }

  @Test
  void anOverdueApprovalIsEscalatedAndStaysOpen() throws Exception {
    ProcessInstance instance = assessed(false);
    int approvals = open(instance, "Task_ApproveChange").size();

    execute(managementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("BoundaryEvent_ChangeApprovalOverdue").list().get(0));
    execute(job("Task_EscalateChangeApproval", instance));

    verify(escalate).execute(any());
    assertThat(open(instance, "Task_ApproveChange")).hasSize(approvals);
    assertThat(instance).hasPassed("EndEvent_ChangeApprovalEscalated").hasNotPassed("Task_DecideChange");
  }

  @Test
  void anOverdueReapprovalIsEscalatedAndStaysOpen() throws Exception {
    overrun = true;
    ProcessInstance instance = assessed(false);
    open(instance, "Task_ApproveChange").forEach(approval -> taskService().complete(approval.getId()));
    int reapprovals = open(instance, "Task_ReapproveProject").size();

    execute(managementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("BoundaryEvent_ReapprovalOverdue").list().get(0));
    execute(job("Task_EscalateReapproval", instance));

    verify(escalate).execute(any());
    assertThat(open(instance, "Task_ReapproveProject")).hasSize(reapprovals);
    assertThat(instance).hasPassed("EndEvent_ReapprovalEscalated").hasNotPassed("Task_DecideReapproval");
  }

  @Test
  void aLateEmergencyApprovalIsEscalatedAndStaysOpen() throws Exception {
    ProcessInstance instance = assessed(true);
    execute(job("Task_NotifyPmoOfEmergency", instance));
    String approval = task(instance).getId();
    verify(escalate, never()).execute(any());

    execute(job("BoundaryEvent_EmergencyApprovalLate", instance));
    execute(job("Task_EscalateLateEmergencyApproval", instance));

    verify(escalate).execute(any());
    assertThat(instance).hasPassed("EndEvent_EmergencyApprovalEscalated").isWaitingAt("Task_ApproveEmergencyChange");
    assertThat(task(instance).getId()).isEqualTo(approval);
  }
}
