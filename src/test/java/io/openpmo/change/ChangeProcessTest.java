package io.openpmo.change;

import io.openpmo.project.ChangeStatus;
import static io.openpmo.support.Journeys.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.openpmo.audit.AuditEvent;
import io.openpmo.audit.AuditTrail;
import io.openpmo.intake.ProjectSubmissions;
import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.SegregationOfDutiesException;
import io.openpmo.security.Groups;
import io.openpmo.support.AppTest;
import io.openpmo.support.Journeys;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import io.openpmo.support.TestMail;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** changeRequest on the real engine: every class, emergencies, re-approval on overrun, segregation of duties. */
class ChangeProcessTest extends AppTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProjectSubmissions submissions;
  @Autowired ProjectMapper projects;
  @Autowired ChangeSubmissions changeSubmissions;
  @Autowired ChangeService changes;
  @Autowired BaselineService baselines;
  @Autowired AuditTrail auditTrail;

  People people;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    init(processEngine);
    people = new People(identityService);
    journeys = new Journeys(people, submissions, projects, runtimeService, taskService, managementService);
    TestMail.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A small project (budget 100k, baseline BAC 100k) in delivery, managed by paul. */
  String inDelivery(String title) {
    String code = journeys.approved(Requests.small(title));
    journeys.plan(code, "paul", plan("100000", List.of()));
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO", Map.of());
    return code;
  }

  static ChangeRequestInput change(String cost, int delay, boolean scope, boolean regulatory, boolean emergency) {
    return new ChangeRequestInput("Change " + cost + "/" + delay, "Needed", scope, scope ? "Add a report" : null, delay,
        new BigDecimal(cost), "LOW", regulatory, emergency, null);
  }

  ChangeRequest raise(String code, String by, ChangeRequestInput input) {
    Project project = journeys.project(code);
    return people.as(by, () -> changeSubmissions.raise(project, input, by, "API"));
  }

  /** The PMO assesses the impact of a change the PM raised, confirming the estimate. */
  void assess(ChangeRequest change) {
    Task assess = journeys.task(journeys.project(change.projectId() == null ? "" : projects.findById(change.projectId())
        .orElseThrow().code()).code(), "Task_AssessImpact", null);
    journeys.decide("petra", assess, Map.of("impactNotes", "Assessed as estimated"));
  }

  ProcessInstance process(ChangeRequest change) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceId(changes.get(change.id()).processInstanceId()).singleResult();
  }

  List<String> approverTasks(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ApproveChange").list()
        .stream().map(t -> taskService.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
            .findFirst().orElseThrow().getGroupId()).sorted().toList();
  }

  void approveAll(String code, String taskKey) {
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).list()) {
      String group = taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
          .findFirst().orElseThrow().getGroupId();
      journeys.decide(Journeys.reviewer(group), task, Map.of("decision", "APPROVE"));
    }
  }

  Baseline inForce(String code) {
    return baselines.get(journeys.project(code).currentBaselineId());
  }

  @Test
  void aMinorChangeIsApprovedByThePmoAndBecomesBaselineVersionTwo() {
    String code = inDelivery("Minor change");
    ChangeRequest change = raise(code, "paul", change("1000", 0, false, false, false));
    // the PM raised it: the PMO assesses the impact
    Task assess = journeys.task(code, "Task_AssessImpact", Groups.PMO);
    assertThat(assess.getAssignee()).isNull();
    assess(change);
    assertThat(changes.get(change.id()).changeClass()).isEqualTo("MINOR");
    assertThat(approverTasks(code)).containsExactly(Groups.PMO);
    approveAll(code, "Task_ApproveChange");

    assertThat(process(change)).isNull();
    assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.APPLIED);
    Baseline v2 = inForce(code);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.budgetAtCompletion()).isEqualByComparingTo("101000");
    assertThat(v2.changeRequestId()).isEqualTo(change.id());
    assertThat(baselines.versions(journeys.project(code).id())).extracting(Baseline::status)
        .containsExactly(Baseline.SUPERSEDED, Baseline.IN_FORCE);
    assertThat(auditTrail.forProject(journeys.project(code).id())).extracting(AuditEvent::action)
        .containsSubsequence("CHANGE_REQUESTED", "CHANGE_NOTED_BY_LIFECYCLE", "CHANGE_IMPACT_ASSESSED",
            "CHANGE_CLASSIFIED", "REVIEW_DECIDED", "BASELINE_IN_FORCE", "CHANGE_APPLIED");
    assertThat(auditTrail.forProject(journeys.project(code).id())).filteredOn(e -> e.action().equals("CHANGE_CLASSIFIED"))
        .singleElement().satisfies(e -> assertThat(e.details())
            .contains("changeClassification: Nothing critical or major: minor", "changeApprovers: Minor change: PMO"));
  }

  @Test
  void aMajorChangeThatRaisesCostNeedsFinanceToo() {
    String code = inDelivery("Major with cost");
    ChangeRequest change = raise(code, "petra", change("8000", 0, false, false, false));
    // the PMO raised it: the project manager assesses
    Task assess = journeys.task(code, "Task_AssessImpact", null);
    assertThat(assess.getAssignee()).isEqualTo("paul");
    journeys.decide("paul", assess, Map.of("impactNotes", "Confirmed"));
    assertThat(changes.get(change.id()).changeClass()).isEqualTo("MAJOR");
    assertThat(approverTasks(code)).containsExactly(Groups.FINANCE, Groups.PMO);
  }

  @Test
  void aMajorDelayWithoutCostNeedsThePmoAlone() {
    String code = inDelivery("Major delay");
    ChangeRequest change = raise(code, "paul", change("0", 20, false, false, false));
    assess(change);
    assertThat(changes.get(change.id()).changeClass()).isEqualTo("MAJOR");
    assertThat(approverTasks(code)).containsExactly(Groups.PMO);
    approveAll(code, "Task_ApproveChange");
    Baseline v2 = inForce(code);
    Baseline v1 = baselines.get(changes.get(change.id()).baselineBeforeId());
    assertThat(v2.endDate()).isEqualTo(v1.endDate().plusDays(20));
  }

  @Test
  void aCriticalChangeGoesToTheChangeBoardAndRisk() {
    String code = inDelivery("Critical delay");
    ChangeRequest change = raise(code, "paul", change("0", 70, false, false, false));
    assess(change);
    assertThat(changes.get(change.id()).changeClass()).isEqualTo("CRITICAL");
    assertThat(approverTasks(code)).containsExactly(Groups.RISK, Groups.STEERING_COMMITTEE);
  }

  @Test
  void aRegulatoryChangeIsCriticalAndNeedsCompliance() {
    String code = inDelivery("Regulatory change");
    ChangeRequest change = raise(code, "paul", change("0", 0, false, true, false));
    assess(change);
    assertThat(changes.get(change.id()).changeClass()).isEqualTo("CRITICAL");
    assertThat(approverTasks(code)).containsExactly(Groups.COMPLIANCE, Groups.RISK, Groups.STEERING_COMMITTEE);
  }

  @Test
  void aRejectedChangeChangesNothing() {
    String code = inDelivery("Rejected change");
    Baseline before = inForce(code);
    ChangeRequest change = raise(code, "paul", change("1000", 5, false, false, false));
    assess(change);
    Task approval = journeys.task(code, "Task_ApproveChange", Groups.PMO);
    journeys.decide("petra", approval, Map.of("decision", "REJECT", "comment", "Not worth it"));
    assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(inForce(code)).isEqualTo(before);
    assertThat(baselines.versions(journeys.project(code).id())).hasSize(1);
    assertThat(auditTrail.forProject(journeys.project(code).id())).extracting(AuditEvent::details)
        .anyMatch(d -> d.contains("Not worth it") && d.contains(change.code()));
  }

  @Nested
  class Emergency {

    @Test
    void anEmergencyChangeIsAppliedAtOnceAndConfirmedByThePmo() {
      String code = inDelivery("Emergency confirmed");
      ChangeRequest change = raise(code, "paul", change("2000", 0, false, false, true));
      assess(change);
      // in force before anybody approved it, and the PMO is told
      assertThat(inForce(code).budgetAtCompletion()).isEqualByComparingTo("102000");
      assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.APPLIED);
      journeys.executeJobs(changes.get(change.id()).processInstanceId());
      assertThat(TestMail.messages()).anySatisfy(mail -> assertThat(mail.getSubject()).contains("Emergency change"));
      Task approval = journeys.task(code, "Task_ApproveEmergencyChange", Groups.PMO);
      assertThat(approval.getDueDate()).isNotNull();
      journeys.decide("petra", approval, Map.of("decision", "APPROVE"));
      assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.CONFIRMED);
      assertThat(inForce(code).version()).isEqualTo(2);
    }

    @Test
    void aRejectedEmergencyChangeIsRolledBackByTheProjectManager() {
      String code = inDelivery("Emergency rolled back");
      Baseline original = inForce(code);
      ChangeRequest change = raise(code, "paul", change("5000", 10, false, false, true));
      assess(change);
      journeys.executeJobs(changes.get(change.id()).processInstanceId());
      journeys.decide("petra", journeys.task(code, "Task_ApproveEmergencyChange", Groups.PMO),
          Map.of("decision", "REJECT", "comment", "Not an emergency"));
      Task rollback = journeys.task(code, "Task_RollBackChange", null);
      assertThat(rollback.getAssignee()).isEqualTo("paul");
      journeys.decide("paul", rollback, Map.of("decision", "ROLLED_BACK", "comment", "Config reverted"));

      Baseline restored = inForce(code);
      assertThat(restored.version()).isEqualTo(3);
      assertThat(restored.budgetAtCompletion()).isEqualByComparingTo(original.budgetAtCompletion());
      assertThat(restored.endDate()).isEqualTo(original.endDate());
      assertThat(baselines.versions(journeys.project(code).id())).extracting(Baseline::status)
          .containsExactly(Baseline.SUPERSEDED, Baseline.ROLLED_BACK, Baseline.IN_FORCE);
      assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.ROLLED_BACK);
    }

    @Test
    void aLateRetrospectiveApprovalIsEscalated() {
      String code = inDelivery("Emergency late");
      ChangeRequest change = raise(code, "paul", change("1000", 0, false, false, true));
      assess(change);
      String instance = changes.get(change.id()).processInstanceId();
      journeys.executeJobs(instance);
      TestMail.reset();
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2).plusHours(1))));
      managementService.createJobQuery().processInstanceId(instance).timers().list()
          .forEach(timer -> managementService.executeJob(timer.getId()));
      journeys.executeJobs(instance);
      assertThat(TestMail.messages()).anySatisfy(mail -> assertThat(mail.getSubject()).startsWith("Overdue"));
      assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getPriority()).isEqualTo(90);
    }
  }

  @Test
  void overrunsAboveTenPercentOfTheOriginalBudgetGoBackThroughApprovalRouting() {
    String code = inDelivery("Overrun");
    ChangeRequest change = raise(code, "paul", change("15000", 0, false, false, false));
    assess(change);
    approveAll(code, "Task_ApproveChange");
    ProcessInstance instance = process(change);
    assertThat(instance).isWaitingAt("Task_ReapproveProject")
        .hasPassed("Task_CheckReapproval", "Task_RerouteApprovals");
    assertThat(changes.get(change.id()).reapprovalRequired()).isTrue();
    assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.IN_REAPPROVAL);
    // the baseline does not change before the project is approved again at its new budget
    assertThat(inForce(code).budgetAtCompletion()).isEqualByComparingTo("100000");
    approveAll(code, "Task_ReapproveProject");
    assertThat(inForce(code).budgetAtCompletion()).isEqualByComparingTo("115000");
  }

  @Nested
  class SegregationOfDuties {

    @Test
    void theRequesterNeverApprovesTheirChange() {
      String requester = people.user("pmochange", Groups.PMO);
      String code = inDelivery("Requester barred");
      ChangeRequest change = raise(code, requester, change("1000", 0, false, false, false));
      journeys.decide("paul", journeys.task(code, "Task_AssessImpact", null), Map.of("impactNotes", "ok"));
      Task approval = journeys.task(code, "Task_ApproveChange", Groups.PMO);
      assertThatThrownBy(() -> people.as(requester, () -> taskService.claim(approval.getId(), requester)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("requested change " + change.code());
    }

    @Test
    void theProjectManagerWhoImplementsTheChangeDoesNotApproveIt() {
      String manager = people.user("pmpmo", Groups.PROJECT_MANAGERS, Groups.PMO);
      String code = journeys.approved(Requests.small("PM barred"));
      journeys.plan(code, manager, plan("100000", List.of()));
      journeys.checklist(code, manager, List.of());
      journeys.gate(code, "GO", Map.of());
      ChangeRequest change = raise(code, "petra", change("1000", 0, false, false, false));
      journeys.decide(manager, journeys.task(code, "Task_AssessImpact", null), Map.of("impactNotes", "ok"));
      Task approval = journeys.task(code, "Task_ApproveChange", Groups.PMO);
      assertThatThrownBy(() -> people.as(manager, () -> taskService.claim(approval.getId(), manager)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("You implement change " + change.code());
    }
  }

  @Test
  void aRedProjectInterventionRaisesAChangeRequest() {
    String code = inDelivery("Red to change");
    ProcessInstance lifecycle = journeys.lifecycle(code);
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(32))));
    managementService.createJobQuery().processInstanceId(lifecycle.getId()).timers().list().stream()
        .filter(j -> j.getDuedate().before(ClockUtil.getCurrentTime()))
        .forEach(j -> managementService.executeJob(j.getId()));
    journeys.decide("paul", journeys.task(code, "Task_SubmitStatusReport", null),
        Map.of("percentComplete", 5, "actualCostToDate", 70000));
    journeys.decide("petra", journeys.task(code, "Task_InterveneOnRedProject", Groups.PMO),
        Map.of("decision", "CHANGE_REQUEST", "comment", "Re-plan the remaining scope"));
    List<ChangeRequest> raised = changes.forProject(journeys.project(code).id());
    assertThat(raised).singleElement().satisfies(c -> {
      assertThat(c.raisedVia()).isEqualTo("RED_INTERVENTION");
      assertThat(c.requestedBy()).isEqualTo("petra");
      assertThat(c.reason()).isEqualTo("Re-plan the remaining scope");
    });
    assertThat(journeys.task(code, "Task_AssessImpact", null).getAssignee()).isEqualTo("paul");
  }
}
