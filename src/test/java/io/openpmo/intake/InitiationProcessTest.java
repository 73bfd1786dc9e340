package io.openpmo.intake;

import io.openpmo.core.InvalidRequestException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.openpmo.audit.AuditEvent;
import io.openpmo.core.EngineAccess;
import io.openpmo.audit.AuditTrail;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectStatus;
import io.openpmo.review.SegregationOfDutiesException;
import io.openpmo.security.Groups;
import io.openpmo.support.AppTest;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import io.openpmo.support.TestMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Every path of projectInitiation on the real engine, with the real delegates, listeners and decisions. */
class InitiationProcessTest extends AppTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProjectSubmissions submissions;
  @Autowired ProjectMapper projects;
  @Autowired AuditTrail auditTrail;
  @Autowired EngineAccess engineAccess;
  @Autowired JdbcTemplate jdbc;
  @Autowired JavaMailSenderImpl mailSender;

  People people;

  @BeforeEach
  void setUp() {
    init(processEngine);
    people = new People(identityService);
    TestMail.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- journeys ------------------------------------------------------------------------------

  SubmissionResult submit(String requester, ProjectRequest request) {
    return people.as(requester, () -> submissions.submit(request, requester, null).result());
  }

  ProcessInstance instance(SubmissionResult submitted) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(submitted.processInstanceId()).singleResult();
  }

  Task reviewTask(String code, String group) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(code).taskCandidateGroup(group)
        .includeAssignedTasks().list();
    assertThat(tasks).as("open task of " + group + " on " + code).hasSize(1);
    return tasks.get(0);
  }

  void decide(String user, Task task, String decision, String comment) {
    people.as(user, () -> {
      taskService.claim(task.getId(), user);
      Map<String, Object> form = new HashMap<>();
      form.put("decision", decision);
      form.put("comment", comment);
      taskService.complete(task.getId(), form);
    });
  }

  void approve(String user, String code, String group) {
    decide(user, reviewTask(code, group), "APPROVE", null);
  }

  Project project(String code) {
    return projects.findByCode(code).orElseThrow();
  }

  List<String> actions(String code) {
    return auditTrail.forProject(project(code).id()).stream().map(AuditEvent::action).toList();
  }

  /** Runs the mail steps: the decision's, and the requester's confirmation (a job on a branch of its own). */
  void runNotification(ProcessInstance instance) {
    managementService.createJobQuery().processInstanceId(instance.getId()).list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> recipients(MimeMessage message) throws Exception {
    return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
  }

  // --- paths ---------------------------------------------------------------------------------

  @Test
  void smallRequestIsApprovedByThePmoAloneAndRequesterAndSponsorAreNotified() throws Exception {
    // Given a small, low-risk request
    SubmissionResult submitted = submit("rita", Requests.small("Reconciliation robot"));
    ProcessInstance instance = instance(submitted);

    // Then it is scored and routed to the PMO only
    assertThat(submitted.riskTier().name()).isEqualTo("LOW");
    assertThat(submitted.requiredApprovals()).containsExactly(Groups.PMO);
    assertThat(instance).isWaitingAt("Task_ReviewRequest")
        .hasPassedInOrder("Task_RegisterRequest", "Task_GatherAssessmentFacts", "Task_ScoreRisk",
            "Task_ScorePriority", "Task_RouteApprovals", "Task_RecordAssessment");
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.IN_REVIEW);

    // When the PMO approves
    approve("petra", submitted.code(), Groups.PMO);

    // Then the project is approved, and the notification waits as a job of its own
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(instance).isWaitingAt("Task_NotifyApproval");
    runNotification(instance);
    assertThat(instance).isEnded().hasPassed("Task_RegisterApproval", "EndEvent_ProjectApproved")
        .hasNotPassed("SubProcess_CommitteeDecisions");
    MimeMessage mail = TestMail.messages().stream().filter(m -> subject(m).contains("approved")).findFirst()
        .orElseThrow();
    assertThat(mail.getSubject()).contains(submitted.code()).contains("approved");
    // the requester learnt the code when the request was registered, and where to follow it
    MimeMessage received = TestMail.messages().stream().filter(m -> subject(m).contains("received")).findFirst()
        .orElseThrow();
    assertThat(received.getSubject()).isEqualTo(submitted.code() + " received: Reconciliation robot");
    assertThat(recipients(received)).containsExactly("rita@openpmo.local");
    assertThat(received.getContent().toString()).contains("Project code: " + submitted.code())
        .contains("/dashboard/request.html?code=" + submitted.code()).contains("Reviewed by: PMO");
    assertThat(recipients(mail)).containsExactlyInAnyOrder("rita@openpmo.local", "sam@openpmo.local");
    assertThat(actions(submitted.code())).containsSubsequence("REQUEST_SUBMITTED", "ASSESSED", "REVIEW_DECIDED",
        "PROJECT_APPROVED", "NOTIFICATION_SENT");
    // the assessment on the audit trail says which rules of which tables decided
    assertThat(auditTrail.forProject(project(submitted.code()).id())).filteredOn(e -> e.action().equals("ASSESSED"))
        .singleElement().satisfies(e -> assertThat(e.details()).contains("riskPoints: ", "projectRisk: Below 25 points",
            "approvalRouting: "));
  }

  @Test
  void historyKeepsTheChangesOfTheProcesssOwnVariablesNotOfTasksOrInnerExecutions() {
    SubmissionResult submitted = submit("rita", Requests.small("Detail history"));
    Task review = reviewTask(submitted.code(), Groups.PMO);
    decide("petra", review, "APPROVE", "Sound case");
    String processInstanceId = submitted.processInstanceId();

    List<HistoricVariableUpdate> details = historyService.createHistoricDetailQuery().variableUpdates()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list().stream()
        .map(HistoricVariableUpdate.class::cast).toList();
    // the process's own variables keep every change: the references and what the decisions said
    assertThat(details).extracting(HistoricVariableUpdate::getVariableName)
        .contains("projectId", "riskTier", "priorityClass", "committeeGroups");
    assertThat(details).allSatisfy(detail -> {
      assertThat(detail.getTaskId()).as(detail.getVariableName()).isNull();
      assertThat(detail.getExecutionId()).as(detail.getVariableName()).isEqualTo(processInstanceId);
    });
    // the variables of the review task and of the review's inner executions still have their history rows
    List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list();
    assertThat(variables).filteredOn(v -> review.getId().equals(v.getTaskId()))
        .extracting(HistoricVariableInstance::getName).contains("decisionContext", "decision");
    assertThat(variables).extracting(HistoricVariableInstance::getName).contains("nrOfInstances", "reviewGroup");
  }

  @Test
  void variablesThatLiveOnlyWithinTheirTransactionLeaveNoHistoryButTheDecisionsKeepTheirs() {
    SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Scratch variables"));
    String processInstanceId = submitted.processInstanceId();
    List<String> scratch = new ArrayList<>(List.of("riskAssessment", "priorityAssessment", "approverGroups",
        "firedRules", "functionalReviewGroups"));
    scratch.addAll(InitiationVariables.ASSESSMENT_FACTS);

    // the decisions' results, the rules that fired, the facts and the review groups were read within the
    // submission's transaction and gone at its end: no variable, no history row, no detail, no byte array
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableNameIn(scratch.toArray(String[]::new)).includeDeleted().count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(processInstanceId)
        .disableCustomObjectDeserialization().list()).extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .doesNotContainAnyElementsOf(scratch).contains("riskTier", "committeeGroups");
    assertThat(jdbc.queryForList("SELECT name_ FROM act_ge_bytearray WHERE root_proc_inst_id_ = ?", String.class,
        processInstanceId)).doesNotContainAnyElementsOf(scratch).contains("committeeGroups");
    // what they carried is where it belongs: the decision history with every input and output, the project
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
        .decisionDefinitionKey("projectRisk").includeInputs().includeOutputs().singleResult())
        .satisfies(decision -> {
          assertThat(decision.getOutputs()).extracting(o -> o.getVariableName()).contains("riskTier", "riskScore");
          assertThat(decision.getInputs()).isNotEmpty();
        });
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).count())
        .isEqualTo(5);
    assertThat(project(submitted.code()).riskTier()).isNotNull();
    // the review groups came from the approval route: a review for each
    assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).count()).isEqualTo(3);

    // a variable removed in a later transaction than the one that created it keeps its history, marked deleted
    engineAccess.asSystem(() -> runtimeService.setVariable(processInstanceId, "scratchNote", "kept"));
    engineAccess.asSystem(() -> runtimeService.removeVariable(processInstanceId, "scratchNote"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("scratchNote").includeDeleted().singleResult().getState()).isEqualTo(HistoricVariableInstance.STATE_DELETED);
    // created and removed in one transaction: none
    engineAccess.asSystem(() -> ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> {
          runtimeService.setVariable(processInstanceId, "scratchOnly", "gone");
          runtimeService.removeVariable(processInstanceId, "scratchOnly");
          return null;
        }));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("scratchOnly").includeDeleted().count()).isZero();
  }

  @Test
  void functionalReviewsRunInParallelAndOneRejectionEndsTheRequest() throws Exception {
    SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Onboarding revamp"));
    ProcessInstance instance = instance(submitted);
    assertThat(submitted.requiredApprovals()).containsExactly(Groups.PMO, Groups.FINANCE, Groups.COMPLIANCE);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(3);

    approve("petra", submitted.code(), Groups.PMO);
    decide("fiona", reviewTask(submitted.code(), Groups.FINANCE), "REJECT", "The benefit case is not credible");

    // the open compliance review is cancelled: nobody reviews a rejected request
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    Project project = project(submitted.code());
    assertThat(project.status()).isEqualTo(ProjectStatus.REJECTED);
    assertThat(instance).isWaitingAt("Task_NotifyRejection").hasPassed("Task_RecordRejection");
    runNotification(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_ProjectRejected");
    assertThat(TestMail.messages().stream().filter(m -> subject(m).contains("rejected")).findFirst().orElseThrow()
        .getContent().toString()).contains("The benefit case is not credible");
  }

  @Test
  void committeesDecideInOrderAfterTheFunctionalReviewsAndMayReject() {
    SubmissionResult submitted = submit("rita", Requests.withBothCommittees("Core platform"));
    ProcessInstance instance = instance(submitted);
    assertThat(submitted.riskTier().name()).isEqualTo("CRITICAL");
    assertThat(submitted.requiredApprovals()).containsExactly(Groups.PMO, Groups.FINANCE, Groups.RISK,
        Groups.COMPLIANCE, Groups.INFOSEC, Groups.STEERING_COMMITTEE, Groups.EXECUTIVE_COMMITTEE);

    approve("petra", submitted.code(), Groups.PMO);
    approve("fiona", submitted.code(), Groups.FINANCE);
    approve("rick", submitted.code(), Groups.RISK);
    approve("carla", submitted.code(), Groups.COMPLIANCE);
    approve("ivan", submitted.code(), Groups.INFOSEC);

    // steering first, executive only after it
    assertThat(instance).isWaitingAt("Task_DecideInCommittee");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(
        Groups.EXECUTIVE_COMMITTEE).count()).isZero();
    approve("sven", submitted.code(), Groups.STEERING_COMMITTEE);
    decide("erik", reviewTask(submitted.code(), Groups.EXECUTIVE_COMMITTEE), "REJECT", "Not this financial year");

    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.REJECTED);
    assertThat(instance).hasPassed("Task_ConsolidateCommitteeDecisions", "Task_RecordRejection");
  }

  @Test
  void committeeApprovalRegistersTheProject() {
    SubmissionResult submitted = submit("rita", Requests.withSteeringCommittee("Data centre consolidation"));
    approve("petra", submitted.code(), Groups.PMO);
    approve("fiona", submitted.code(), Groups.FINANCE);
    approve("sven", submitted.code(), Groups.STEERING_COMMITTEE);
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(instance(submitted)).isWaitingAt("Task_NotifyApproval");
  }

  @Test
  void reworkReturnsTheRequestWithCommentsAndTheRevisionIsScoredAgain() {
    SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Payments hub"));
    ProcessInstance instance = instance(submitted);
    approve("petra", submitted.code(), Groups.PMO);
    decide("fiona", reviewTask(submitted.code(), Groups.FINANCE), "REWORK", "Split the budget into phases");
    approve("carla", submitted.code(), Groups.COMPLIANCE);

    assertThat(instance).isWaitingAt("Task_ReviseRequest").task().isAssignedTo("rita");
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.REWORK);
    Task revise = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat((String) taskService.getVariableLocal(revise.getId(), "reviewComments"))
        .contains("Split the budget into phases");

    // the requester halves the budget and resubmits
    people.as("rita", () -> taskService.complete(revise.getId(), Map.of("budget", 200000, "action", "RESUBMIT")));

    Project revised = project(submitted.code());
    assertThat(revised.budget()).isEqualByComparingTo("200000");
    assertThat(revised.reworkRound()).isEqualTo(1);
    // scored and routed again: below 250k, no finance review any more
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list())
        .extracting(Task::getTaskDefinitionKey).containsOnly("Task_ReviewRequest");
    assertThat(reviewTask(submitted.code(), Groups.PMO)).isNotNull();
    approve("petra", submitted.code(), Groups.PMO);
    approve("carla", submitted.code(), Groups.COMPLIANCE);
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(actions(submitted.code())).containsSubsequence("RETURNED_FOR_REWORK", "REQUEST_RESUBMITTED",
        "ASSESSED", "PROJECT_APPROVED");
  }

  @Test
  void anInvalidRevisionIsRefusedAndNothingChanges() {
    SubmissionResult submitted = submit("rita", Requests.small("Invalid revision"));
    decide("petra", reviewTask(submitted.code(), Groups.PMO), "REWORK", "Explain the benefit");
    Task revise = taskService.createTaskQuery().processInstanceBusinessKey(submitted.code()).singleResult();
    assertThatThrownBy(() -> people.as("rita", () -> taskService.complete(revise.getId(),
        Map.of("budget", -1, "action", "RESUBMIT"))))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("budget");
    assertThat(project(submitted.code()).budget()).isEqualByComparingTo("100000");
    assertThat(taskService.createTaskQuery().taskId(revise.getId()).count()).isOne();
  }

  @Test
  void afterThreeReworkRoundsThePmoDecides() {
    SubmissionResult submitted = submit("rita", Requests.small("Endless rework"));
    ProcessInstance instance = instance(submitted);
    for (int round = 1; round <= 3; round++) {
      decide("petra", reviewTask(submitted.code(), Groups.PMO), "REWORK", "Round " + round + ": not yet");
      Task revise = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(revise.getTaskDefinitionKey()).isEqualTo("Task_ReviseRequest");
      people.as("rita", () -> taskService.complete(revise.getId(), Map.of("action", "RESUBMIT")));
    }
    decide("petra", reviewTask(submitted.code(), Groups.PMO), "REWORK", "Round 4: still not");

    assertThat(instance).isWaitingAt("Task_DecideAfterRework");
    Task decision = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    decide("petra", decision, "APPROVE", null);
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.APPROVED);
    assertThat(project(submitted.code()).reworkRound()).isEqualTo(3);
  }

  @Test
  void requesterMayWithdrawDuringRework() {
    SubmissionResult submitted = submit("rita", Requests.small("Withdrawn in rework"));
    decide("petra", reviewTask(submitted.code(), Groups.PMO), "REWORK", "Reconsider");
    Task revise = taskService.createTaskQuery().processInstanceBusinessKey(submitted.code()).singleResult();
    people.as("rita", () -> taskService.complete(revise.getId(), Map.of("action", "WITHDRAW")));
    assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.WITHDRAWN);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(submitted.processInstanceId())
        .activityId("EndEvent_RequestWithdrawn").count()).isOne();
  }

  @Test
  void overdueReviewIsEscalatedToThePmo() throws Exception {
    SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Slow review"));
    ProcessInstance instance = instance(submitted);
    Task finance = reviewTask(submitted.code(), Groups.FINANCE);
    assertThat(finance.getDueDate()).isNotNull();

    // five days pass (driven by the test, not waited for)
    ClockUtil.setCurrentTime(Date.from(finance.getDueDate().toInstant().plus(Duration.ofHours(1))));
    List<Job> timers = managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
    assertThat(timers).hasSize(3);
    timers.forEach(timer -> managementService.executeJob(timer.getId()));
    managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()
        .forEach(escalation -> managementService.executeJob(escalation.getId()));

    assertThat(taskService.createTaskQuery().taskId(finance.getId()).singleResult().getPriority()).isEqualTo(90);
    assertThat(TestMail.messages()).anySatisfy(mail -> {
      assertThat(mail.getSubject()).startsWith("Overdue").contains("(Finance)");
      assertThat(recipients(mail)).contains("fiona@openpmo.local", "petra@openpmo.local");
    });
    assertThat(actions(submitted.code())).contains("REVIEW_OVERDUE");
    // the review itself is still open and can be decided
    approve("fiona", submitted.code(), Groups.FINANCE);
  }

  @Test
  void mailOutageBecomesARetriedJobAndTheApprovalStands() {
    SubmissionResult submitted = submit("rita", Requests.small("Mail outage"));
    ProcessInstance instance = instance(submitted);
    approve("petra", submitted.code(), Groups.PMO);
    int port = mailSender.getPort();
    mailSender.setPort(1);   // nothing listens there
    try {
      Job notify = managementService.createJobQuery().processInstanceId(instance.getId())
          .activityId("Task_NotifyApproval").singleResult();
      assertThatThrownBy(() -> managementService.executeJob(notify.getId())).isNotNull();
      Job retried = managementService.createJobQuery().jobId(notify.getId()).singleResult();
      assertThat(retried.getRetries()).isEqualTo(2);
      assertThat(retried.getExceptionMessage()).isNotBlank();
      assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.APPROVED);
    } finally {
      mailSender.setPort(port);
    }
    runNotification(instance);
    assertThat(instance).isEnded();
    // one delivery per recipient (requester and sponsor), after the failed attempt sent nothing
    assertThat(TestMail.messages()).filteredOn(mail -> subject(mail).contains("approved")).hasSize(2);
  }

  @Nested
  class SegregationOfDuties {

    @Test
    void requesterCannotClaimOrDecideAReviewOfTheirOwnRequest() {
      String requester = people.user("finreq", Groups.REQUESTERS, Groups.FINANCE);
      SubmissionResult submitted = submit(requester, Requests.withFinanceAndCompliance("Own request"));
      Task finance = reviewTask(submitted.code(), Groups.FINANCE);
      assertThatThrownBy(() -> people.as(requester, () -> taskService.claim(finance.getId(), requester)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("requested " + submitted.code());
      assertThatThrownBy(() -> people.as(requester, () -> taskService.complete(finance.getId(),
          Map.of("decision", "APPROVE")))).isInstanceOf(SegregationOfDutiesException.class);
      assertThat(taskService.createTaskQuery().taskId(finance.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void sponsorCannotReviewTheProjectTheySponsor() {
      String sponsor = people.user("finsponsor", Groups.FINANCE);
      SubmissionResult submitted = submit("rita",
          Requests.withSponsor(Requests.withFinanceAndCompliance("Sponsored"), sponsor));
      Task finance = reviewTask(submitted.code(), Groups.FINANCE);
      assertThatThrownBy(() -> people.as(sponsor, () -> taskService.claim(finance.getId(), sponsor)))
          .isInstanceOf(SegregationOfDutiesException.class)
          .hasMessage("You sponsor " + submitted.code() + ", so you may not review it.");
    }

    @Test
    void onePersonCastsOneVoteEvenWhenInSeveralGroups() {
      String both = people.user("pmofin", Groups.PMO, Groups.FINANCE);
      SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Two hats"));
      decide(both, reviewTask(submitted.code(), Groups.PMO), "APPROVE", null);
      Task finance = reviewTask(submitted.code(), Groups.FINANCE);
      assertThatThrownBy(() -> people.as(both, () -> taskService.claim(finance.getId(), both)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("already voted");
      assertThatThrownBy(() -> people.as(both, () -> taskService.complete(finance.getId(),
          Map.of("decision", "APPROVE")))).isInstanceOf(SegregationOfDutiesException.class);
    }

    @Test
    void nobodyHoldsTwoReviewsOfTheSameRequest() {
      String both = people.user("pmofin2", Groups.PMO, Groups.FINANCE);
      SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Two claims"));
      people.as(both, () -> taskService.claim(reviewTask(submitted.code(), Groups.PMO).getId(), both));
      Task finance = reviewTask(submitted.code(), Groups.FINANCE);
      assertThatThrownBy(() -> people.as(both, () -> taskService.claim(finance.getId(), both)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("You already hold another review");
    }

    @Test
    void aClaimedReviewIsDecidedOnlyByTheOneWhoClaimedIt() {
      String other = people.user("pmo2", Groups.PMO);
      SubmissionResult submitted = submit("rita", Requests.small("Claimed by petra"));
      Task review = reviewTask(submitted.code(), Groups.PMO);
      people.as("petra", () -> taskService.claim(review.getId(), "petra"));
      assertThatThrownBy(() -> people.as(other, () -> taskService.complete(review.getId(),
          Map.of("decision", "APPROVE")))).isInstanceOf(SegregationOfDutiesException.class)
          .hasMessageContaining("claimed by petra");
    }

    @Test
    void aDecisionOtherThanApproveNeedsAComment() {
      SubmissionResult submitted = submit("rita", Requests.small("No comment"));
      Task review = reviewTask(submitted.code(), Groups.PMO);
      assertThatThrownBy(() -> decide("petra", review, "REJECT", " "))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("comment");
      assertThatThrownBy(() -> decide("petra", review, "MAYBE", "x"))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("decision");
      assertThat(project(submitted.code()).status()).isEqualTo(ProjectStatus.IN_REVIEW);
    }

    @Test
    void conflictOfInterestReturnsTheTaskToTheGroupAndBarsTheDeclarant() {
      String colleague = people.user("fiona2", Groups.FINANCE);
      SubmissionResult submitted = submit("rita", Requests.withFinanceAndCompliance("Conflicted"));
      Task finance = reviewTask(submitted.code(), Groups.FINANCE);
      people.as("fiona", () -> {
        taskService.claim(finance.getId(), "fiona");
        taskService.complete(finance.getId(), Map.of("conflictOfInterest", true,
            "conflictReason", "My spouse leads the vendor"));
      });

      Task again = reviewTask(submitted.code(), Groups.FINANCE);
      assertThat(again.getId()).isNotEqualTo(finance.getId());
      assertThat(again.getAssignee()).isNull();
      assertThatThrownBy(() -> people.as("fiona", () -> taskService.claim(again.getId(), "fiona")))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("conflict of interest");
      decide(colleague, again, "APPROVE", null);
      assertThat(actions(submitted.code())).contains("CONFLICT_OF_INTEREST_DECLARED");
    }
  }
}
