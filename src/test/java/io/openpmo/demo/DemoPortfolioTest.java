package io.openpmo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.SmartLifecycle;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo portfolio, seeded at start-up as {@code ./mvnw spring-boot:run} does, goes through the real
 * processes and gives the dashboard something in every chart: every phase, every health, attention items,
 * cycle times and an over-allocation. It has its own application (without the Camunda webapps) and database,
 * closed afterwards, so that its projects and allocations do not meet the other tests'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"openpmo.demo.portfolio=true",
    "spring.datasource.url=jdbc:h2:mem:demoportfolio;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=demoportfolio",
    // the webapps keep static state of the last application that started them: this one must not take it over
    "camunda.bpm.webapp.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DemoPortfolioTest extends AppTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  JsonNode portfolio;
  List<String> seeded;

  @BeforeAll
  void readPortfolio() {
    seeded = jdbc.queryForList("SELECT code FROM project", String.class);
    portfolio = http("petra").get("/api/v1/reports/portfolio?includeFinished=true").json();
  }

  JsonNode seededProject(String title) {
    for (JsonNode project : portfolio.get("projects")) {
      if (project.get("title").asText().equals(title)) {
        return project;
      }
    }
    throw new AssertionError("no project " + title);
  }

  @Test
  void seedingRanBeforeTheWebServerAndTheJobExecutorAndResetTheClock() {
    // the clock is set back only while nothing else can read it: no port open, no job acquired
    DemoPortfolio.SeedingWindow window = context.getBean(DemoPortfolio.class).window();
    assertThat(window).as("seeded at start-up").isNotNull();
    assertThat(window.webServerRunning()).isFalse();
    assertThat(window.jobExecutorActive()).isFalse();
    assertThat(context.getBean(DemoPortfolio.WEB_SERVER_LIFECYCLE, SmartLifecycle.class).getPhase())
        .isGreaterThan(DemoPortfolio.PHASE).isGreaterThan(DemoResources.PHASE);
    assertThat(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())
        .isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    // the audit sealer (a scheduled task) did not run while the clock was back either: everything it sealed, it
    // sealed at the real time, after the clock was reset (sealing what is pending now, in case its first scheduled
    // run is still to come, does not hide an earlier seal at a wrong time)
    context.getBean(io.openpmo.audit.AuditSealer.class).sealPending();
    java.time.OffsetDateTime earliestSeal = jdbc.queryForObject("SELECT min(sealed_at) FROM audit_leaf",
        java.time.OffsetDateTime.class);
    assertThat(earliestSeal).as("the seeding's audit events are sealed").isNotNull();
    assertThat(earliestSeal.toInstant()).isAfterOrEqualTo(window.clockResetAt().minusSeconds(1));
  }

  @Test
  void aRequestRightAfterStartCarriesTheRealTime() {
    Instant before = Instant.now().minusSeconds(1);
    Http.Response created = http("integrationbot").post("/api/v1/projects", Requests.small("Right after start"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String code = created.json().get("code").asText();
    assertThat(code).startsWith("PRJ-" + java.time.Year.now() + "-");
    Instant createdAt = jdbc.queryForObject("SELECT created_at FROM project WHERE code = ?", java.time.OffsetDateTime.class,
        code).toInstant();
    assertThat(createdAt).isBetween(before, Instant.now().plusSeconds(1));
    // its review is due in five days from now, not months ago
    java.util.Date due = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getDueDate();
    assertThat(due.toInstant()).isCloseTo(Instant.now().plus(5, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));
  }

  @Test
  void thirteenProjectsInEveryPhase() {
    assertThat(seeded).hasSize(13);
    assertThat(seededProject("Mainframe print decommissioning").get("status").asText()).isEqualTo("CLOSED");
    assertThat(seededProject("Robotic invoice processing pilot").get("status").asText()).isEqualTo("CLOSED");
    assertThat(seededProject("Branch coffee machines upgrade").get("status").asText()).isEqualTo("REJECTED");
    JsonNode inClosure = seededProject("Treasury FX pricing engine");
    assertThat(inClosure.get("phase").asText()).isEqualTo("CLOSURE");
    // its running process is the closure, for the Cockpit link
    assertThat(inClosure.get("processInstanceId").asText()).isEqualTo(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("projectClosure").processInstanceBusinessKey(inClosure.get("code").asText())
        .singleResult().getId());
    assertThat(seededProject("Open banking API v2 (PSD3 readiness)").get("status").asText()).isEqualTo("ON_HOLD");
    assertThat(seededProject("DORA register of ICT third-party arrangements").get("phase").asText())
        .isEqualTo("PLANNING");
    assertThat(seededProject("Mobile app onboarding redesign").get("status").asText()).isEqualTo("APPROVED");
    assertThat(seededProject("Data warehouse to lakehouse").get("phase").asText()).isEqualTo("INITIATION");
  }

  @Test
  void projectsInDeliveryAreRedAmberAndGreen() {
    assertThat(seededProject("Instant payments (SCT Inst) gateway").get("health").asText()).isEqualTo("RED");
    assertThat(seededProject("Core banking ledger migration").get("health").asText()).isEqualTo("AMBER");
    assertThat(seededProject("AML transaction monitoring upgrade").get("health").asText()).isEqualTo("GREEN");
    assertThat(seededProject("Branch network Wi-Fi refresh").get("health").asText()).isEqualTo("GREEN");
    String red = seededProject("Instant payments (SCT Inst) gateway").get("code").asText();
    assertThat(portfolio.get("attention").findValuesAsText("code")).contains(red);
    // the PMO has the intervention on the RED project and the change of the AMBER one in Tasklist
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(red)
        .taskDefinitionKey("Task_InterveneOnRedProject").count()).isEqualTo(1);
  }

  @Test
  void statusReportsAreDueNextWeekNotAllAtOnce() {
    java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("projectLifecycle").list().forEach(lifecycle ->
        assertThat(managementService.createJobQuery().processInstanceId(lifecycle.getId()).timers()
            .duedateLowerThan(now).count()).as(lifecycle.getBusinessKey()).isZero());
  }

  @Test
  void overdueReviewsAndGatesNeedAttention() {
    List<String> reasons = portfolio.get("attention").findValuesAsText("reason");
    assertThat(reasons).contains("RED", "OVERDUE_REVIEW", "OVERDUE_GATE");
  }

  @Test
  void theHistoryGivesCycleTimesAndTheResourcePlanAnOverAllocation() {
    JsonNode cycleTimes = http("petra").get("/api/v1/reports/cycle-times").json();
    assertThat(cycleTimes.get("gates").findValuesAsText("key")).contains("G0", "G1", "G2", "G3");
    assertThat(cycleTimes.get("reviewGroups").findValuesAsText("key")).contains("pmo", "finance", "risk");
    for (JsonNode gate : cycleTimes.get("gates")) {
      if (!gate.get("key").asText().equals("GX")) {
        assertThat(gate.get("count").asInt()).as(gate.toString()).isPositive();
        assertThat(gate.get("medianDays").asDouble()).as(gate.toString()).isGreaterThan(0);
      }
    }
    // a committee meets after the reviews it waits for, so its decisions take time like everyone else's
    for (JsonNode group : cycleTimes.get("reviewGroups")) {
      if (List.of("steeringCommittee", "executiveCommittee").contains(group.get("key").asText())) {
        assertThat(group.get("medianDays").asDouble()).as(group.toString()).isGreaterThan(0);
      }
    }
    YearMonth month = YearMonth.now();
    JsonNode utilisation = http("rosa").get("/api/v1/reports/utilisation?from=" + month + "&to="
        + month.plusMonths(5)).json();
    assertThat(utilisation.findValues("utilisation")).anySatisfy(u -> assertThat(u.asDouble()).isGreaterThan(1.0));
  }

  @Test
  void theClosedProjectHasItsLessonsReportAndBenefitsReview() {
    String closed = seededProject("Mainframe print decommissioning").get("code").asText();
    JsonNode closure = http("petra").get("/api/v1/projects/" + closed + "/closure").json();
    assertThat(closure.at("/closure/status").asText()).isEqualTo("CLOSED");
    assertThat(closure.get("documents")).hasSize(1);
    assertThat(closure.at("/benefitsReview/dueAt").asText()).isNotBlank();
    assertThat(http("paul").get("/api/v1/lessons?tag=parallel-run").json().findValuesAsText("projectCode"))
        .contains(closed);
  }
}
