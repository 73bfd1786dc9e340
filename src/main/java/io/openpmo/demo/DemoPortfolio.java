package io.openpmo.demo;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.project.GateOutcome;
import io.openpmo.change.ChangeRequestInput;
import io.openpmo.engine.EngineClock;
import io.openpmo.engine.JobExecution;
import io.openpmo.intake.ProjectRequest;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo portfolio: a dozen projects of a bank in every phase and health, with a year of history (reviews,
 * gates, status reports, a change, a closure with lessons), so that the first start shows the dashboard, the
 * reports and Tasklist with something worth looking at. Seeded once, into an empty database, through the same
 * processes and services as real work ({@code openpmo.demo.portfolio=false} turns it off).
 *
 * <p>The history is written with the engine's clock set back (Camunda has one clock for the whole JVM), so the
 * seeding runs in a start-up phase of its own: after the engine, the schema and the demo users exist, but before
 * the web server binds its port ({@link #PHASE} is below the web server's phase) and before the job executor starts
 * (it starts once the application is ready). While the clock is set back nothing else runs that could read it: no
 * request can arrive and no job is acquired; the clock is reset before the port opens.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "openpmo.demo.portfolio", havingValue = "true", matchIfMissing = true)
class DemoPortfolio implements SmartLifecycle {

  /** Spring Boot starts the web server in phase {@code Integer.MAX_VALUE - 2048}: this runs well before it. */
  static final int PHASE = Integer.MAX_VALUE - 4096;

  private static final Logger LOG = LoggerFactory.getLogger(DemoPortfolio.class);
  static final String APPROVED = "Fits the portfolio and the budget envelope";

  private final DemoSteps steps;
  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ApplicationContext context;
  private final JobExecution jobExecution;
  private volatile boolean running;
  /** What the seeding saw of the rest of the application (for the test that proves nobody else read the clock). */
  private volatile SeedingWindow window;

  /** Whether the web server or the job executor ran while the clock was set back; when it was reset. */
  record SeedingWindow(boolean webServerRunning, boolean jobExecutorActive, Instant clockResetAt) {
  }

  DemoPortfolio(DemoSteps steps, JdbcTemplate jdbc, RuntimeService runtimeService,
      ManagementService managementService, ApplicationContext context, JobExecution jobExecution) {
    this.steps = steps;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.context = context;
    this.jobExecution = jobExecution;
  }

  @Override
  public void start() {
    seed();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  SeedingWindow window() {
    return window;
  }

  void seed() {
    Integer existing = jdbc.queryForObject("SELECT count(*) FROM project", Integer.class);
    if (existing != null && existing > 0) {
      return;
    }
    LOG.info("Seeding the demo portfolio (a dozen projects with their history)...");
    boolean serving = webServerRunning();
    boolean jobsRunning = jobExecution.active();
    try {
      seedPortfolio();
      serving |= webServerRunning();
      jobsRunning |= jobExecution.active();
    } finally {
      steps.resetClock();
    }
    window = new SeedingWindow(serving, jobsRunning, Instant.now());
    if (serving || jobsRunning) {
      LOG.warn("The demo portfolio was seeded while the web server ({}) or the job executor ({}) ran", serving,
          jobsRunning);
    }
    postponeStatusTimers();
    LOG.info("Demo portfolio ready: {} projects", jdbc.queryForObject("SELECT count(*) FROM project", Integer.class));
  }

  /** Whether the web server has started (its start-stop lifecycle runs once the port is open). */
  private boolean webServerRunning() {
    return context.containsBean(WEB_SERVER_LIFECYCLE) && context.getBean(WEB_SERVER_LIFECYCLE, Lifecycle.class).isRunning();
  }

  static final String WEB_SERVER_LIFECYCLE = "webServerStartStop";

  void seedPortfolio() {
    closedMainframePrint();
    stoppedInvoiceRobot();
    rejectedCoffeeMachines();
    redInstantPayments();
    amberLedgerMigrationWithChange();
    greenAmlMonitoring();
    greenWifiRefresh();
    fxPricingInClosure();
    openBankingOnHold();
    doraRegisterAtG1();
    onboardingInPlanning();
    lakehouseInReview();
    complaintsJustSubmitted();
  }

  /** Reviews and gates take 2 days or more, depending on the project (so cycle times differ as they do). */
  static int lag(String seed, int spread) {
    return 2 + Math.floorMod(seed.hashCode(), spread);
  }

  static ProjectRequest request(String title, String description, String unit, ProjectType type, int alignment,
      long benefit, long budget, LocalDate start, int months, Complexity complexity, boolean personalData,
      DataClassification classification, ThirdParty thirdParty, boolean criticalFunction, boolean newTechnology,
      LocalDate regulatoryDeadline) {
    return new ProjectRequest(title, description, unit, "sam", type, alignment, BigDecimal.valueOf(benefit),
        BigDecimal.valueOf(budget), "EUR", start, months, complexity, personalData, classification, thirdParty,
        criticalFunction, newTechnology, regulatoryDeadline, null);
  }

  /** Submitted, reviewed and approved; answers the code. */
  private String approved(int daysAgo, ProjectRequest request) {
    String code = steps.daysAgo(daysAgo).submit(request);
    steps.daysAgo(daysAgo - lag(request.title(), 6)).reviews(code, ReviewVerdict.APPROVE.name(), APPROVED);
    return code;
  }

  /** Planned, checked and through G1 with GO (or GO_WITH_CONDITIONS when conditions are given). */
  private void throughG1(String code, int daysAgo, String manager, String bac, int months, List<String> allocations,
      String conditions) {
    steps.daysAgo(daysAgo).plan(code, manager, bac, 0, months,
        "1 Design signed off\n" + Math.max(2, months / 2) + " Build complete\n" + (months - 1) + " Go-live",
        allocations);
    steps.daysAgo(daysAgo - 1).checklist(code, manager, List.of("Scope statement agreed with the sponsor",
        "Milestones dated and owned"));
    steps.daysAgo(daysAgo - 1 - lag(code, 7)).gate(code, (conditions == null ? GateOutcome.GO : GateOutcome.GO_WITH_CONDITIONS).name(),
        "Plan is credible", conditions);
  }

  private void report(String code, int daysAgo, String manager, int percent, long cost, String notes) {
    steps.daysAgo(daysAgo).report(code, manager, percent, cost, notes);
    if (!steps.tasks(code, "Task_InterveneOnRedProject").isEmpty() && daysAgo > 20) {
      steps.daysAgo(daysAgo - 2).complete("petra", code, "Task_InterveneOnRedProject", Map.of("decision",
          "RECOVERY_PLAN", "comment", "Recovery plan agreed: re-sequence the remaining work"));
    }
  }

  private void deliveredThroughG2(String code, int daysAgo, String manager) {
    steps.daysAgo(daysAgo).complete(manager, code, "Task_DeclareDeliveryReady", Map.of("decision", "READY",
        "comment", "Acceptance tests passed, operations trained"));
    steps.daysAgo(daysAgo - 1).checklist(code, manager, List.of("Acceptance tests passed"));
    steps.daysAgo(daysAgo - 3).gate(code, GateOutcome.GO.name(), "Ready for operations", null);
  }

  private void closureToG3(String code, int daysAgo, String manager, long finalCost, String lessons, String tags) {
    if (!steps.tasks(code, "Task_AcceptDeliverables").isEmpty()) {
      steps.daysAgo(daysAgo).complete("sam", code, "Task_AcceptDeliverables", Map.of("acceptance", "ACCEPTED"));
    }
    steps.daysAgo(daysAgo - 2).complete(manager, code, "Task_RecordFinalFigures", Map.of("finalCost",
        (double) finalCost, "percentComplete", 100.0, "actualEndDate", steps.date().toString(), "openItems", "CLOSE",
        "closureNotes", "Closed with the sponsor"));
    steps.daysAgo(daysAgo - 3).complete(manager, code, "Task_RecordLessons", Map.of("wentWell",
        "Early involvement of operations and a stable team", "toImprove", "Test data arrived late",
        "recommendations", lessons, "tags", tags));
    steps.checklist(code, manager, List.of("Lessons learned recorded", "Resources released"));
    steps.daysAgo(daysAgo - 5).gate(code, GateOutcome.GO.name(), "Closure complete", null);
  }

  // ---- the portfolio, oldest first ----

  private void closedMainframePrint() {
    String code = approved(330, request("Mainframe print decommissioning",
        "Move the remaining statement printing off the mainframe to the group print service.", "Operations",
        ProjectType.RUN, 3, 180_000, 310_000, LocalDate.now().minusDays(300), 8, Complexity.LOW, true,
        DataClassification.CONFIDENTIAL, ThirdParty.NONE, false, false, null));
    throughG1(code, 320, "nora", "310000", 8, List.of("DEVELOPER dirk -9 0.5", "OPERATIONS olga -8 0.3"), null);
    report(code, 280, "nora", 20, 62_000, "Print streams inventoried");
    report(code, 220, "nora", 55, 160_000, "Two of three streams migrated");
    report(code, 160, "nora", 85, 240_000, "Last stream in parallel run");
    report(code, 100, "nora", 100, 288_000, "Parallel run passed");
    deliveredThroughG2(code, 60, "nora");
    closureToG3(code, 50, "nora", 288_000, "Run old and new print streams in parallel for one full month-end",
        "parallel-run, operations, migration");
  }

  private void stoppedInvoiceRobot() {
    String code = approved(200, request("Robotic invoice processing pilot",
        "Pilot robotic process automation for supplier invoices in accounts payable.", "Finance", ProjectType.INNOVATION,
        2, 120_000, 350_000, LocalDate.now().minusDays(170), 6, Complexity.MEDIUM, false, DataClassification.INTERNAL,
        ThirdParty.ICT_SERVICE, false, true, null));
    steps.daysAgo(190).plan(code, "nora", "350000", 0, 6, "1 Vendor selected\n5 Pilot evaluated",
        List.of("BUSINESS_ANALYST bea -6 0.3"));
    steps.daysAgo(189).checklist(code, "nora", List.of("Scope statement agreed with the sponsor"));
    steps.daysAgo(185).gate(code, GateOutcome.STOP.name(), "The ERP upgrade brings native invoice capture", null);
    steps.daysAgo(180).complete("nora", code, "Task_RecordFinalFigures", Map.of("finalCost", 12_000.0,
        "percentComplete", 0.0, "actualEndDate", steps.date().toString(), "closureNotes", "Stopped at G1"));
    steps.daysAgo(179).complete("nora", code, "Task_RecordLessons", Map.of("recommendations",
        "Check the ERP roadmap before starting automation pilots", "tags", "automation, vendor-management"));
    steps.checklist(code, "nora", List.of("Lessons learned recorded"));
    steps.daysAgo(175).gate(code, GateOutcome.GO.name(), "Closure of the stopped pilot is complete", null);
  }

  private void rejectedCoffeeMachines() {
    String code = steps.daysAgo(120).submit(request("Branch coffee machines upgrade",
        "Connected coffee machines in every branch.", "Retail", ProjectType.INNOVATION, 1, 5_000, 150_000,
        LocalDate.now().minusDays(60), 3, Complexity.LOW, false, DataClassification.PUBLIC, ThirdParty.NONE, false,
        false, null));
    steps.daysAgo(118).reviews(code, ReviewVerdict.REJECT.name(), "No link to the strategy and no measurable benefit");
  }

  private void redInstantPayments() {
    String code = approved(175, request("Instant payments (SCT Inst) gateway",
        "Connect the bank to the SCT Inst scheme with 24/7 processing and real-time fraud screening.", "Payments",
        ProjectType.STRATEGIC, 5, 900_000, 2_350_000, LocalDate.now().minusDays(150), 12, Complexity.HIGH, true,
        DataClassification.CONFIDENTIAL, ThirdParty.ICT_SERVICE, true, true, null));
    throughG1(code, 160, "paul", "2350000", 12, List.of("DEVELOPER dana 0 0.5", "ARCHITECT anna 0 0.4",
        "DEVELOPER dana 1 0.6", "ARCHITECT anna 1 0.5", "SECURITY_ENGINEER sara 1 0.4", "TESTER tom 2 0.5",
        "DEVELOPER dana 2 0.6", "ARCHITECT anna 2 0.4", "DEVELOPER dana 3 0.5", "TESTER tom 3 0.5"), null);
    report(code, 125, "paul", 12, 310_000, "Scheme certification planned");
    report(code, 95, "paul", 22, 640_000, "Gateway build started");
    report(code, 65, "paul", 30, 1_150_000, "Certification test environment late");
    report(code, 14, "paul", 38, 1_910_000, "Scheme certification slipped; cost overrun on the vendor");
  }

  private void amberLedgerMigrationWithChange() {
    String code = approved(240, request("Core banking ledger migration",
        "Migrate the general ledger to the new core banking platform.", "Finance", ProjectType.STRATEGIC, 5,
        1_500_000, 4_800_000, LocalDate.now().minusDays(210), 18, Complexity.HIGH, false, DataClassification.CONFIDENTIAL,
        ThirdParty.NONE, true, false, null));
    throughG1(code, 225, "paul", "4800000", 18, List.of("DEVELOPER dirk 0 0.5", "BUSINESS_ANALYST bea 0 0.5",
        "DEVELOPER dirk 1 0.5", "BUSINESS_ANALYST bea 1 0.4", "ARCHITECT anna 1 0.5", "DEVELOPER dirk 2 0.4",
        "ARCHITECT anna 3 0.3", "DEVELOPER dirk 4 0.3"), "Name a deputy project manager");
    report(code, 190, "paul", 10, 520_000, "Data mapping done");
    report(code, 130, "paul", 30, 1_480_000, "Trial migration 1 passed");
    report(code, 70, "paul", 48, 2_450_000, "Trial migration 2: reconciliation breaks");
    report(code, 10, "paul", 58, 3_020_000, "Reconciliation breaks fixed, one month behind");
    steps.daysAgo(6).change(code, "paul", new ChangeRequestInput("Third trial migration",
        "Reconciliation breaks need one more full trial before cut-over", false, null, 30,
        new BigDecimal("180000"), "MEDIUM", false, false, null));
    steps.daysAgo(5).complete("petra", code, "Task_AssessImpact", Map.of("impactNotes",
        "One more trial weekend, vendor days and a month of delay"));
  }

  private void greenAmlMonitoring() {
    String code = approved(150, request("AML transaction monitoring upgrade",
        "Upgrade transaction monitoring scenarios to the new AML directive.", "Compliance", ProjectType.REGULATORY, 5,
        200_000, 1_900_000, LocalDate.now().minusDays(120), 10, Complexity.MEDIUM, true,
        DataClassification.STRICTLY_CONFIDENTIAL, ThirdParty.NONE, true, false, LocalDate.now().plusDays(200)));
    throughG1(code, 140, "paul", "1900000", 10, List.of("DEVELOPER dora 0 0.6", "TESTER tom 0 0.5",
        "DEVELOPER dora 1 0.6", "TESTER tom 1 0.4", "BUSINESS_ANALYST bea 2 0.3", "DEVELOPER dora 2 0.4"),
        "Compliance signs off the scenario catalogue\nAgree the tuning approach with the regulator");
    report(code, 105, "paul", 15, 250_000, "Scenario catalogue drafted");
    report(code, 75, "paul", 33, 600_000, "Scenarios built");
    report(code, 45, "paul", 50, 900_000, "Tuning on production data");
    report(code, 16, "paul", 64, 1_105_000, "On track for the deadline");
  }

  private void greenWifiRefresh() {
    String code = approved(110, request("Branch network Wi-Fi refresh",
        "Replace the Wi-Fi access points of 120 branches.", "Retail", ProjectType.RUN, 2, 90_000, 640_000,
        LocalDate.now().minusDays(90), 8, Complexity.LOW, false, DataClassification.INTERNAL, ThirdParty.NONE, false,
        false, null));
    throughG1(code, 100, "nora", "640000", 8, List.of("OPERATIONS olga 0 0.6", "OPERATIONS olga 1 0.7",
        "OPERATIONS olga 2 0.5", "TESTER tom 1 0.2"), null);
    report(code, 70, "nora", 25, 150_000, "Pilot branches done");
    report(code, 40, "nora", 40, 240_000, "Region north done");
    report(code, 12, "nora", 50, 300_000, "Region south started");
  }

  private void fxPricingInClosure() {
    String code = approved(280, request("Treasury FX pricing engine",
        "Replace the FX pricing spreadsheet with a pricing engine.", "Treasury", ProjectType.STRATEGIC, 4, 600_000,
        1_350_000, LocalDate.now().minusDays(250), 9, Complexity.MEDIUM, false, DataClassification.CONFIDENTIAL,
        ThirdParty.NONE, false, true, null));
    throughG1(code, 265, "nora", "1350000", 9, List.of("DEVELOPER dana -3 0.3"), null);
    report(code, 220, "nora", 20, 260_000, "Pricing models agreed");
    report(code, 160, "nora", 55, 720_000, "Engine built");
    report(code, 100, "nora", 85, 1_120_000, "Parallel pricing running");
    report(code, 40, "nora", 100, 1_372_000, "Live; spreadsheet retired");
    deliveredThroughG2(code, 12, "nora");
  }

  private void openBankingOnHold() {
    String code = approved(70, request("Open banking API v2 (PSD3 readiness)",
        "Prepare the account access APIs for PSD3.", "Digital", ProjectType.REGULATORY, 4, 250_000, 760_000,
        LocalDate.now().minusDays(40), 9, Complexity.MEDIUM, true, DataClassification.CONFIDENTIAL,
        ThirdParty.ICT_SERVICE, false, false, LocalDate.now().plusDays(420)));
    steps.daysAgo(60).plan(code, "paul", "760000", 0, 9, "2 API design approved\n8 Go-live",
        List.of("DEVELOPER dirk 1 0.3", "SECURITY_ENGINEER sara 2 0.2"));
    steps.daysAgo(59).checklist(code, "paul", List.of("Scope statement agreed with the sponsor"));
    steps.daysAgo(55).gate(code, GateOutcome.HOLD.name(), "Wait for the final PSD3 text before committing the budget", null);
  }

  private void doraRegisterAtG1() {
    String code = approved(40, request("DORA register of ICT third-party arrangements",
        "Build the register of information on all ICT third-party arrangements required by DORA.", "Compliance",
        ProjectType.REGULATORY, 5, 0, 450_000, LocalDate.now().minusDays(10), 6, Complexity.MEDIUM, false,
        DataClassification.CONFIDENTIAL, ThirdParty.NONE, true, false, LocalDate.now().plusDays(150)));
    steps.daysAgo(20).plan(code, "paul", "450000", 0, 6, "1 Contract inventory\n5 Register submitted",
        List.of("BUSINESS_ANALYST bea 0 0.4", "BUSINESS_ANALYST bea 1 0.4"));
    steps.daysAgo(19).checklist(code, "paul", List.of("Scope statement agreed with the sponsor",
        "Milestones dated and owned"));
  }

  private void onboardingInPlanning() {
    approved(16, request("Mobile app onboarding redesign",
        "Cut drop-outs in mobile onboarding with a redesigned identity check.", "Digital", ProjectType.STRATEGIC, 4,
        650_000, 820_000, LocalDate.now().plusDays(20), 8, Complexity.MEDIUM, true, DataClassification.CONFIDENTIAL,
        ThirdParty.ICT_SERVICE, false, true, null));
  }

  private void lakehouseInReview() {
    steps.daysAgo(9).submit(request("Data warehouse to lakehouse",
        "Move the enterprise data warehouse to a lakehouse platform.", "Data", ProjectType.INNOVATION, 3, 400_000,
        1_200_000, LocalDate.now().plusDays(60), 14, Complexity.HIGH, true, DataClassification.CONFIDENTIAL,
        ThirdParty.ICT_SERVICE, false, true, null));
  }

  private void complaintsJustSubmitted() {
    steps.daysAgo(1).submit(request("Customer complaints case tool",
        "Replace the complaints mailbox with a case tool that tracks regulatory response times.", "Customer service",
        ProjectType.RUN, 3, 120_000, 280_000, LocalDate.now().plusDays(45), 6, Complexity.LOW, true,
        DataClassification.CONFIDENTIAL, ThirdParty.NONE, false, false, null));
  }

  /**
   * Status report timers started in the demo's past would all fire at once: the next report of each project
   * in delivery is due in a week instead.
   */
  private void postponeStatusTimers() {
    Date now = EngineClock.now();
    Date nextWeek = Date.from(now.toInstant().plus(Duration.ofDays(7)));
    runtimeService.createProcessInstanceQuery().processDefinitionKey(io.openpmo.project.Lifecycles.PROCESS_KEY).list()
        .forEach(instance -> {
          for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
              .duedateLowerThan(now).list()) {
            managementService.setJobDuedate(timer.getId(), nextWeek);
          }
        });
  }
}
