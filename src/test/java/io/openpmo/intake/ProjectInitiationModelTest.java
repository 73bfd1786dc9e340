package io.openpmo.intake;

import io.openpmo.review.ApprovalRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.openpmo.support.ModelTest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * projectInitiation, model only: the real projectRisk, projectPriority and approvalRouting tables score and route
 * the request from the facts the (mocked) fact-gathering step provides, and the mocked recording step splits the
 * groups with the real {@link ApprovalRoute}; the votes, the consolidation and the revision are mocked the way the
 * real listeners and delegates set the system variables the gateways read.
 */
@Deployment(resources = {"processes/project-initiation.bpmn", "dmn/project-risk.dmn", "dmn/project-priority.dmn",
    "dmn/approval-routing.dmn"})
class ProjectInitiationModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  static final String FUNCTIONAL_REVIEW = "Task_ReviewRequest";
  static final String COMMITTEE_DECISION = "Task_DecideInCommittee";
  static final String PMO_DECISION = "Task_DecideAfterRework";
  static final String REVISION = "Task_ReviseRequest";

  /** The facts of the request as the fact-gathering step reads them from the project: a small one by default. */
  final Map<String, Object> facts = facts(100_000.0);
  /** The votes cast at each completed review, decision or PMO decision, in order: APPROVE when none is left. */
  final Deque<String> votes = new ArrayDeque<>();
  /** What the requester does at each revision, in order: RESUBMIT when none is left. */
  final Deque<String> revisions = new ArrayDeque<>();
  /** The approvals the tables asked for, each time the request was scored. */
  final List<ApprovalRoute> routes = new ArrayList<>();
  /** The stages consolidated, in order. */
  final List<String> consolidated = new ArrayList<>();

  JavaDelegate gatherFacts;
  JavaDelegate confirmRequest;
  JavaDelegate registerApproval;
  JavaDelegate startLifecycle;
  JavaDelegate recordRejection;
  JavaDelegate recordWithdrawal;
  JavaDelegate notifyDecision;
  JavaDelegate escalate;

  static Map<String, Object> facts(double budget) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("budget", budget);
    facts.put("expectedAnnualBenefit", 150_000.0);
    facts.put("complexity", "LOW");
    facts.put("dataClassification", "INTERNAL");
    facts.put("personalData", false);
    facts.put("thirdParty", "NONE");
    facts.put("criticalFunction", false);
    facts.put("newTechnology", false);
    facts.put("durationMonths", 6);
    facts.put("projectType", "STRATEGIC");
    facts.put("strategicAlignment", 3);
    facts.put("monthsToRegulatoryDeadline", null);
    return facts;
  }

  @BeforeEach
  void mocks() {
    delegate("registerRequestDelegate", execution -> execution.setVariables(withVariables(
        InitiationVariables.PROJECT_CODE, "PRJ-2026-0001", InitiationVariables.REQUESTER, "rita",
        InitiationVariables.SPONSOR, "sam", InitiationVariables.REWORK_ROUND, 0, "reviewRound", 1)));
    confirmRequest = delegate("confirmRequestDelegate");
    gatherFacts = delegate("gatherAssessmentFactsDelegate", execution -> execution.setVariables(facts));
    delegate("recordAssessmentDelegate", execution -> {
      Collection<?> groups = (Collection<?>) execution.getVariable(InitiationVariables.APPROVER_GROUPS);
      ApprovalRoute route = ApprovalRoute.of(groups.stream().map(Object::toString).toList());
      routes.add(route);
      Map<?, ?> risk = (Map<?, ?>) execution.getVariable(InitiationVariables.RISK_ASSESSMENT);
      execution.setVariable(InitiationVariables.RISK_TIER, risk.get("riskTier"));
      execution.setVariable(InitiationVariables.FUNCTIONAL_REVIEW_GROUPS, new ArrayList<>(route.functionalGroups()));
      execution.setVariable(InitiationVariables.COMMITTEE_GROUPS, new ArrayList<>(route.committeeGroups()));
      execution.setVariable(InitiationVariables.REJECTED, false);
      execution.setVariable(InitiationVariables.REWORK_REQUESTED, false);
    });
    listener("reviewTaskListener", task -> {
      if (!"complete".equals(task.getEventName())) {
        return;
      }
      String vote = votes.isEmpty() ? "APPROVE" : votes.pop();
      task.getExecution().setVariable("conflictDeclared", "CONFLICT".equals(vote));
      if ("CONFLICT".equals(vote)) {
        return;
      }
      // as ProjectRequestSubject.afterVote
      if ("PMO_DECISION".equals(task.getVariable("reviewStage"))) {
        task.getExecution().getProcessInstance().setVariable(InitiationVariables.PMO_DECISION, vote);
      } else if ("REJECT".equals(vote)) {
        task.getExecution().getProcessInstance().setVariable(InitiationVariables.REJECTED, true);
      } else if ("REWORK".equals(vote)) {
        task.getExecution().getProcessInstance().setVariable(InitiationVariables.REWORK_REQUESTED, true);
      }
    });
    delegate("consolidateReviewsDelegate", execution -> {
      consolidated.add((String) execution.getVariable("reviewStage"));
      execution.setVariable(InitiationVariables.REVIEW_OUTCOME,
          Boolean.TRUE.equals(execution.getVariable(InitiationVariables.REJECTED)) ? "REJECTED"
              : Boolean.TRUE.equals(execution.getVariable(InitiationVariables.REWORK_REQUESTED)) ? "REWORK"
              : "APPROVED");
    });
    listener("reviseRequestListener", task -> {
      if (!"complete".equals(task.getEventName())) {
        return;
      }
      String action = revisions.isEmpty() ? "RESUBMIT" : revisions.pop();
      if ("RESUBMIT".equals(action)) {
        int round = ((Number) task.getExecution().getVariable(InitiationVariables.REWORK_ROUND)).intValue() + 1;
        task.getExecution().setVariable(InitiationVariables.REWORK_ROUND, round);
        task.getExecution().setVariable("reviewRound", round + 1);
      }
      task.getExecution().setVariable(InitiationVariables.REVISION_ACTION, action);
    });
    registerApproval = delegate("registerApprovalDelegate");
    startLifecycle = delegate("startLifecycleDelegate");
    recordRejection = delegate("recordRejectionDelegate");
    recordWithdrawal = delegate("recordWithdrawalDelegate");
    notifyDecision = delegate("notifyDecisionDelegate");
    escalate = delegate("escalateOverdueReviewDelegate");
  }

  /** A request made through the API: the project row exists already. */
  ProcessInstance request() {
    return runtimeService().startProcessInstanceByKey(InitiationVariables.PROCESS_KEY,
        withVariables(InitiationVariables.PROJECT_ID, 1L));
  }

  /** A request large enough for finance and both committees. */
  ProcessInstance largeRequest() {
    facts.putAll(facts(12_000_000.0));
    return request();
  }

  List<Task> open(ProcessInstance instance, String taskKey) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).toList();
  }

  /** Completes the open tasks of this key one by one (with the votes queued), while any is open. */
  void decideAll(ProcessInstance instance, String taskKey) {
    List<Task> tasks;
    while (!(tasks = open(instance, taskKey)).isEmpty()) {
      taskService().complete(tasks.get(0).getId());
    }
  }

  /** The functional reviews decide (with the votes queued) and the request comes back for revision. */
  void reworkAndResubmit(ProcessInstance instance) {
    votes.add("REWORK");
    decideAll(instance, FUNCTIONAL_REVIEW);
    assertThat(instance).isWaitingAt(REVISION);
    complete(task(REVISION, instance));
  }

  /** Three rounds of rework done; the fourth request for rework is handed to the PMO. */
  ProcessInstance reworkedThreeTimes() {
    ProcessInstance instance = request();
    for (int round = 1; round <= 3; round++) {
      reworkAndResubmit(instance);
    }
    votes.add("REWORK");
    decideAll(instance, FUNCTIONAL_REVIEW);
    assertThat(instance).isWaitingAt(PMO_DECISION).isNotWaitingAt(REVISION);
    assertThat(task(PMO_DECISION, instance)).hasCandidateGroup("pmo");
    return instance;
  }

  @Test
  void aSmallRequestApprovedByThePmoIsRegisteredAndStartsTheLifecycle() throws Exception {
    // Given a small request: the tables ask the PMO alone
    ProcessInstance instance = request();
    assertThat(routes).singleElement().satisfies(route -> {
      assertThat(route.functionalGroups()).containsExactly("pmo");
      assertThat(route.committeeGroups()).isEmpty();
    });
    assertThat(runtimeService().getVariable(instance.getId(), InitiationVariables.RISK_TIER)).isEqualTo("LOW");
    assertThat(instance).isWaitingAt(FUNCTIONAL_REVIEW, "Task_ConfirmRequest");
    Task review = task(FUNCTIONAL_REVIEW, instance);
    assertThat(review).hasCandidateGroup("pmo");
    assertThat(Duration.between(review.getCreateTime().toInstant(), review.getDueDate().toInstant()))
        .as("due in five days").isBetween(Duration.ofDays(5).minusMinutes(1), Duration.ofDays(5).plusMinutes(1));

    // When the PMO approves
    complete(task(FUNCTIONAL_REVIEW, instance));

    // Then no committee decides; the project is registered, its lifecycle started, and the mails go out
    verify(registerApproval).execute(any());
    verify(startLifecycle).execute(any());
    verify(notifyDecision, never()).execute(any());
    execute(job("Task_NotifyApproval", instance));
    execute(job("Task_ConfirmRequest", instance));
    verify(notifyDecision).execute(any());
    verify(confirmRequest).execute(any());
    verify(recordRejection, never()).execute(any());
    assertThat(consolidated).containsExactly("FUNCTIONAL");
    assertThat(instance).hasPassedInOrder("Task_RegisterRequest", "Task_GatherAssessmentFacts", "Task_ScoreRisk",
        "Task_ScorePriority", "Task_RouteApprovals", "Task_RecordAssessment", "Task_ReviewRequest",
        "Task_ConsolidateFunctionalReviews", "Task_RegisterApproval", "Task_StartLifecycle", "Task_NotifyApproval")
        .hasNotPassed("SubProcess_CommitteeDecisions").isEnded()
        .hasPassed("EndEvent_ProjectApproved", "EndEvent_RequesterInformed");
  }

  @Test
  void aLargeRequestIsReviewedByEveryFunctionalGroupAtOnceThenByTheCommitteesOneAfterTheOther() throws Exception {
    ProcessInstance instance = largeRequest();
    ApprovalRoute route = routes.get(0);
    assertThat(route.functionalGroups()).contains("pmo", "finance");
    assertThat(route.committeeGroups()).containsExactly("steeringCommittee", "executiveCommittee");

    // every functional group reviews at the same time
    List<Task> reviews = open(instance, FUNCTIONAL_REVIEW);
    assertThat(reviews.stream().flatMap(review -> candidateGroups(review).stream()))
        .containsExactlyInAnyOrderElementsOf(route.functionalGroups());
    decideAll(instance, FUNCTIONAL_REVIEW);

    // the steering committee decides before the executive committee is asked
    assertThat(open(instance, COMMITTEE_DECISION)).singleElement()
        .satisfies(decision -> assertThat(candidateGroups(decision)).containsExactly("steeringCommittee"));
    complete(task(COMMITTEE_DECISION, instance));
    assertThat(open(instance, COMMITTEE_DECISION)).singleElement()
        .satisfies(decision -> assertThat(candidateGroups(decision)).containsExactly("executiveCommittee"));
    complete(task(COMMITTEE_DECISION, instance));

    verify(startLifecycle).execute(any());
    assertThat(consolidated).containsExactly("FUNCTIONAL", "COMMITTEE");
    assertThat(instance).hasPassedInOrder("Task_ConsolidateFunctionalReviews", "Task_DecideInCommittee",
        "Task_ConsolidateCommitteeDecisions", "Task_RegisterApproval", "Task_StartLifecycle")
        .isWaitingAt("Task_NotifyApproval");
  }

  @Test
  void aRejectedRequestEndsRejectedWithoutStartingTheLifecycle() throws Exception {
    ProcessInstance instance = largeRequest();
    assertThat(open(instance, FUNCTIONAL_REVIEW)).hasSizeGreaterThan(1);

    // one functional group rejects: the other reviews are cancelled
    votes.add("REJECT");
    taskService().complete(open(instance, FUNCTIONAL_REVIEW).get(0).getId());
    assertThat(open(instance, FUNCTIONAL_REVIEW)).isEmpty();

    verify(recordRejection).execute(any());
    execute(job("Task_NotifyRejection", instance));
    verify(notifyDecision).execute(any());
    verify(registerApproval, never()).execute(any());
    verify(startLifecycle, never()).execute(any());
    assertThat(instance).hasNotPassed("SubProcess_CommitteeDecisions", "Task_ReviseRequest")
        .isWaitingAt("Task_ConfirmRequest").hasPassed("EndEvent_ProjectRejected");
  }

  @Test
  void aCommitteeRejectionEndsTheRequestBeforeTheNextCommitteeIsAsked() throws Exception {
    ProcessInstance instance = largeRequest();
    decideAll(instance, FUNCTIONAL_REVIEW);

    votes.add("REJECT");
    complete(task(COMMITTEE_DECISION, instance));

    assertThat(open(instance, COMMITTEE_DECISION)).as("the executive committee is not asked").isEmpty();
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(COMMITTEE_DECISION).count()).isEqualTo(1);
    verify(recordRejection).execute(any());
    verify(startLifecycle, never()).execute(any());
    assertThat(consolidated).containsExactly("FUNCTIONAL", "COMMITTEE");
    assertThat(instance).hasPassed("Task_RecordRejection").isWaitingAt("Task_NotifyRejection");
  }

  @Test
  void aRequestSentBackForReworkIsRevisedByItsRequesterAndScoredAndReviewedAgain() throws Exception {
    ProcessInstance instance = request();
    votes.add("REWORK");
    decideAll(instance, FUNCTIONAL_REVIEW);

    assertThat(instance).isWaitingAt(REVISION);
    assertThat(task(REVISION, instance)).isAssignedTo("rita");
    complete(task(REVISION, instance));

    verify(gatherFacts, times(2)).execute(any());
    assertThat(routes).hasSize(2);
    assertThat(instance).isWaitingAt(FUNCTIONAL_REVIEW);
    assertThat(runtimeService().getVariable(instance.getId(), "reviewRound")).isEqualTo(2);
    complete(task(FUNCTIONAL_REVIEW, instance));
    verify(startLifecycle).execute(any());
  }

  @Test
  void aCommitteeAskingForReworkEndsTheCommitteeRoundAndReturnsTheRequestToItsRequester() throws Exception {
    ProcessInstance instance = largeRequest();
    decideAll(instance, FUNCTIONAL_REVIEW);

    votes.add("REWORK");
    complete(task(COMMITTEE_DECISION, instance));

    assertThat(open(instance, COMMITTEE_DECISION)).as("the executive committee is not asked").isEmpty();
    assertThat(instance).isWaitingAt(REVISION);
    assertThat(task(REVISION, instance)).isAssignedTo("rita");
    verify(startLifecycle, never()).execute(any());
    verify(recordRejection, never()).execute(any());
  }

  @Test
  void aRequesterMayWithdrawTheRequestInsteadOfRevisingIt() throws Exception {
    ProcessInstance instance = request();
    votes.add("REWORK");
    decideAll(instance, FUNCTIONAL_REVIEW);

    revisions.add("WITHDRAW");
    complete(task(REVISION, instance));

    verify(recordWithdrawal).execute(any());
    verify(gatherFacts, times(1)).execute(any());
    verify(recordRejection, never()).execute(any());
    verify(startLifecycle, never()).execute(any());
    assertThat(instance).hasPassed("Task_RecordWithdrawal", "EndEvent_RequestWithdrawn")
        .hasNotPassed("Task_RecordRejection").isWaitingAt("Task_ConfirmRequest");
  }

  @Test
  void afterThreeRoundsOfReworkThePmoDecidesAndMayApprove() throws Exception {
    ProcessInstance instance = reworkedThreeTimes();
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(REVISION).finished().count()).isEqualTo(3);

    votes.add("APPROVE");
    complete(task(PMO_DECISION, instance));

    verify(startLifecycle).execute(any());
    assertThat(instance).hasPassed("Task_RegisterApproval").isWaitingAt("Task_NotifyApproval");
  }

  @Test
  void aPmoMemberWithAConflictOfInterestPassesTheDecisionBackToThePmoWhichMayReject() throws Exception {
    ProcessInstance instance = reworkedThreeTimes();
    String first = task(PMO_DECISION, instance).getId();

    votes.add("CONFLICT");
    complete(task(PMO_DECISION, instance));

    assertThat(instance).isWaitingAt(PMO_DECISION);
    assertThat(task(PMO_DECISION, instance)).hasCandidateGroup("pmo");
    assertThat(task(PMO_DECISION, instance).getId()).isNotEqualTo(first);
    verify(recordRejection, never()).execute(any());
    verify(registerApproval, never()).execute(any());

    votes.add("REJECT");
    complete(task(PMO_DECISION, instance));

    verify(recordRejection).execute(any());
    verify(startLifecycle, never()).execute(any());
    assertThat(instance).hasPassed("Task_RecordRejection").isWaitingAt("Task_NotifyRejection");
  }

  @Test
  void aReviewerWithAConflictOfInterestPutsTheReviewBackToTheGroup() throws Exception {
    ProcessInstance instance = request();

    votes.add("CONFLICT");
    complete(task(FUNCTIONAL_REVIEW, instance));

    assertThat(open(instance, FUNCTIONAL_REVIEW)).singleElement()
        .satisfies(review -> assertThat(candidateGroups(review)).containsExactly("pmo"));
    assertThat(consolidated).as("no vote was cast").isEmpty();
    complete(task(FUNCTIONAL_REVIEW, instance));
    assertThat(consolidated).containsExactly("FUNCTIONAL");
    verify(startLifecycle).execute(any());
  }

  @Test
  void aCommitteeMemberWithAConflictOfInterestPutsTheDecisionBackToTheCommittee() throws Exception {
    ProcessInstance instance = largeRequest();
    decideAll(instance, FUNCTIONAL_REVIEW);

    votes.add("CONFLICT");
    complete(task(COMMITTEE_DECISION, instance));

    assertThat(open(instance, COMMITTEE_DECISION)).singleElement()
        .satisfies(decision -> assertThat(candidateGroups(decision)).containsExactly("steeringCommittee"));
    assertThat(consolidated).containsExactly("FUNCTIONAL");
  }

  @Test
  void anOverdueReviewIsEscalatedToThePmoAndStaysOpen() throws Exception {
    ProcessInstance instance = request();
    String review = task(FUNCTIONAL_REVIEW, instance).getId();

    execute(job("BoundaryEvent_ReviewOverdue", instance));
    execute(job("Task_EscalateOverdueReview", instance));

    verify(escalate).execute(any());
    assertThat(instance).hasPassed("EndEvent_ReviewEscalated").isWaitingAt(FUNCTIONAL_REVIEW);
    assertThat(task(FUNCTIONAL_REVIEW, instance).getId()).isEqualTo(review);
  }

  @Test
  void anOverdueCommitteeDecisionIsEscalatedToThePmoAndStaysOpen() throws Exception {
    ProcessInstance instance = largeRequest();
    decideAll(instance, FUNCTIONAL_REVIEW);
    String decision = task(COMMITTEE_DECISION, instance).getId();

    execute(job("BoundaryEvent_DecisionOverdue", instance));
    execute(job("Task_EscalateOverdueDecision", instance));

    verify(escalate).execute(any());
    assertThat(instance).hasPassed("EndEvent_DecisionEscalated").isWaitingAt(COMMITTEE_DECISION);
    assertThat(task(COMMITTEE_DECISION, instance).getId()).isEqualTo(decision);
  }

  @Test
  void theRequesterCanWithdrawAtAnyTimeWhichEndsEveryOpenReview() throws Exception {
    ProcessInstance instance = largeRequest();
    assertThat(open(instance, FUNCTIONAL_REVIEW)).hasSizeGreaterThan(1);

    runtimeService().createMessageCorrelation("WithdrawRequest").processInstanceId(instance.getId()).correlate();

    verify(recordWithdrawal).execute(any());
    assertThat(open(instance, FUNCTIONAL_REVIEW)).isEmpty();
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    verify(recordRejection, never()).execute(any());
    assertThat(instance).hasPassed("Task_RecordWithdrawnRequest").isEnded().hasPassed("EndEvent_WithdrawnByRequester");
  }
}
