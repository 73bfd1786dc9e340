package io.openpmo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.openpmo.support.ModelTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * projectLifecycle, model only: delegates and listeners mocked, the gate reviews (G1, G2, GX) stubbed; the health
 * check rates the facts the (mocked) fact-gathering step provides with the real projectHealth table.
 */
@Deployment(resources = {"processes/project-lifecycle.bpmn", "dmn/project-health.dmn",
    "models/stub-stage-gate-review.bpmn"})
class ProjectLifecycleModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  int capacityConflicts = 0;
  boolean pmQualified = true;
  /** Answers of the generic decision tasks (PM exception, hold decision, ...), in order. */
  final Deque<String> decisions = new ArrayDeque<>();
  int missedReports = 0;
  /** Where the project is put on hold (what the real step records from the current phase). */
  String holdAt = "G1";
  /** The facts the health check finds: healthy unless a test says otherwise. */
  double cpi = 1.0;
  final Map<String, JavaDelegate> delegates = new HashMap<>();

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
    // as the real step: tells the health check of the same instance
    delegate("announceStatusReportDelegate", execution -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation("StatusReportRecorded").processInstanceId(execution.getProcessInstanceId())
        .correlateWithResult());
    delegate("recordMissedReportDelegate", execution -> {
      execution.setVariable("missedReports", ++missedReports);
      execution.setVariable("chaseOpen", Variables.booleanValue(taskService().createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey("Task_ChaseStatusReports").count() > 0,
          true));
    });
    delegate("gatherHealthFactsDelegate", execution -> execution.setVariables(withVariables("cpi", cpi, "spi", 1.0,
        "openCriticalIssues", 0, "openHighRisks", 0, "regulatoryDeadlineMissed", false)));
    // as the real step: says whether the PMO's intervention on the project is already open
    delegates.put("recordHealthDelegate", delegate("recordHealthDelegate", execution -> execution.setVariable(
        "interventionOpen", Variables.booleanValue("RED".equals(execution.getVariable("health"))
            && taskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey("Task_InterveneOnRedProject").count() > 0, true))));
    for (String name : List.of("raiseChangeRequestDelegate",
        "askForChangeRequestDelegate", "noteChangeRequestDelegate", "recordCancellationDelegate",
        "startClosureDelegate", "recordStopDelegate", "resumeProjectDelegate")) {
      delegates.put(name, delegate(name));
    }
    delegate("putOnHoldDelegate", execution -> execution.setVariable("holdAt", holdAt));
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

    // a third missed report while the chase is open is counted, and the PMO still has one chase to do
    execute(job("StartEvent_StatusReportDue", instance));
    execute(job("BoundaryEvent_ReportMissed", instance));
    assertThat(missedReports).isEqualTo(3);
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ChaseStatusReports").count()).isOne();
    // chased: the next missed report in a row opens the next chase
    decisions.add("CHASED");
    complete(task("Task_ChaseStatusReports", instance));
    execute(job("StartEvent_StatusReportDue", instance));
    execute(job("BoundaryEvent_ReportMissed", instance));
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Task_ChaseStatusReports").count()).isEqualTo(2);
  }

  /** Planned and through G1: in delivery, waiting for the manager to declare it ready for G2. */
  ProcessInstance inDelivery() {
    ProcessInstance instance = approvedProject();
    complete(task(instance));
    gate(instance, "GO");
    assertThat(instance).isWaitingAt("Task_DeclareDeliveryReady");
    return instance;
  }

  /** A status report is due and submitted; the health check rates it. */
  void reportSubmitted(ProcessInstance instance) {
    execute(job("StartEvent_StatusReportDue", instance));
    complete(task("Task_SubmitStatusReport", instance));
  }

  @Test
  void aSubmittedStatusReportIsRatedAndAGreenProjectGoesOnWithoutIntervention() throws Exception {
    ProcessInstance instance = inDelivery();

    reportSubmitted(instance);

    verify(delegates.get("recordHealthDelegate")).execute(any());
    assertThat(instance).hasPassedInOrder("Task_SubmitStatusReport", "Task_GatherHealthFacts", "Task_RateHealth",
        "Task_RecordHealth").hasPassed("Event_StatusReportAnnounced", "EndEvent_StatusReported",
        "EndEvent_HealthRecorded").hasNotPassed("Task_InterveneOnRedProject")
        .isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void aRedProjectGoesToThePmoWhichMayAgreeARecoveryPlan() {
    cpi = 0.8;
    ProcessInstance instance = inDelivery();
    reportSubmitted(instance);

    assertThat(instance).isWaitingAt("Task_InterveneOnRedProject", "Task_DeclareDeliveryReady");
    assertThat(task("Task_InterveneOnRedProject", instance)).hasCandidateGroup("pmo");
    decisions.add("RECOVERY_PLAN");
    complete(task("Task_InterveneOnRedProject", instance));

    assertThat(instance).hasPassed("EndEvent_RecoveryPlanAgreed").hasNotPassed("Task_RaiseChangeRequest")
        .isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void aFurtherRedReportWhileTheInterventionIsOpenOpensNoSecondOne() {
    cpi = 0.8;
    ProcessInstance instance = inDelivery();
    reportSubmitted(instance);
    reportSubmitted(instance);

    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_InterveneOnRedProject").count()).isOne();
    assertThat(instance).hasPassed("EndEvent_InterventionAlreadyOpen");
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Task_RecordHealth").count()).isEqualTo(2);

    // decided: the next RED report opens the next intervention
    decisions.add("RECOVERY_PLAN");
    complete(task("Task_InterveneOnRedProject", instance));
    reportSubmitted(instance);
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("Task_InterveneOnRedProject").count()).isEqualTo(2);
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_InterveneOnRedProject").count()).isOne();
  }

  @Test
  void thePmoMayRaiseAChangeRequestForARedProjectAndAskItsManagerToAssessIt() throws Exception {
    cpi = 0.8;
    ProcessInstance instance = inDelivery();
    reportSubmitted(instance);

    decisions.add("CHANGE_REQUEST");
    complete(task("Task_InterveneOnRedProject", instance));

    verify(delegates.get("raiseChangeRequestDelegate")).execute(any());
    verify(delegates.get("askForChangeRequestDelegate"), never()).execute(any());
    execute(job("Task_AskForChangeRequest", instance));
    verify(delegates.get("askForChangeRequestDelegate")).execute(any());
    assertThat(instance).hasPassed("EndEvent_ChangeRequested").isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void anExtraordinaryGateThatStopsTheProjectEndsDeliveryAndStartsClosure() throws Exception {
    cpi = 0.8;
    ProcessInstance instance = inDelivery();
    reportSubmitted(instance);

    decisions.add("EXTRAORDINARY_GATE");
    complete(task("Task_InterveneOnRedProject", instance));
    assertThat(instance).isWaitingAt("CallActivity_ExtraordinaryGate");
    assertThat(calledProcessInstance(instance)).variables().containsEntry("gate", "GX");
    gate(instance, "STOP");

    verify(delegates.get("recordStopDelegate")).execute(any());
    assertThat(instance).hasPassedInOrder("EndEvent_StopRequested", "BoundaryEvent_DeliveryStopped",
        "Task_RecordStop", "Task_StartClosureAfterStop").hasNotPassed("CallActivity_DeliveryReadiness")
        .isEnded().hasPassed("EndEvent_ProjectStopped");
  }

  @Test
  void anExtraordinaryGateThatHoldsTheProjectPutsItOnHoldAndItResumesInDelivery() {
    cpi = 0.8;
    holdAt = "DELIVERY";
    ProcessInstance instance = inDelivery();
    reportSubmitted(instance);
    decisions.add("EXTRAORDINARY_GATE");
    complete(task("Task_InterveneOnRedProject", instance));

    gate(instance, "HOLD");
    assertThat(instance).hasPassed("EndEvent_HoldRequested", "BoundaryEvent_DeliveryOnHold", "Task_PutOnHold")
        .isWaitingAt("Task_DecideOnHold").isNotWaitingAt("Task_DeclareDeliveryReady");

    decisions.add("RESUME");
    complete(task("Task_DecideOnHold", instance));
    assertThat(instance).hasPassed("Task_ResumeProject").isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void anExtraordinaryGateThatLetsTheProjectContinueLeavesDeliveryAsItWas() {
    cpi = 0.8;
    ProcessInstance instance = inDelivery();
    reportSubmitted(instance);
    decisions.add("EXTRAORDINARY_GATE");
    complete(task("Task_InterveneOnRedProject", instance));

    gate(instance, "GO");

    assertThat(instance).hasPassed("EndEvent_GxPassed").hasNotPassed("Task_PutOnHold", "Task_RecordStop")
        .isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void g2CanSendDeliveryBackHoldTheProjectAtG2OrStopIt() {
    holdAt = "G2";
    ProcessInstance instance = inDelivery();

    complete(task("Task_DeclareDeliveryReady", instance));
    gate(instance, "RECYCLE");
    assertThat(instance).isWaitingAt("Task_DeclareDeliveryReady");

    complete(task("Task_DeclareDeliveryReady", instance));
    gate(instance, "HOLD");
    assertThat(instance).hasPassed("Task_PutOnHold").isWaitingAt("Task_DecideOnHold");
    decisions.add("RESUME");
    complete(task("Task_DecideOnHold", instance));
    assertThat(instance).as("resumed at G2").isWaitingAt("CallActivity_DeliveryReadiness");

    gate(instance, "STOP");
    assertThat(instance).hasPassed("Task_RecordStop").hasNotPassed("Task_StartClosure").isEnded()
        .hasPassed("EndEvent_ProjectStopped");
  }

  @Test
  void thePmoMayStopAProjectOnHold() {
    ProcessInstance instance = approvedProject();
    complete(task(instance));
    gate(instance, "HOLD");

    decisions.add("STOP");
    complete(task("Task_DecideOnHold", instance));

    assertThat(instance).hasPassed("Task_RecordStop").hasNotPassed("Task_ResumeProject").isEnded()
        .hasPassed("EndEvent_ProjectStopped");
  }

  @Test
  void aSingleMissedReportIsRecordedWithoutChasing() {
    ProcessInstance instance = inDelivery();

    execute(job("StartEvent_StatusReportDue", instance));
    execute(job("BoundaryEvent_ReportMissed", instance));

    assertThat(instance).hasPassed("Task_RecordMissedReport", "EndEvent_ReportMissed")
        .hasNotPassed("Task_ChaseStatusReports").isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void aChangeRequestRaisedForTheProjectIsNotedWithoutInterruptingIt() throws Exception {
    ProcessInstance instance = inDelivery();

    runtimeService().createMessageCorrelation("ChangeRequested").processInstanceId(instance.getId()).correlate();

    verify(delegates.get("noteChangeRequestDelegate")).execute(any());
    assertThat(instance).hasPassed("EndEvent_ChangeNoted").isWaitingAt("Task_DeclareDeliveryReady");
  }

  @Test
  void aCancelledProjectIsRecordedAndHandedToClosure() throws Exception {
    ProcessInstance instance = inDelivery();

    runtimeService().createMessageCorrelation("CancelProject").processInstanceId(instance.getId()).correlate();

    verify(delegates.get("recordCancellationDelegate")).execute(any());
    verify(delegates.get("startClosureDelegate")).execute(any());
    assertThat(instance).hasPassedInOrder("Task_RecordCancellation", "Task_StartClosureAfterCancellation")
        .hasNotPassed("Task_RecordStop").isEnded().hasPassed("EndEvent_ProjectCancelled");
  }
}
