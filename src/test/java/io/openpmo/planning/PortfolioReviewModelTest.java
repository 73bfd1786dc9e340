package io.openpmo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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

/** portfolioReview, model only: the listener, the consolidation and the plan's adoption mocked. */
@Deployment(resources = "processes/portfolio-review.bpmn")
class PortfolioReviewModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  /** What the consolidation of each round finds: ENDORSED or REWORK, in order (ENDORSED when none is left). */
  final Deque<String> reviewOutcomes = new ArrayDeque<>();
  /** What the executive committee decides at each approval: APPROVE or REWORK, in order (APPROVE when none). */
  final Deque<String> executiveDecisions = new ArrayDeque<>();

  int consolidations = 0;
  JavaDelegate reopen;
  JavaDelegate adopt;
  JavaDelegate notifyPlan;

  @BeforeEach
  void mocks() {
    listener("portfolioReviewListener", task -> {
      if ("complete".equals(task.getEventName())
          && PortfolioReviewVariables.TASK_APPROVE.equals(task.getTaskDefinitionKey())) {
        task.getExecution().getProcessInstance().setVariable(PortfolioReviewVariables.EXECUTIVE_DECISION,
            executiveDecisions.isEmpty() ? "APPROVE" : executiveDecisions.pop());
      }
    });
    delegate("consolidatePortfolioReviewsDelegate", execution -> {
      consolidations++;
      execution.setVariable(PortfolioReviewVariables.REVIEWS_OUTCOME,
          reviewOutcomes.isEmpty() ? "ENDORSED" : reviewOutcomes.pop());
    });
    reopen = delegate("reopenPortfolioReviewDelegate");
    adopt = delegate("adoptPortfolioPlanDelegate");
    notifyPlan = delegate("notifyPortfolioPlanDelegate");
  }

  /** As the PMO opens it (POST /api/v1/portfolio-reviews). */
  ProcessInstance open() {
    return runtimeService().startProcessInstanceByKey(PortfolioReviewVariables.PROCESS_KEY, "PR-2027",
        withVariables(PortfolioReviewVariables.REVIEW_ID, 1L));
  }

  /** The PMO puts scenarios forward; finance and the steering committee review them in parallel. */
  void putForwardAndReview(ProcessInstance instance) {
    assertThat(instance).isWaitingAt(PortfolioReviewVariables.TASK_PREPARE);
    assertThat(task(instance)).hasCandidateGroup("pmo");
    complete(task(instance));

    assertThat(instance).isWaitingAt(PortfolioReviewVariables.TASK_REVIEW_FINANCE,
        PortfolioReviewVariables.TASK_REVIEW_STEERING);
    assertThat(task(PortfolioReviewVariables.TASK_REVIEW_FINANCE, instance)).hasCandidateGroup("finance");
    assertThat(task(PortfolioReviewVariables.TASK_REVIEW_STEERING, instance)).hasCandidateGroup("steeringCommittee");
    int before = consolidations;
    complete(task(PortfolioReviewVariables.TASK_REVIEW_FINANCE, instance));
    assertThat(consolidations).as("the consolidation waits for both reviews").isEqualTo(before);
    complete(task(PortfolioReviewVariables.TASK_REVIEW_STEERING, instance));
    assertThat(consolidations).isEqualTo(before + 1);
  }

  @Test
  void scenariosEndorsedByBothAndApprovedBecomeThePortfolioPlan() throws Exception {
    // Given an opened review
    ProcessInstance instance = open();

    // When finance and the steering committee endorse the scenarios and the executive committee approves one
    putForwardAndReview(instance);
    assertThat(instance).isWaitingAt(PortfolioReviewVariables.TASK_APPROVE);
    assertThat(task(instance)).hasCandidateGroup("executiveCommittee");
    complete(task(instance));

    // Then the plan is adopted, and everybody is told asynchronously
    verify(adopt).execute(any());
    verify(notifyPlan, never()).execute(any());
    execute(job("Task_NotifyPlanAdopted", instance));
    verify(notifyPlan).execute(any());
    verify(reopen, never()).execute(any());
    assertThat(instance).hasPassedInOrder("Task_PrepareScenarios", "Task_ConsolidateReviews", "Task_ApproveScenario",
        "Task_AdoptPlan", "Task_NotifyPlanAdopted").isEnded().hasPassed("EndEvent_PlanAdopted");
  }

  @Test
  void aReviewThatAsksForReworkOpensTheNextRoundWithoutTheExecutiveCommittee() throws Exception {
    reviewOutcomes.add("REWORK");
    ProcessInstance instance = open();

    putForwardAndReview(instance);

    verify(reopen).execute(any());
    assertThat(instance).hasNotPassed(PortfolioReviewVariables.TASK_APPROVE)
        .isWaitingAt(PortfolioReviewVariables.TASK_PREPARE);
    assertThat(task(instance)).hasCandidateGroup("pmo");

    // the second round is endorsed
    putForwardAndReview(instance);
    assertThat(instance).isWaitingAt(PortfolioReviewVariables.TASK_APPROVE);
  }

  @Test
  void theExecutiveCommitteeCanSendTheScenariosBackForAnotherRound() throws Exception {
    executiveDecisions.add("REWORK");
    ProcessInstance instance = open();
    putForwardAndReview(instance);

    complete(task(instance));

    verify(reopen).execute(any());
    verify(adopt, never()).execute(any());
    assertThat(instance).hasPassed("Task_ReopenReview").isWaitingAt(PortfolioReviewVariables.TASK_PREPARE);

    putForwardAndReview(instance);
    complete(task(instance));
    verify(reopen, times(1)).execute(any());
    verify(adopt).execute(any());
    assertThat(instance).isWaitingAt("Task_NotifyPlanAdopted");
  }
}
