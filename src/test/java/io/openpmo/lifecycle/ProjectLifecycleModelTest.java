package io.openpmo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.openpmo.support.ModelTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** projectLifecycle, model only: delegates and listeners mocked, the gate reviews (G1, G2, GX) stubbed. */
@Deployment(resources = {"processes/project-lifecycle.bpmn", "models/stub-stage-gate-review.bpmn"})
class ProjectLifecycleModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  int capacityConflicts = 0;
  boolean pmQualified = true;
  /** Answers of the generic decision tasks (PM exception, hold decision, ...), in order. */
  final Deque<String> decisions = new ArrayDeque<>();
  int missedReports = 0;

  @BeforeEach
  void mocks() {
    listener("planProjectListener");
    delegate("checkResourceCapacityDelegate", execution -> execution.setVariable("capacitySufficient",
        capacityConflicts-- <= 0));
    listener("resolveOverallocationListener");
    delegate("checkPmQualificationDelegate", execution -> execution.setVariable("pmQualified", pmQualified));
    listener("decisionTaskListener", task -> {
      if ("complete".equals(task.getEventName()) && !decisions.isEmpty()) {
        task.getExecution().setVariable((String) task.getVariable("decisionVariable"), decisions.pop());
      }
    });
    delegate("recordPmExceptionDelegate");
    delegate("putBaselineInForceDelegate");
    listener("statusReportListener");
    delegate("announceStatusReportDelegate");
    delegate("recordMissedReportDelegate", execution -> execution.setVariable("missedReports", ++missedReports));
    for (String name : List.of("gatherHealthFactsDelegate", "recordHealthDelegate", "raiseChangeRequestDelegate",
        "askForChangeRequestDelegate", "noteChangeRequestDelegate", "recordCancellationDelegate",
        "startClosureDelegate", "recordStopDelegate", "resumeProjectDelegate")) {
      delegate(name);
    }
    delegate("putOnHoldDelegate", execution -> execution.setVariable("holdAt", "G1"));
  }

  ProcessInstance approvedProject() {
    return runtimeService().startProcessInstanceByKey("projectLifecycle", "PRJ-2026-0001", withVariables(
        "projectId", 1L, "projectManager", "paul", "statusReportCycle", "R/P1M", "statusReportGrace", "P1M"));
  }

  /** The gate review called right now answers with this outcome. */
  void gate(ProcessInstance instance, String outcome) {
    complete(task("Task_StubGate", calledProcessInstance(instance)), withVariables("gateOutcome", outcome));
  }

  @Test
  void aPlannedProjectPassesG1IsDeliveredPassesG2AndGoesToClosure() {
    // Given an approved project whose plan fits capacity and whose manager is qualified
    ProcessInstance instance = approvedProject();
    assertThat(instance).isWaitingAt("Task_PlanProject");
    assertThat(task(instance)).hasCandidateGroup("projectManagers");
    complete(task(instance));

    // When G1 says GO, the manager declares delivery ready and G2 says GO
    assertThat(instance).isWaitingAt("CallActivity_PlanApproval");
    gate(instance, "GO");
    assertThat(instance).isWaitingAt("Task_DeclareDeliveryReady");
    assertThat(task("Task_DeclareDeliveryReady", instance)).isAssignedTo("paul");
    complete(task("Task_DeclareDeliveryReady", instance));
    gate(instance, "GO");

    // Then the baseline was put in force and closure was started
    assertThat(instance).hasPassedInOrder("Task_PlanProject", "Task_CheckResourceCapacity",
        "Task_CheckPmQualification", "CallActivity_PlanApproval", "Task_PutBaselineInForce", "SubProcess_Delivery",
        "CallActivity_DeliveryReadiness", "Task_StartClosure").isEnded().hasPassed("EndEvent_HandedOverToClosure");
  }

  @Test
  void anOverAllocationIsResolvedByTheResourceManagersAndCheckedAgain() {
    capacityConflicts = 1;
    ProcessInstance instance = approvedProject();
    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_ResolveOverallocation");
    assertThat(task(instance)).hasCandidateGroup("resourceManagers");
    complete(task(instance));

    assertThat(instance).isWaitingAt("CallActivity_PlanApproval");
  }

  @Test
  void anUnqualifiedManagerNeedsAPmoExceptionOrTheProjectIsPlannedAgain() {
    pmQualified = false;
    decisions.add("REPLAN");
    decisions.add("GRANT");
    ProcessInstance instance = approvedProject();
    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_DecidePmException");
    complete(task(instance));
    assertThat(instance).isWaitingAt("Task_PlanProject");

    complete(task(instance));
    complete(task(instance));
    assertThat(instance).hasPassed("Task_RecordPmException").isWaitingAt("CallActivity_PlanApproval");
  }

  @Test
  void g1CanSendThePlanBackOrStopTheProject() {
    ProcessInstance instance = approvedProject();
    complete(task(instance));

    gate(instance, "RECYCLE");
    assertThat(instance).isWaitingAt("Task_PlanProject");
    complete(task(instance));

    gate(instance, "STOP");
    assertThat(instance).hasPassedInOrder("Task_RecordStop", "Task_StartClosureAfterStop")
        .hasNotPassed("Task_PutBaselineInForce").isEnded().hasPassed("EndEvent_ProjectStopped");
  }

  @Test
  void aProjectHeldAtG1ResumesAtG1() {
    decisions.add("RESUME");
    ProcessInstance instance = approvedProject();
    complete(task(instance));

    gate(instance, "HOLD");
    assertThat(instance).hasPassed("Task_PutOnHold").isWaitingAt("Task_DecideOnHold");
    assertThat(task(instance)).hasCandidateGroup("pmo");
    complete(task(instance));

    assertThat(instance).hasPassed("Task_ResumeProject").isWaitingAt("CallActivity_PlanApproval");
  }

  @Test
  void aStatusReportIsDueEveryCycleAndTwoMissedInARowGoToThePmo() {
    ProcessInstance instance = approvedProject();
    complete(task(instance));
    gate(instance, "GO");

    for (int cycle = 1; cycle <= 2; cycle++) {
      execute(job("StartEvent_StatusReportDue", instance));
      assertThat(task("Task_SubmitStatusReport", instance)).isAssignedTo("paul");
      execute(job("BoundaryEvent_ReportMissed", instance));
    }

    assertThat(instance).hasPassed("Task_RecordMissedReport", "EndEvent_ReportMissed")
        .isWaitingAt("Task_ChaseStatusReports", "Task_DeclareDeliveryReady");
    assertThat(task("Task_ChaseStatusReports", instance)).hasCandidateGroup("pmo");
  }
}
