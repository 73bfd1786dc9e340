package io.openpmo.lifecycle;

import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;

import io.openpmo.project.GateOutcome;
import io.openpmo.project.Health;
import io.openpmo.core.InvalidRequestException;
import static io.openpmo.support.Journeys.allocation;
import static io.openpmo.support.Journeys.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.openpmo.audit.AuditEvent;
import io.openpmo.audit.AuditTrail;
import io.openpmo.gate.GateCondition;
import io.openpmo.gate.GateService;
import io.openpmo.intake.ProjectSubmissions;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.resource.Qualification;
import io.openpmo.resource.ResourceInput;
import io.openpmo.resource.ResourceService;
import io.openpmo.review.SegregationOfDutiesException;
import io.openpmo.security.Groups;
import io.openpmo.status.StatusReport;
import io.openpmo.status.StatusReportService;
import io.openpmo.support.AppTest;
import io.openpmo.support.Journeys;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** projectLifecycle and stageGateReview on the real engine: planning, G1, delivery and status, G2. */
class LifecycleProcessTest extends AppTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ProjectSubmissions submissions;
  @Autowired ProjectMapper projects;
  @Autowired BaselineService baselines;
  @Autowired GateService gates;
  @Autowired StatusReportService reports;
  @Autowired ResourceService resources;
  @Autowired AuditTrail auditTrail;

  People people;
  Journeys journeys;

  static final List<String> G1_CHECKLIST = List.of("Scope statement agreed with the sponsor",
      "Milestones dated and owned");

  @BeforeEach
  void setUp() {
    init(processEngine);
    people = new People(identityService);
    journeys = new Journeys(people, submissions, projects, runtimeService, taskService, managementService);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** An approved small project, planned by paul without named resources, through G1 with GO. */
  String inDelivery(String title) {
    String code = journeys.approved(Requests.small(title));
    journeys.plan(code, "paul", plan("100000", List.of(allocation("DEVELOPER", null, LocalDate.now(), 0.2))));
    journeys.checklist(code, "paul", G1_CHECKLIST);
    journeys.gate(code, "GO", Map.of());
    return code;
  }

  List<String> actions(String code) {
    return auditTrail.forProject(journeys.project(code).id()).stream().map(AuditEvent::action).toList();
  }

  void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  void fireTimers(ProcessInstance instance) {
    List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(1))).list();
    assertThat(due).as("due timers").isNotEmpty();
    due.forEach(job -> managementService.executeJob(job.getId()));
  }

  @Test
  void approvalStartsTheLifecycleAtPlanning() {
    String code = journeys.approved(Requests.small("Lifecycle starts"));
    ProcessInstance lifecycle = journeys.lifecycle(code);
    assertThat(lifecycle).isWaitingAt("Task_PlanProject");
    assertThat(journeys.project(code).phase()).isEqualTo(ProjectPhase.PLANNING);
    Task plan = journeys.task(code, "Task_PlanProject", Groups.PROJECT_MANAGERS);
    // the form is prefilled from the request (the task's own variables)
    assertThat(taskService.getVariableLocal(plan.getId(), "budgetAtCompletion")).isEqualTo(100000.0);
  }

  @Test
  void planPassesCapacityAndG1AndPutsTheBaselineInForce() {
    String code = journeys.approved(Requests.small("Happy plan"));
    ProcessInstance lifecycle = journeys.lifecycle(code);
    journeys.plan(code, "paul", plan("120000", List.of(allocation("DEVELOPER", "dora", LocalDate.now(), 0.3))));

    assertThat(lifecycle).isWaitingAt("CallActivity_PlanApproval")
        .hasPassed("Task_CheckResourceCapacity", "Task_CheckPmQualification");
    assertThat(journeys.project(code).projectManager()).isEqualTo("paul");
    ProcessInstance gate = journeys.gateReview(code);
    assertThat(gate).isWaitingAt("Task_CompleteGateChecklist").task().isAssignedTo("paul");
    journeys.checklist(code, "paul", G1_CHECKLIST);
    assertThat(gate).isWaitingAt("Task_ReviewGate");
    journeys.gate(code, "GO", Map.of());

    assertThat(gate).isEnded();
    Project project = journeys.project(code);
    assertThat(project.status()).isEqualTo(ProjectStatus.ACTIVE);
    assertThat(project.phase()).isEqualTo(ProjectPhase.DELIVERY);
    Baseline inForce = baselines.get(project.currentBaselineId());
    assertThat(inForce.status()).isEqualTo(Baseline.IN_FORCE);
    assertThat(inForce.budgetAtCompletion()).isEqualByComparingTo("120000");
    assertThat(baselines.milestones(inForce.id())).hasSize(2);
    assertThat(baselines.allocations(inForce.id())).singleElement().satisfies(a -> assertThat(a.fte())
        .isEqualByComparingTo("0.3"));
    assertThat(lifecycle).isWaitingAt("Task_DeclareDeliveryReady");
    assertThat(gates.reviews(project.id())).singleElement().satisfies(review -> {
      assertThat(review.outcome()).isEqualTo(GateOutcome.GO);
      assertThat(review.checklist()).contains("Scope statement agreed with the sponsor");
    });
    assertThat(actions(code)).containsSubsequence("BASELINE_DRAFTED", "GATE_OPENED", "GATE_CHECKLIST_COMPLETED",
        "REVIEW_DECIDED", "GATE_DECIDED", "BASELINE_IN_FORCE", "DELIVERY_STARTED");
  }

  @Test
  void anInvalidPlanIsRefusedNamingTheFields() {
    String code = journeys.approved(Requests.small("Bad plan"));
    Map<String, Object> bad = plan("-5", List.of(allocation("DEVELOPER", "nobody", LocalDate.now(), 3.0)));
    bad.put("milestonesText", "");
    assertThatThrownBy(() -> journeys.plan(code, "paul", bad)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("budgetAtCompletion").hasMessageContaining("milestones")
        .hasMessageContaining("allocations[0].resourceUserId").hasMessageContaining("allocations[0].fte");
    assertThat(baselines.draft(journeys.project(code).id())).isEmpty();
    assertThat(journeys.lifecycle(code)).isWaitingAt("Task_PlanProject");
  }

  @Nested
  class Gates {

    @Test
    void recycleSendsThePlanBackAndASecondAttemptFollows() {
      String code = journeys.approved(Requests.small("Recycled"));
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "RECYCLE", Map.of("comment", "Milestones are too coarse"));
      assertThat(journeys.lifecycle(code)).isWaitingAt("Task_PlanProject");
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "GO", Map.of());
      assertThat(gates.reviews(journeys.project(code).id())).extracting("attempt", "outcome")
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, GateOutcome.RECYCLE), org.assertj.core.groups.Tuple.tuple(2, GateOutcome.GO));
    }

    @Test
    void goWithConditionsRecordsConditionsTrackedUntilMetOrWaived() {
      String code = journeys.approved(Requests.small("Conditional"));
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "GO_WITH_CONDITIONS", Map.of("conditions", "Name a deputy PM\n- Agree the test strategy"));
      Project project = journeys.project(code);
      assertThat(project.status()).isEqualTo(ProjectStatus.ACTIVE);
      List<GateCondition> conditions = gates.conditions(project.id());
      assertThat(conditions).extracting(GateCondition::description)
          .containsExactly("Name a deputy PM", "Agree the test strategy");
      assertThat(conditions).allSatisfy(c -> assertThat(c.owner()).isEqualTo("paul"));
      gates.closeCondition(conditions.get(0).id(), GateCondition.MET, "paul", false, "Nora is deputy");
      assertThatThrownBy(() -> gates.closeCondition(conditions.get(1).id(), GateCondition.WAIVED, "paul", false, "x"))
          .hasMessageContaining("Only the PMO waives");
      gates.closeCondition(conditions.get(1).id(), GateCondition.WAIVED, "petra", true, "Covered by the test office");
      assertThat(gates.openConditions(project.id())).isZero();
    }

    @Test
    void goWithConditionsWithoutConditionsIsRefused() {
      String code = journeys.approved(Requests.small("Conditions missing"));
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      assertThatThrownBy(() -> journeys.gate(code, "GO_WITH_CONDITIONS", Map.of()))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("conditions");
    }

    @Test
    void holdWaitsForThePmoWhoResumesAtTheSameGate() {
      String code = journeys.approved(Requests.small("Held at G1"));
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "HOLD", Map.of("comment", "Budget freeze until Q2"));
      ProcessInstance lifecycle = journeys.lifecycle(code);
      assertThat(lifecycle).isWaitingAt("Task_DecideOnHold");
      assertThat(journeys.project(code).status()).isEqualTo(ProjectStatus.ON_HOLD);
      journeys.decide("petra", journeys.task(code, "Task_DecideOnHold", Groups.PMO),
          Map.of("decision", "RESUME", "comment", "Budget released"));
      assertThat(lifecycle).hasPassed("Task_ResumeProject").isWaitingAt("CallActivity_PlanApproval");
      assertThat(journeys.project(code).status()).isEqualTo(ProjectStatus.APPROVED);
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "GO", Map.of());
      assertThat(journeys.project(code).status()).isEqualTo(ProjectStatus.ACTIVE);
    }

    @Test
    void stopEndsTheLifecycle() {
      String code = journeys.approved(Requests.small("Stopped at G1"));
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "STOP", Map.of("comment", "No longer needed"));
      Project project = journeys.project(code);
      assertThat(project.status()).isEqualTo(ProjectStatus.STOPPED);
      assertThat(baselines.versions(project.id())).extracting(Baseline::status).containsExactly(Baseline.DISCARDED);
      assertThat(journeys.lifecycle(code)).isNull();
    }

    @Test
    void deliveryReadinessG2HandsOverToClosure() {
      String code = inDelivery("Delivered");
      ProcessInstance lifecycle = journeys.lifecycle(code);
      journeys.decide("paul", journeys.task(code, "Task_DeclareDeliveryReady", null),
          Map.of("decision", "READY", "comment", "All acceptance tests passed"));
      assertThat(lifecycle).isWaitingAt("CallActivity_DeliveryReadiness");
      journeys.checklist(code, "paul", List.of("Acceptance tests passed"));
      journeys.gate(code, "GO", Map.of());
      assertThat(lifecycle).isEnded().hasPassed("Task_StartClosure", "EndEvent_HandedOverToClosure");
      assertThat(journeys.project(code).phase()).isEqualTo(ProjectPhase.CLOSURE);
    }

    @Test
    void theProjectManagerMayNotDecideTheirOwnGate() {
      String manager = people.user("pmgate", Groups.PROJECT_MANAGERS, Groups.PMO);
      String code = journeys.approved(Requests.small("Own gate"));
      journeys.plan(code, manager, plan("100000", List.of()));
      journeys.checklist(code, manager, G1_CHECKLIST);
      Task review = journeys.task(code, "Task_ReviewGate", Groups.PMO);
      assertThatThrownBy(() -> people.as(manager, () -> taskService.claim(review.getId(), manager)))
          .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("You manage " + code);
    }
  }

  @Nested
  class Resources {

    @Test
    void overAllocationWaitsForTheResourceManagersAndTheirApproval() {
      String first = inDeliveryWith("Takes Anna", "anna", 0.6);
      assertThat(journeys.project(first).status()).isEqualTo(ProjectStatus.ACTIVE);

      String second = journeys.approved(Requests.small("Also wants Anna"));
      journeys.plan(second, "paul", plan("100000", List.of(allocation("ARCHITECT", "anna", LocalDate.now(), 0.5))));
      ProcessInstance lifecycle = journeys.lifecycle(second);
      assertThat(lifecycle).isWaitingAt("Task_ResolveOverallocation");
      Task resolve = journeys.task(second, "Task_ResolveOverallocation", Groups.RESOURCE_MANAGERS);
      assertThat((String) taskService.getVariableLocal(resolve.getId(), "conflicts"))
          .contains("Anna Architect").contains("0.5 FTE requested, 0.2 available");

      journeys.decide("rosa", resolve, Map.of("resolution", "APPROVE", "note", "Anna works overtime this month"));
      assertThat(lifecycle).isWaitingAt("CallActivity_PlanApproval");
      assertThat(actions(second)).contains("CAPACITY_CONFLICTS_FOUND", "OVERALLOCATION_RESOLVED");
    }

    @Test
    void substitutionMovesTheAllocationToAnotherPerson() {
      inDeliveryWith("Takes Dana", "dana", 1.0);
      String second = journeys.approved(Requests.small("Wants Dana too"));
      journeys.plan(second, "paul", plan("100000", List.of(allocation("DEVELOPER", "dana", LocalDate.now(), 0.5))));
      Task resolve = journeys.task(second, "Task_ResolveOverallocation", Groups.RESOURCE_MANAGERS);
      long dirk = resources.byUser("dirk").orElseThrow().id();
      journeys.decide("rosa", resolve, Map.of("resolution", "SUBSTITUTE", "substituteResourceId", dirk));
      assertThat(journeys.lifecycle(second)).isWaitingAt("CallActivity_PlanApproval");
      long draft = baselines.draft(journeys.project(second).id()).orElseThrow().id();
      assertThat(baselines.allocations(draft)).singleElement().satisfies(a -> assertThat(a.resourceId()).isEqualTo(dirk));
    }

    String inDeliveryWith(String title, String person, double fte) {
      String code = journeys.approved(Requests.small(title));
      journeys.plan(code, "paul", plan("100000", List.of(allocation(null, person, LocalDate.now(), fte))));
      journeys.checklist(code, "paul", G1_CHECKLIST);
      journeys.gate(code, "GO", Map.of());
      return code;
    }

    @Test
    void aHighRiskProjectNeedsASeniorProjectManagerOrAPmoException() {
      String junior = people.user("junpm", Groups.PROJECT_MANAGERS);
      if (resources.byUser(junior).isEmpty()) {
        resources.create(new ResourceInput(junior, "June Junior", "PROJECT_MANAGER", Qualification.JUNIOR,
            new BigDecimal("1.0"), true));
      }
      String code = journeys.approved(Requests.withBothCommittees("High risk, junior PM"));
      journeys.plan(code, junior, plan("12000000", List.of()));
      ProcessInstance lifecycle = journeys.lifecycle(code);
      assertThat(lifecycle).isWaitingAt("Task_DecidePmException");
      journeys.decide("petra", journeys.task(code, "Task_DecidePmException", Groups.PMO),
          Map.of("decision", "GRANT", "comment", "Coached by the PMO"));
      assertThat(lifecycle).hasPassed("Task_RecordPmException").isWaitingAt("CallActivity_PlanApproval");
      assertThat(journeys.project(code).pmExceptionBy()).isEqualTo("petra");
    }

    @Test
    void aSeniorProjectManagerPassesTheQualificationRule() {
      String code = journeys.approved(Requests.withBothCommittees("High risk, senior PM"));
      journeys.plan(code, "paul", plan("12000000", List.of()));
      assertThat(journeys.lifecycle(code)).isWaitingAt("CallActivity_PlanApproval").hasNotPassed("Task_DecidePmException");
    }
  }

  @Nested
  class StatusCycle {

    @Test
    void aReportIsDueEveryCycleAndIsMeasuredAndRated() {
      String code = inDelivery("Monthly report");
      ProcessInstance lifecycle = journeys.lifecycle(code);
      moveClock(Duration.ofDays(32));
      fireTimers(lifecycle);
      Task report = journeys.task(code, "Task_SubmitStatusReport", null);
      assertThat(report.getAssignee()).isEqualTo("paul");
      journeys.decide("paul", report, Map.of("percentComplete", 40, "actualCostToDate", 35000,
          "notes", "Design done"));

      StatusReport recorded = reports.latest(journeys.project(code).id()).orElseThrow();
      assertThat(recorded.source()).isEqualTo("TASKLIST");
      assertThat(recorded.earnedValue()).isEqualByComparingTo("40000");
      assertThat(recorded.cpi()).isEqualByComparingTo(new BigDecimal("40000").divide(new BigDecimal("35000"), 4,
          java.math.RoundingMode.HALF_UP));
      assertThat(recorded.spi()).isNotNull();
      assertThat(recorded.health()).isIn(Health.GREEN, Health.AMBER);
      assertThat(journeys.project(code).health()).isEqualTo(recorded.health());
      assertThat(lifecycle).hasPassed("Task_RateHealth", "Task_RecordHealth").isWaitingAt("Task_DeclareDeliveryReady");
    }

    @Test
    void aRedReportOpensAPmoIntervention() {
      String code = inDelivery("Going red");
      ProcessInstance lifecycle = journeys.lifecycle(code);
      moveClock(Duration.ofDays(32));
      fireTimers(lifecycle);
      journeys.decide("paul", journeys.task(code, "Task_SubmitStatusReport", null),
          Map.of("percentComplete", 10, "actualCostToDate", 60000));
      assertThat(journeys.project(code).health()).isEqualTo(Health.RED);
      Task intervention = journeys.task(code, "Task_InterveneOnRedProject", Groups.PMO);
      journeys.decide("petra", intervention, Map.of("decision", "RECOVERY_PLAN", "comment",
          "Descope reporting, add a developer"));
      assertThat(lifecycle).hasPassed("EndEvent_RecoveryPlanAgreed");
      assertThat(actions(code)).contains("HEALTH_RATED", "RED_INTERVENTION_DECIDED");
    }

    @Test
    void anExtraordinaryGateMayStopARedProject() {
      String code = inDelivery("Red and stopped");
      ProcessInstance lifecycle = journeys.lifecycle(code);
      moveClock(Duration.ofDays(32));
      fireTimers(lifecycle);
      journeys.decide("paul", journeys.task(code, "Task_SubmitStatusReport", null),
          Map.of("percentComplete", 5, "actualCostToDate", 80000));
      journeys.decide("petra", journeys.task(code, "Task_InterveneOnRedProject", Groups.PMO),
          Map.of("decision", "EXTRAORDINARY_GATE", "comment", "Cost overrun beyond recovery"));
      journeys.checklist(code, "paul", List.of());
      journeys.gate(code, "STOP", Map.of("comment", "Stop the bleeding"));
      assertThat(journeys.project(code).status()).isEqualTo(ProjectStatus.STOPPED);
      assertThat(lifecycle).isEnded().hasPassed("BoundaryEvent_DeliveryStopped", "EndEvent_ProjectStopped");
    }

    @Test
    void twoMissedReportsInARowGoToThePmo() {
      String code = inDelivery("Silent PM");
      ProcessInstance lifecycle = journeys.lifecycle(code);
      moveClock(Duration.ofDays(32));
      fireTimers(lifecycle);                              // report 1 due
      moveClock(Duration.ofDays(32));
      fireTimers(lifecycle);                              // report 1 missed, report 2 due
      assertThat(journeys.project(code).missedReports()).isEqualTo(1);
      assertThat(taskService.createTaskQuery().processInstanceId(lifecycle.getId())
          .taskDefinitionKey("Task_ChaseStatusReports").count()).isZero();
      moveClock(Duration.ofDays(32));
      fireTimers(lifecycle);                              // report 2 missed, report 3 due
      assertThat(journeys.project(code).missedReports()).isEqualTo(2);
      Task chase = journeys.task(code, "Task_ChaseStatusReports", Groups.PMO);
      journeys.decide("petra", chase, Map.of("decision", "CHASED", "comment", "Paul reports by Friday"));
      // a report resets the count
      journeys.decide("paul", journeys.task(code, "Task_SubmitStatusReport", null),
          Map.of("percentComplete", 60, "actualCostToDate", 50000));
      assertThat(journeys.project(code).missedReports()).isZero();
      assertThat(actions(code)).contains("STATUS_REPORT_MISSED", "MISSED_REPORTS_CHASED");
    }

    @Test
    void anInvalidReportIsRefusedAndTheTaskStays() {
      String code = inDelivery("Bad report");
      moveClock(Duration.ofDays(32));
      fireTimers(journeys.lifecycle(code));
      Task report = journeys.task(code, "Task_SubmitStatusReport", null);
      assertThatThrownBy(() -> journeys.decide("paul", report, Map.of("percentComplete", 140,
          "actualCostToDate", -1))).isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("percentComplete").hasMessageContaining("actualCostToDate");
      assertThat(reports.reports(journeys.project(code).id())).isEmpty();
    }
  }

}
