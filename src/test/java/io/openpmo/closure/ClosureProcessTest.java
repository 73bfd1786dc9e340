package io.openpmo.closure;

import io.openpmo.status.RegisterStatus;
import io.openpmo.project.ChangeStatus;
import io.openpmo.core.InvalidRequestException;
import static io.openpmo.support.Journeys.allocation;
import static io.openpmo.support.Journeys.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.openpmo.audit.AuditEvent;
import io.openpmo.audit.AuditTrail;
import io.openpmo.change.ChangeRequest;
import io.openpmo.change.ChangeRequestInput;
import io.openpmo.change.ChangeService;
import io.openpmo.change.ChangeSubmissions;
import io.openpmo.gate.GateCondition;
import io.openpmo.gate.GateService;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.resource.Qualification;
import io.openpmo.resource.ResourceInput;
import io.openpmo.resource.ResourcePlans;
import io.openpmo.resource.ResourceService;
import io.openpmo.resource.Utilisation;
import io.openpmo.security.Groups;
import io.openpmo.status.RiskIssue;
import io.openpmo.status.RiskIssueInput;
import io.openpmo.status.RiskRegister;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import io.openpmo.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** projectClosure on the real engine: delivered, refused, stopped, cancelled, conditions, report, benefits. */
class ClosureProcessTest extends AppTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ClosureService closures;
  @Autowired ProjectDocuments documents;
  @Autowired Lessons lessons;
  @Autowired BenefitsReviews benefits;
  @Autowired GateService gates;
  @Autowired RiskRegister register;
  @Autowired ResourcePlans resourcePlans;
  @Autowired ChangeSubmissions changeSubmissions;
  @Autowired ChangeService changes;
  @Autowired AuditTrail auditTrail;

  @Autowired ResourceService resources;

  static final String CLARA = "clara";
  People people;
  Journeys journeys;

  @BeforeEach
  void setUp() {
    init(processEngine);
    people = new People(identityService);
    journeys = journeys();
    TestMail.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A small project planned by paul with Clara (a developer of these tests) this month and the next two. */
  String inDelivery(String title) {
    people.user(CLARA);
    if (resources.byUser(CLARA).isEmpty()) {
      resources.create(new ResourceInput(CLARA, "Clara Closer", "DEVELOPER", Qualification.PRACTITIONER,
          new BigDecimal("1.0"), true));
    }
    String code = journeys.approved(Requests.small(title));
    LocalDate month = LocalDate.now().withDayOfMonth(1);
    journeys.plan(code, "paul", plan("100000", List.of(allocation("DEVELOPER", CLARA, month, 0.1),
        allocation("DEVELOPER", CLARA, month.plusMonths(1), 0.1), allocation("DEVELOPER", CLARA, month.plusMonths(2),
            0.1))));
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO", Map.of());
    return code;
  }

  /** Delivery declared ready and G2 passed: the project is handed over to closure. */
  String delivered(String title) {
    String code = inDelivery(title);
    journeys.decide("paul", journeys.task(code, "Task_DeclareDeliveryReady", null),
        Map.of("decision", "READY", "comment", "Accepted by the business"));
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO", Map.of());
    return code;
  }

  ProcessInstance closure(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ClosureVariables.PROCESS_KEY)
        .processInstanceBusinessKey(code).singleResult();
  }

  Map<String, Object> figures(String finalCost, int percent) {
    Map<String, Object> form = new HashMap<>();
    form.put("finalCost", Double.valueOf(finalCost));
    form.put("percentComplete", percent);
    form.put("actualEndDate", LocalDate.now().toString());
    form.put("closureNotes", "Closed as planned");
    return form;
  }

  void recordFiguresAndLessons(String code, String manager, Map<String, Object> figures) {
    journeys.decide(manager, journeys.task(code, "Task_RecordFinalFigures", null), figures);
    journeys.decide(manager, journeys.task(code, "Task_RecordLessons", null), Map.of("wentWell",
        "Early involvement of operations", "toImprove", "Test data arrived late", "recommendations",
        "Book the test environment at G1", "tags", "Testing, environments"));
  }

  /** The final report job runs, the PMO passes G3; the notification job runs. */
  void reportAndG3(String code) {
    ProcessInstance instance = closure(code);
    journeys.executeJobs(instance.getId());
    journeys.checklist(code, "paul", List.of("Lessons learned recorded"));
    journeys.gate(code, "GO", Map.of());
    journeys.executeJobs(instance.getId());
  }

  List<String> actions(String code) {
    return auditTrail.forProject(journeys.project(code).id()).stream().map(AuditEvent::action).toList();
  }

  static String text(byte[] pdf) throws IOException {
    try (PdfReader reader = new PdfReader(pdf)) {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString();
    }
  }

  @Test
  void aDeliveredProjectIsAcceptedMeasuredArchivedApprovedAndClosed() throws IOException {
    String code = delivered("Closure happy path");
    Project project = journeys.project(code);
    assertThat(journeys.lifecycle(code)).isNull();
    ProcessInstance instance = closure(code);
    assertThat(instance).isWaitingAt("Task_AcceptDeliverables").task().isAssignedTo("sam");
    // the months after this one are released at once; this month stays allocated
    YearMonth now = YearMonth.now();
    assertThat(claraAllocated(now)).isGreaterThanOrEqualTo(0.1);
    assertThat(closures.get(project.id()).releasedFte()).isEqualByComparingTo("0.2");
    assertThat(baselineAllocationsReleased(project)).isEqualTo(2);

    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null), Map.of("acceptance", "ACCEPTED"));
    assertThat(instance).isWaitingAt("Task_RecordFinalFigures").task().isAssignedTo("paul");
    recordFiguresAndLessons(code, "paul", figures("95000", 100));
    Closure closure = closures.get(project.id());
    assertThat(closure.finalCost()).isEqualByComparingTo("95000");
    assertThat(closure.costVariance()).isEqualByComparingTo("5000");
    assertThat(closure.finalCpi()).isEqualByComparingTo(new BigDecimal("100000").divide(new BigDecimal("95000"), 4,
        java.math.RoundingMode.HALF_UP));
    assertThat(closure.scheduleVarianceDays()).isEqualTo(
        (int) java.time.temporal.ChronoUnit.DAYS.between(closure.baselineEndDate(), LocalDate.now()));
    assertThat(lessons.search("test environment", "testing", 0, 10)).extracting(Lesson::projectCode).contains(code);

    assertThat(instance).isWaitingAt("Task_GenerateFinalReport");
    reportAndG3(code);

    project = journeys.project(code);
    assertThat(project.status()).isEqualTo(ProjectStatus.CLOSED);
    assertThat(project.phase()).isEqualTo(ProjectPhase.CLOSED);
    assertThat(instance).isWaitingAt("Event_BenefitsReviewDue");
    ProjectDocument report = documents.list(project.id()).get(0);
    assertThat(report.kind()).isEqualTo(ProjectDocument.FINAL_REPORT);
    String pdf = text(documents.get(project.id(), report.id()).content());
    assertThat(pdf).contains(code).contains("Closure happy path").contains("95,000").contains("Book the test environment");
    assertThat(io.openpmo.core.Sha256.hex(documents.get(project.id(), report.id()).content())).isEqualTo(report.sha256());

    List<MimeMessage> closed = TestMail.messages().stream().filter(m -> subject(m).startsWith(code + " closed")).toList();
    assertThat(closed.stream().flatMap(m -> recipients(m).stream())).contains("sam@openpmo.local", "rita@openpmo.local");
    assertThat(actions(code)).containsSubsequence("DELIVERY_COMPLETED", "CLOSURE_STARTED", "RESOURCES_RELEASED",
        "DELIVERABLES_ACCEPTED", "FINAL_FIGURES_RECORDED", "LESSON_RECORDED", "DOCUMENT_ARCHIVED", "GATE_DECIDED",
        "PROJECT_CLOSED", "BENEFITS_REVIEW_SCHEDULED");
  }

  @Test
  void aRefusalGoesBackToTheProjectManagerAndTheSponsorIsAskedAgain() {
    String code = delivered("Closure refused");
    ProcessInstance instance = closure(code);
    assertThatThrownBy(() -> journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null),
        Map.of("acceptance", "REFUSED"))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("acceptanceComment");
    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null),
        Map.of("acceptance", "REFUSED", "acceptanceComment", "The user manual is missing"));
    assertThat(instance).isWaitingAt("Task_AddressRefusal").task().isAssignedTo("paul");
    journeys.decide("paul", journeys.task(code, "Task_AddressRefusal", null),
        Map.of("decision", "REWORKED", "comment", "Manual written and published"));
    Task again = journeys.task(code, "Task_AcceptDeliverables", null);
    assertThat(taskService.getVariable(again.getId(), "subjectSummary").toString())
        .contains("The user manual is missing");
    journeys.decide("sam", again, Map.of("acceptance", "ACCEPTED_WITH_RESERVATIONS",
        "acceptanceComment", "Training still to be scheduled"));
    Closure closure = closures.get(journeys.project(code).id());
    assertThat(closure.acceptance()).isEqualTo(Closure.ACCEPTED_WITH_RESERVATIONS);
    assertThat(closure.acceptanceRefusals()).isEqualTo(1);
    assertThat(instance).isWaitingAt("Task_RecordFinalFigures");
  }

  @Test
  void onlyTheSponsorAcceptsTheDeliverables() {
    String code = delivered("Closure sponsor only");
    Task acceptance = journeys.task(code, "Task_AcceptDeliverables", null);
    // the PMO sees the task but the engine lets only its assignee, the sponsor, work on it
    assertThatThrownBy(() -> people.as("petra", () -> taskService.complete(acceptance.getId(),
        Map.of("acceptance", "ACCEPTED")))).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> people.as("paul", () -> taskService.complete(acceptance.getId(),
        Map.of("acceptance", "ACCEPTED")))).isInstanceOf(AuthorizationException.class);
    assertThat(closure(code)).isWaitingAt("Task_AcceptDeliverables");
  }

  @Test
  void openRisksAndIssuesAreHandedOverBeforeTheFiguresAreAccepted() {
    String code = delivered("Closure hand-over");
    Project project = journeys.project(code);
    RiskIssue risk = people.as("paul", () -> register.add(project, new RiskIssueInput("RISK", "Key user leaves",
        null, "HIGH", 3, 4, "paul", "OPEN", null), "paul"));
    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null), Map.of("acceptance", "ACCEPTED"));
    Task figures = journeys.task(code, "Task_RecordFinalFigures", null);
    assertThat(taskService.getVariable(figures.getId(), "openItemsList").toString()).contains("Key user leaves");
    assertThatThrownBy(() -> journeys.decide("paul", figures, figures("90000", 100)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("openItems");
    Map<String, Object> handOver = figures("90000", 100);
    handOver.put("openItems", "HAND_OVER");
    handOver.put("handOverTo", "nobody-known");
    assertThatThrownBy(() -> journeys.decide("paul", figures, handOver)).hasMessageContaining("handOverTo");
    handOver.put("handOverTo", "sam");
    journeys.decide("paul", figures, handOver);
    RiskIssue after = register.get(risk.id());
    assertThat(after.status()).isEqualTo(RegisterStatus.HANDED_OVER);
    assertThat(after.owner()).isEqualTo("sam");
    assertThat(closures.get(project.id()).openItems()).isEqualTo("HANDED_OVER");
  }

  @Nested
  class StoppedAndCancelled {

    @Test
    void aProjectStoppedAtG1IsClosedWithoutAcceptanceOrBenefitsReview() {
      String code = journeys.approved(Requests.small("Closure after stop"));
      journeys.plan(code, "paul", plan("100000", List.of()));
      journeys.checklist(code, "paul", List.of());
      journeys.gate(code, "STOP", Map.of("comment", "The business case is gone"));
      ProcessInstance instance = closure(code);
      assertThat(instance).isWaitingAt("Task_RecordFinalFigures").task().isAssignedTo("paul");
      Project project = journeys.project(code);
      assertThat(closures.get(project.id()).reason()).isEqualTo(Closure.STOPPED);
      assertThat(closures.get(project.id()).reasonNote()).contains("The business case is gone");
      recordFiguresAndLessons(code, "paul", figures("3000", 0));
      // no baseline: only the cost is known
      assertThat(closures.get(project.id()).finalCpi()).isNull();
      reportAndG3(code);
      assertThat(instance).isEnded().hasPassed("EndEvent_ProjectClosed").hasNotPassed("Task_AcceptDeliverables");
      assertThat(journeys.project(code).status()).isEqualTo(ProjectStatus.CLOSED);
      assertThat(benefits.find(project.id())).isEmpty();
    }

    @Test
    void aCancelledProjectWithdrawsItsOpenChangesAndGoesToClosure() {
      String code = inDelivery("Closure after cancellation");
      Project project = journeys.project(code);
      ChangeRequest change = people.as("paul", () -> changeSubmissions.raise(project, new ChangeRequestInput(
          "More scope", "Needed", true, "Add a report", 5, new BigDecimal("1000"), "LOW", false, false, null), "paul",
          "API"));
      Http.Response cancelled = http("sam").post("/api/v1/projects/" + code + "/cancellation",
          Map.of("reason", "Merged into the group programme"));
      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
      assertThat(journeys.lifecycle(code)).isNull();
      assertThat(changes.get(change.id()).status()).isEqualTo(ChangeStatus.WITHDRAWN);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(change.processInstanceId()).count())
          .isZero();
      Closure closure = closures.get(project.id());
      assertThat(closure.reason()).isEqualTo(Closure.CANCELLED);
      assertThat(closure.reasonNote()).isEqualTo("Merged into the group programme");
      assertThat(closure(code)).isWaitingAt("Task_RecordFinalFigures");
      assertThat(actions(code)).containsSubsequence("PROJECT_CANCELLED", "CLOSURE_STARTED", "CHANGE_WITHDRAWN");
    }

    @Test
    void cancellationIsRefusedToOthersWithoutAReasonAndOutsideTheLifecycle() {
      String code = inDelivery("Closure cancel refused");
      assertThat(http("rita").post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", "x")).status())
          .isEqualTo(403);
      Http.Response noReason = http("petra").post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", " "));
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
      String inInitiation = journeys.submit("rita", Requests.small("Still in review")).code();
      assertThat(http("petra").post("/api/v1/projects/" + inInitiation + "/cancellation", Map.of("reason", "No"))
          .status()).isEqualTo(409);
      assertThat(journeys.project(code).status()).isEqualTo(ProjectStatus.ACTIVE);
      assertThat(journeys.lifecycle(code)).isNotNull();
    }
  }

  @Test
  void openGateConditionsAreWaivedByThePmoBeforeTheFinalReport() {
    String code = journeys.approved(Requests.small("Closure conditions"));
    journeys.plan(code, "paul", plan("100000", List.of()));
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO_WITH_CONDITIONS", Map.of("conditions", "Name a deputy PM\nAgree the test strategy"));
    Project project = journeys.project(code);
    journeys.decide("paul", journeys.task(code, "Task_DeclareDeliveryReady", null),
        Map.of("decision", "READY", "comment", "Done"));
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO", Map.of());
    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null), Map.of("acceptance", "ACCEPTED"));
    recordFiguresAndLessons(code, "paul", figures("100000", 100));

    ProcessInstance instance = closure(code);
    Task settle = journeys.task(code, "Task_SettleGateConditions", Groups.PMO);
    assertThat(taskService.getVariable(settle.getId(), "openConditionsList").toString())
        .contains("Name a deputy PM", "Agree the test strategy");
    // one is met in the meantime; checking again still finds the other
    GateCondition first = gates.conditions(project.id()).get(0);
    gates.closeCondition(first.id(), GateCondition.MET, "paul", false, "Nora");
    journeys.decide("petra", settle, Map.of("decision", "CHECK_AGAIN", "comment", "Paul met the first"));
    settle = journeys.task(code, "Task_SettleGateConditions", Groups.PMO);
    journeys.decide("petra", settle, Map.of("decision", "WAIVE_ALL", "comment", "Test strategy obsolete at closure"));
    assertThat(gates.conditions(project.id())).extracting(GateCondition::status)
        .containsExactly(GateCondition.MET, GateCondition.WAIVED);
    assertThat(instance).isWaitingAt("Task_GenerateFinalReport");
  }

  @Test
  void aFailingFinalReportIsRetriedThenAnIncidentAndNothingIsLost() {
    String code = delivered("Closure report failure");
    Project project = journeys.project(code);
    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null), Map.of("acceptance", "ACCEPTED"));
    recordFiguresAndLessons(code, "paul", figures("99000", 100));
    ProcessInstance instance = closure(code);
    // a data problem: the job cannot find its project
    runtimeService.setVariable(instance.getId(), ClosureVariables.PROJECT_ID, -1L);
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
    }
    Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(instance).isWaitingAt("Task_GenerateFinalReport");
    assertThat(documents.list(project.id())).isEmpty();
    // the operator fixes the data and retries in Cockpit
    runtimeService.setVariable(instance.getId(), ClosureVariables.PROJECT_ID, project.id());
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(documents.list(project.id())).hasSize(1);
    assertThat(instance).isWaitingAt("CallActivity_ClosureApproval");
  }

  @Test
  void theSponsorReviewsTheBenefitsSixMonthsAfterClosure() {
    String code = delivered("Closure benefits");
    Project project = journeys.project(code);
    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null), Map.of("acceptance", "ACCEPTED"));
    recordFiguresAndLessons(code, "paul", figures("100000", 100));
    reportAndG3(code);
    ProcessInstance instance = closure(code);
    BenefitsReview scheduled = benefits.find(project.id()).orElseThrow();
    assertThat(scheduled.dueAt().toLocalDate()).isEqualTo(LocalDate.now().plusMonths(6));
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(scheduled.dueAt().toInstant());

    ClockUtil.setCurrentTime(Date.from(scheduled.dueAt().toInstant().plus(Duration.ofHours(1))));
    managementService.executeJob(timer.getId());
    Task review = journeys.task(code, "Task_ReviewBenefits", null);
    assertThat(review.getAssignee()).isEqualTo("sam");
    assertThat(taskService.getVariable(review.getId(), "subjectSummary").toString()).contains("60,000");
    assertThatThrownBy(() -> journeys.decide("sam", review, Map.of("realisedAnnualBenefit", -1,
        "benefitsOutcome", "ACHIEVED", "benefitsComment", "x"))).hasMessageContaining("realisedAnnualBenefit");
    journeys.decide("sam", review, Map.of("realisedAnnualBenefit", 45000.0, "benefitsOutcome", "PARTIALLY_ACHIEVED",
        "benefitsComment", "Reconciliation time halved, not yet on all desks"));
    assertThat(instance).isEnded().hasPassed("EndEvent_BenefitsReviewed");
    BenefitsReview reviewed = benefits.find(project.id()).orElseThrow();
    assertThat(reviewed.realisationRatio()).isEqualByComparingTo("0.75");
    assertThat(reviewed.reviewedBy()).isEqualTo("sam");
    // the result shows on the project
    var view = http("sam").get("/api/v1/projects/" + code).json();
    assertThat(view.at("/closure/benefitsReview/outcome").asText()).isEqualTo("PARTIALLY_ACHIEVED");
    assertThat(view.at("/closure/closure/acceptance").asText()).isEqualTo("ACCEPTED");
  }

  private double claraAllocated(YearMonth month) {
    return resourcePlans.utilisation(month, month).stream().filter(u -> u.name().startsWith("Clara"))
        .map(Utilisation::allocatedFte).mapToDouble(BigDecimal::doubleValue).sum();
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private int baselineAllocationsReleased(Project project) {
    return jdbc.queryForObject("SELECT count(*) FROM allocation WHERE project_id = ? AND released_at IS NOT NULL",
        Integer.class, project.id());
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
