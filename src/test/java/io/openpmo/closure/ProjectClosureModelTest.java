package io.openpmo.closure;

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
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** projectClosure, model only: delegates and listeners mocked, stageGateReview replaced by a stub. */
@Deployment(resources = {"processes/project-closure.bpmn", "models/stub-stage-gate-review.bpmn"})
class ProjectClosureModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  /** What the sponsor answers at each acceptance, in order. */
  final Deque<String> acceptances = new ArrayDeque<>();
  /** Open gate conditions found at each check, in order. */
  final Deque<Integer> openConditions = new ArrayDeque<>();

  @BeforeEach
  void mocks() {
    delegate("openClosureDelegate");
    delegate("releaseAllocationsDelegate");
    delegate("checkGateConditionsDelegate", execution -> execution.setVariable("openConditions",
        openConditions.isEmpty() ? 0 : openConditions.pop()));
    delegate("generateFinalReportDelegate");
    delegate("closeProjectDelegate", execution -> execution.setVariable("benefitsReviewDue",
        "DELIVERED".equals(execution.getVariable("closureReason")) ? new Date() : null));
    delegate("notifyClosureDelegate");
    listener("acceptanceListener", task -> {
      if ("complete".equals(task.getEventName())) {
        task.getExecution().setVariable("acceptance", acceptances.isEmpty() ? "ACCEPTED" : acceptances.pop());
      }
    });
    for (String name : List.of("decisionTaskListener", "finalFiguresListener", "lessonsListener",
        "settleConditionsListener", "benefitsReviewListener")) {
      listener(name);
    }
  }

  ProcessInstance start(String reason) {
    return runtimeService().startProcessInstanceByKey("projectClosure", "PRJ-2026-0001", withVariables(
        "projectId", 1L, "closureReason", reason, "sponsor", "sam", "closureManager", "paul"));
  }

  /** Runs the asynchronous report step, then decides G3 in the stubbed gate review. */
  void g3(ProcessInstance instance, String outcome) {
    execute(job("Task_GenerateFinalReport", instance));
    assertThat(instance).isWaitingAt("CallActivity_ClosureApproval");
    complete(task("Task_StubGate", calledProcessInstance(instance)), withVariables("gateOutcome", outcome));
  }

  @Test
  void aDeliveredProjectIsAcceptedClosedAndItsBenefitsReviewedLater() {
    // Given a delivered project
    ProcessInstance instance = start("DELIVERED");

    // When the sponsor accepts, the project manager records figures and lessons, and G3 says GO
    assertThat(instance).isWaitingAt("Task_AcceptDeliverables");
    assertThat(task(instance)).isAssignedTo("sam");
    complete(task(instance));
    assertThat(instance).isWaitingAt("Task_RecordFinalFigures");
    complete(task(instance));
    complete(task(instance));
    g3(instance, "GO");

    // Then it is closed, the mails go out asynchronously, and the benefits review waits for its date
    execute(job("Task_NotifyClosure", instance));
    assertThat(instance).isWaitingAt("Event_BenefitsReviewDue");
    execute(job("Event_BenefitsReviewDue", instance));
    assertThat(task(instance)).hasDefinitionKey("Task_ReviewBenefits").isAssignedTo("sam");
    complete(task(instance));
    assertThat(instance).hasPassedInOrder("Task_OpenClosure", "Task_ReleaseAllocations", "Task_AcceptDeliverables",
        "Task_RecordFinalFigures", "Task_RecordLessons", "Task_CheckGateConditions", "Task_GenerateFinalReport",
        "CallActivity_ClosureApproval", "Task_CloseProject", "Task_NotifyClosure", "Task_ReviewBenefits")
        .isEnded().hasPassed("EndEvent_BenefitsReviewed");
  }

  @Test
  void aStoppedProjectHasNothingToAcceptAndNoBenefitsToReview() {
    ProcessInstance instance = start("STOPPED");

    assertThat(instance).isWaitingAt("Task_RecordFinalFigures");
    complete(task(instance));
    complete(task(instance));
    g3(instance, "GO");
    execute(job("Task_NotifyClosure", instance));

    assertThat(instance).hasNotPassed("Task_AcceptDeliverables").hasNotPassed("Task_ReviewBenefits")
        .isEnded().hasPassed("EndEvent_ProjectClosed");
  }

  @Test
  void aRefusedAcceptanceGoesToTheProjectManagerAndBackToTheSponsor() {
    acceptances.add("REFUSED");
    ProcessInstance instance = start("DELIVERED");

    complete(task(instance));
    assertThat(instance).isWaitingAt("Task_AddressRefusal");
    assertThat(task(instance)).isAssignedTo("paul");
    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_AcceptDeliverables");
    complete(task(instance));
    assertThat(instance).isWaitingAt("Task_RecordFinalFigures");
  }

  @Test
  void openGateConditionsGoToThePmoUntilNoneIsLeft() {
    openConditions.add(2);
    ProcessInstance instance = start("STOPPED");
    complete(task(instance));
    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_SettleGateConditions");
    assertThat(task(instance)).hasCandidateGroup("pmo");
    complete(task(instance));

    assertThat(instance).hasPassed("Task_CheckGateConditions").isWaitingAt("Task_GenerateFinalReport");
  }

  @Test
  void g3CanSendTheClosureBackForRevisionOrForItsConditions() {
    ProcessInstance instance = start("STOPPED");
    complete(task(instance));
    complete(task(instance));

    g3(instance, "RECYCLE");
    assertThat(instance).isWaitingAt("Task_RecordFinalFigures");
    complete(task(instance));
    complete(task(instance));

    openConditions.add(1);
    g3(instance, "GO_WITH_CONDITIONS");
    assertThat(instance).isWaitingAt("Task_SettleGateConditions");
  }
}
