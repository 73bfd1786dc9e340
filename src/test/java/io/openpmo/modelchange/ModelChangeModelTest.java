package io.openpmo.modelchange;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.openpmo.support.ModelTest;
import java.util.ArrayDeque;
import java.util.Deque;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** modelChange, model only: checks, simulation, deployment and the review listener mocked. */
@Deployment(resources = "processes/model-change.bpmn")
class ModelChangeModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  boolean checksPass = true;
  /** What the reviewer answers at each review, in order: APPROVE, REJECT or CONFLICT (declares a conflict). */
  final Deque<String> reviews = new ArrayDeque<>();

  JavaDelegate simulate;
  JavaDelegate deploy;
  JavaDelegate recordRejection;
  JavaDelegate escalate;

  @BeforeEach
  void mocks() {
    delegate("checkModelChangeDelegate", execution -> execution.setVariable(ModelChangeVariables.CHECKS_PASSED,
        checksPass));
    simulate = delegate("simulateModelChangeDelegate");
    listener("reviewTaskListener", task -> {
      if (!"complete".equals(task.getEventName())) {
        return;
      }
      String review = reviews.isEmpty() ? "APPROVE" : reviews.pop();
      task.getExecution().setVariable("conflictDeclared", "CONFLICT".equals(review));
      if (!"CONFLICT".equals(review)) {
        task.getExecution().getProcessInstance().setVariable(ModelChangeVariables.REJECTED, "REJECT".equals(review));
      }
    });
    deploy = delegate("deployModelChangeDelegate");
    recordRejection = delegate("recordModelChangeRejectionDelegate");
    escalate = delegate("escalateOverdueReviewDelegate");
  }

  /** As the model change service starts it. */
  ProcessInstance propose() {
    return runtimeService().startProcessInstanceByKey(ModelChangeVariables.PROCESS_KEY, "MC-1", withVariables(
        ModelChangeVariables.MODEL_CHANGE_ID, 1L, ModelChangeVariables.REJECTED, false));
  }

  /** Checked, simulated, waiting for its reviewer. */
  ProcessInstance checked() {
    ProcessInstance instance = propose();
    assertThat(instance).isWaitingAt("Task_ReviewModelChange");
    assertThat(task(instance)).hasCandidateGroup("pmo").hasCandidateGroup("compliance");
    return instance;
  }

  @Test
  void anApprovedChangeIsDeployedAfterChecksSimulationAndReview() throws Exception {
    ProcessInstance instance = checked();

    complete(task(instance));

    verify(deploy).execute(any());
    verify(recordRejection, never()).execute(any());
    assertThat(instance).hasPassedInOrder("Task_RunChecks", "Task_SimulateChange", "Task_ReviewModelChange",
        "Task_DeployModelChange").isEnded().hasPassed("EndEvent_ChangeInForce");
  }

  @Test
  void aChangeThatFailsItsChecksEndsRefusedWithoutSimulationOrReview() throws Exception {
    checksPass = false;

    ProcessInstance instance = propose();

    verify(simulate, never()).execute(any());
    verify(deploy, never()).execute(any());
    assertThat(instance).hasNotPassed("Task_ReviewModelChange").isEnded().hasPassed("EndEvent_RefusedByChecks");
  }

  @Test
  void aRejectedChangeIsRecordedAndNeverDeployed() throws Exception {
    reviews.add("REJECT");
    ProcessInstance instance = checked();

    complete(task(instance));

    verify(recordRejection).execute(any());
    verify(deploy, never()).execute(any());
    assertThat(instance).hasPassed("Task_RecordRejection").hasNotPassed("Task_DeployModelChange").isEnded()
        .hasPassed("EndEvent_ChangeRejected");
  }

  @Test
  void aReviewerWhoDeclaresAConflictPutsTheReviewBackToTheGroups() throws Exception {
    reviews.add("CONFLICT");
    reviews.add("REJECT");
    ProcessInstance instance = checked();

    complete(task(instance));

    assertThat(instance).isWaitingAt("Task_ReviewModelChange");
    assertThat(task(instance)).hasCandidateGroup("pmo").hasCandidateGroup("compliance");
    verify(deploy, never()).execute(any());
    verify(recordRejection, never()).execute(any());

    complete(task(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_ChangeRejected");
  }

  @Test
  void anOverdueReviewIsEscalatedAndStaysOpen() throws Exception {
    ProcessInstance instance = checked();

    execute(job("BoundaryEvent_ReviewOverdue", instance));
    execute(job("Task_EscalateOverdueReview", instance));

    verify(escalate).execute(any());
    assertThat(instance).hasPassed("EndEvent_ReviewEscalated").isWaitingAt("Task_ReviewModelChange");
    complete(task(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_ChangeInForce");
  }
}
