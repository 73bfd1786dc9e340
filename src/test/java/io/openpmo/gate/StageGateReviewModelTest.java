package io.openpmo.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.openpmo.support.ModelTest;
import java.util.HashMap;
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

/** stageGateReview, model only: reviewers from the real gateReviewers table, delegates and listeners mocked. */
@Deployment(resources = {"processes/stage-gate-review.bpmn", "dmn/gate-reviewers.dmn"})
class StageGateReviewModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  JavaDelegate decideGate;
  JavaDelegate escalate;
  /** What the next review decides: STOP ends the review at once, "conflict" puts the task back to its group. */
  String nextReview = "GO";

  @BeforeEach
  void mocks() {
    delegate("openGateReviewDelegate");
    delegate("recordGateReviewersDelegate");
    listener("gateChecklistListener");
    listener("reviewTaskListener", task -> {
      if (!"complete".equals(task.getEventName())) {
        return;
      }
      if ("conflict".equals(nextReview)) {
        task.getExecution().setVariable("conflictDeclared", true);
        nextReview = "GO";
      } else if ("STOP".equals(nextReview)) {
        task.getExecution().setVariable("gateStopped", true);
      }
    });
    decideGate = delegate("decideGateDelegate");
    escalate = delegate("escalateOverdueReviewDelegate");
  }

  /** G1 of a MEDIUM-risk strategic project of 800k: the table names its reviewers. */
  ProcessInstance startG1() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("projectId", 1L);
    variables.put("gate", "G1");
    variables.put("projectManager", "paul");
    variables.put("gateStopped", false);
    variables.put("riskTier", "MEDIUM");
    variables.put("budget", 800_000.0);
    variables.put("thirdParty", "NONE");
    variables.put("personalData", false);
    variables.put("criticalFunction", false);
    variables.put("newTechnology", false);
    variables.put("projectType", "STRATEGIC");
    return runtimeService().startProcessInstanceByKey("stageGateReview", variables);
  }

  List<Task> reviews(ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ReviewGate")
        .list();
  }

  @Test
  void everyReviewerGroupDecidesThenTheGateIsRecorded() throws Exception {
    // Given the checklist is done
    ProcessInstance instance = startG1();
    assertThat(instance).isWaitingAt("Task_CompleteGateChecklist");
    assertThat(task()).isAssignedTo("paul");
    complete(task(instance));

    // When every reviewer group decides
    List<Task> reviews = reviews(instance);
    assertThat(reviews).isNotEmpty();
    reviews.forEach(review -> taskService().complete(review.getId()));

    // Then the decision is recorded and the gate review ends
    assertThat(instance).hasPassedInOrder("Task_OpenGateReview", "Task_DetermineGateReviewers",
        "Task_RecordGateReviewers", "Task_CompleteGateChecklist", "Task_ReviewGate", "Task_DecideGate")
        .isEnded();
    verify(decideGate).execute(any());
  }

  @Test
  void aStopEndsTheReviewWithoutWaitingForTheOtherGroups() {
    ProcessInstance instance = startG1();
    complete(task(instance));
    List<Task> reviews = reviews(instance);
    assertThat(reviews).hasSizeGreaterThan(1);

    nextReview = "STOP";
    taskService().complete(reviews.get(0).getId());

    assertThat(reviews(instance)).isEmpty();
    assertThat(instance).hasPassed("Task_DecideGate").isEnded();
  }

  @Test
  void aDeclaredConflictPutsTheReviewBackToItsGroup() throws Exception {
    ProcessInstance instance = startG1();
    complete(task(instance));
    int open = reviews(instance).size();

    nextReview = "conflict";
    taskService().complete(reviews(instance).get(0).getId());

    assertThat(reviews(instance)).hasSize(open);
    assertThat(instance).isNotEnded();
    verify(decideGate, never()).execute(any());
  }

  @Test
  void anOverdueReviewIsEscalatedAndStaysOpen() throws Exception {
    ProcessInstance instance = startG1();
    complete(task(instance));
    int open = reviews(instance).size();

    // the 5-day timer of one review fires; the escalation is an asynchronous step of its own
    execute(managementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("BoundaryEvent_GateReviewOverdue").list().get(0));
    execute(job("Task_EscalateOverdueGateReview", instance));

    verify(escalate).execute(any());
    assertThat(reviews(instance)).hasSize(open);
    assertThat(instance).hasPassed("EndEvent_GateReviewEscalated").isNotEnded();
  }
}
