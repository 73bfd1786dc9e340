package io.openpmo.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.openpmo.security.Groups;
import io.openpmo.status.StatusReportService;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.Requests;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports over HTTP on H2, against projects the tests drive through the processes. Other tests share the
 * database: assertions look at our own projects, at differences before and after, or at a period of time
 * nobody else uses.
 */
class ReportApiTest extends AppTest {

  @Autowired StatusReportService statusReports;

  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = journeys();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Approved, planned by paul with a BAC of 120,000 (requested 100,000), through G1. */
  String inDelivery(String title) {
    return journeys.inDelivery(Requests.small(title), "120000");
  }

  JsonNode report(String code, int percentComplete, int actualCost) {
    Http.Response response = http("paul").post("/api/v1/projects/" + code + "/status-reports",
        Map.of("percentComplete", percentComplete, "actualCostToDate", actualCost));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  JsonNode portfolio() {
    Http.Response response = http("petra").get("/api/v1/reports/portfolio");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  static JsonNode line(JsonNode report, String code) {
    for (JsonNode line : report.get("projects")) {
      if (line.get("code").asText().equals(code)) {
        return line;
      }
    }
    return null;
  }

  static JsonNode group(JsonNode groups, String key) {
    for (JsonNode group : groups) {
      if (group.get("key").asText().equals(key)) {
        return group;
      }
    }
    return null;
  }

  static int count(JsonNode groups, String key) {
    JsonNode group = group(groups, key);
    return group == null ? 0 : group.get("count").asInt();
  }

  static List<JsonNode> attention(JsonNode report, String code, String reason) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode entry : report.get("attention")) {
      if (entry.get("code").asText().equals(code) && entry.get("reason").asText().equals(reason)) {
        found.add(entry);
      }
    }
    return found;
  }

  static List<String> keys(JsonNode groups) {
    return groups.findValuesAsText("key");
  }

  static BigDecimal decimal(JsonNode node) {
    return node.decimalValue();
  }

  @Nested
  class Portfolio {

    @Test
    void eachProjectShowsItsBudgetTheBaselineInForceAndItsLatestEarnedValue() {
      JsonNode before = portfolio();
      String planning = journeys.approved(Requests.small("Report: waiting for a plan"));
      String delivery = inDelivery("Report: in delivery");
      report(delivery, 10, 9000);
      JsonNode latest = report(delivery, 20, 18000);

      JsonNode after = portfolio();
      JsonNode waiting = line(after, planning);
      assertThat(waiting.get("status").asText()).isEqualTo("APPROVED");
      assertThat(waiting.get("phase").asText()).isEqualTo("PLANNING");
      assertThat(decimal(waiting.get("budget"))).isEqualByComparingTo("100000");
      assertThat(waiting.get("budgetAtCompletion").isNull()).isTrue();
      assertThat(waiting.get("earnedValue").isNull()).isTrue();
      assertThat(waiting.get("cpi").isNull()).isTrue();
      assertThat(waiting.get("health").isNull()).isTrue();
      assertThat(waiting.get("processInstanceId").asText()).isEqualTo(journeys.lifecycle(planning).getId());

      JsonNode active = line(after, delivery);
      assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
      assertThat(active.get("phase").asText()).isEqualTo("DELIVERY");
      assertThat(active.get("projectManager").asText()).isEqualTo("paul");
      assertThat(active.get("sponsor").asText()).isEqualTo("sam");
      assertThat(active.get("priorityClass").asText()).isEqualTo(journeys.project(delivery).priorityClass().name());
      assertThat(active.get("riskTier").asText()).isEqualTo("LOW");
      assertThat(decimal(active.get("budget"))).isEqualByComparingTo("100000");
      assertThat(decimal(active.get("budgetAtCompletion"))).isEqualByComparingTo("120000");
      // the latest of the two reports
      assertThat(decimal(active.get("actualCost"))).isEqualByComparingTo("18000");
      assertThat(decimal(active.get("earnedValue"))).isEqualByComparingTo("24000");
      assertThat(decimal(active.get("plannedValue"))).isEqualByComparingTo(decimal(latest.get("plannedValue")));
      assertThat(decimal(active.get("cpi"))).isEqualByComparingTo("1.3333");
      assertThat(decimal(active.get("spi"))).isEqualByComparingTo(decimal(latest.get("spi")));
      assertThat(active.get("health").asText()).isEqualTo(latest.get("health").asText());
      assertThat(active.get("processInstanceId").asText()).isEqualTo(journeys.lifecycle(delivery).getId());

      assertThat(after.get("projectCount").asInt()).isEqualTo(before.get("projectCount").asInt() + 2)
          .isEqualTo(after.get("projects").size());
      assertThat(count(after.get("byStatus"), "APPROVED")).isEqualTo(count(before.get("byStatus"), "APPROVED") + 1);
      assertThat(count(after.get("byStatus"), "ACTIVE")).isEqualTo(count(before.get("byStatus"), "ACTIVE") + 1);
      assertThat(decimal(group(after.get("byPhase"), "DELIVERY").get("budget")))
          .isGreaterThanOrEqualTo(new BigDecimal("100000"));
      JsonNode totals = after.get("totals");
      JsonNode totalsBefore = before.get("totals");
      assertThat(decimal(totals.get("budget")).subtract(decimal(totalsBefore.get("budget"))))
          .isEqualByComparingTo("200000");
      assertThat(decimal(totals.get("budgetAtCompletion")).subtract(decimal(totalsBefore.get("budgetAtCompletion"))))
          .isEqualByComparingTo("120000");
      assertThat(decimal(totals.get("earnedValue")).subtract(decimal(totalsBefore.get("earnedValue"))))
          .isEqualByComparingTo("24000");
      assertThat(decimal(totals.get("actualCost")).subtract(decimal(totalsBefore.get("actualCost"))))
          .isEqualByComparingTo("18000");
      assertThat(decimal(totals.get("cpi"))).isEqualByComparingTo(decimal(totals.get("earnedValue"))
          .divide(decimal(totals.get("actualCost")), 4, RoundingMode.HALF_UP));
      assertThat(decimal(totals.get("spi"))).isEqualByComparingTo(decimal(totals.get("earnedValue"))
          .divide(decimal(totals.get("plannedValue")), 4, RoundingMode.HALF_UP));
      BigDecimal budgets = BigDecimal.ZERO;
      for (JsonNode line : after.get("projects")) {
        budgets = budgets.add(decimal(line.get("budget")));
      }
      assertThat(decimal(totals.get("budget"))).isEqualByComparingTo(budgets);
    }

    @Test
    void groupsFollowTheirNaturalOrderAndHealthAlwaysListsItsFourKeys() {
      journeys.approved(Requests.small("Report: grouped"));
      JsonNode report = portfolio();
      assertThat(Instant.parse(report.get("generatedAt").asText())).isBeforeOrEqualTo(Instant.now());
      assertThat(keys(report.get("byHealth"))).containsExactly("GREEN", "AMBER", "RED", "NONE");
      assertThat(report.get("byHealth").findValues("count").stream().mapToInt(JsonNode::asInt).sum())
          .isEqualTo(report.get("projectCount").asInt());
      assertThat(count(report.get("byHealth"), "NONE")).isPositive();
      assertThat(keys(report.get("byStatus"))).isSubsetOf("SUBMITTED", "IN_REVIEW", "REWORK", "APPROVED", "ACTIVE",
          "ON_HOLD", "STOPPED", "CANCELLED", "CLOSED").contains("APPROVED");
      assertThat(keys(report.get("byStatus"))).isSortedAccordingTo(Comparator.comparing(
          key -> ProjectStatus.valueOf(key).ordinal()));
      assertThat(keys(report.get("byPriorityClass"))).isSorted();
      assertThat(keys(report.get("byRiskTier"))).isSortedAccordingTo(Comparator.comparing(
          key -> RiskTier.valueOf(key).ordinal()));
      for (String list : List.of("byStatus", "byPhase", "byPriorityClass", "byRiskTier")) {
        assertThat(report.get(list).findValues("count")).allMatch(count -> count.asInt() > 0);
      }
    }

    @Test
    void rejectedAndWithdrawnProjectsCountOnlyWhenAskedFor() {
      String rejected = journeys.submit("rita", Requests.small("Report: rejected")).code();
      journeys.decide("petra", journeys.task(rejected, Groups.PMO),
          Map.of("decision", "REJECT", "comment", "No budget this year"));
      journeys.executeJobs();
      assertThat(journeys.project(rejected).status().name()).isEqualTo("REJECTED");

      assertThat(line(portfolio(), rejected)).isNull();
      JsonNode all = http("petra").get("/api/v1/reports/portfolio?includeFinished=true").json();
      assertThat(line(all, rejected).get("status").asText()).isEqualTo("REJECTED");
      assertThat(count(all.get("byStatus"), "REJECTED")).isPositive();
    }

    @Test
    void csvHasOneRowPerProjectWithTheFieldsOfTheJson() {
      String code = journeys.approved(Requests.small("Report: as CSV"));
      Http.Response csv = http("audrey").get("/api/v1/reports/portfolio?format=csv");
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.header("Content-Type").get(0)).startsWith("text/csv");
      assertThat(csv.body()).startsWith("code,title,status,phase,priorityClass,riskTier,health,budget,"
          + "budgetAtCompletion,actualCost,plannedValue,earnedValue,cpi,spi,projectManager,sponsor,"
          + "processInstanceId\r\n")
          .contains("\r\n" + code + ",Report: as CSV,APPROVED,PLANNING,")
          .contains(",100000,,,,,,,,sam," + journeys.lifecycle(code).getId() + "\r\n");
      assertThat(csv.body().split("\r\n")).hasSize(portfolio().get("projectCount").asInt() + 1);
    }
  }

  @Nested
  class Attention {

    @Test
    void aRedProjectAndMissedReportsNeedAttention() {
      String red = inDelivery("Report: red");
      assertThat(report(red, 5, 70000).get("health").asText()).isEqualTo("RED");
      String silent = inDelivery("Report: silent");
      statusReports.missed(journeys.project(silent).id());
      statusReports.missed(journeys.project(silent).id());

      JsonNode report = portfolio();
      List<JsonNode> redEntries = attention(report, red, "RED");
      assertThat(redEntries).hasSize(1);
      assertThat(redEntries.get(0).get("processInstanceId").asText()).isEqualTo(journeys.lifecycle(red).getId());
      assertThat(redEntries.get(0).get("detail").asText()).contains("CPI");
      assertThat(redEntries.get(0).has("due")).isTrue();
      assertThat(redEntries.get(0).get("due").isNull()).isTrue();
      assertThat(count(report.get("byHealth"), "RED")).isPositive();
      assertThat(attention(report, silent, "MISSED_REPORTS")).singleElement()
          .satisfies(entry -> assertThat(entry.get("detail").asText()).startsWith("2 status reports missed"));
      assertThat(attention(report, silent, "RED")).isEmpty();
      assertThat(report.get("attention").findValuesAsText("reason"))
          .isSortedAccordingTo(Comparator.comparing(PortfolioReport.Reason::valueOf));
    }

    @Test
    void reviewsAndGateTasksPastTheirDueDateNeedAttention() {
      String inReview = journeys.submit("rita", Requests.small("Report: slow review")).code();
      String atGate = journeys.approved(Requests.small("Report: slow gate"));
      journeys.plan(atGate, "paul", Journeys.plan("100000", List.of()));
      Task review = journeys.task(inReview, Groups.PMO);
      Task checklist = journeys.task(atGate, "Task_CompleteGateChecklist", null);
      assertThat(attention(portfolio(), inReview, "OVERDUE_REVIEW")).isEmpty();
      assertThat(attention(portfolio(), atGate, "OVERDUE_GATE")).isEmpty();

      // reviews and the gate checklist are due in 5 days
      Date later = checklist.getDueDate().after(review.getDueDate()) ? checklist.getDueDate() : review.getDueDate();
      ClockUtil.setCurrentTime(Date.from(later.toInstant().plus(Duration.ofHours(1))));

      JsonNode report = portfolio();
      JsonNode overdueReview = attention(report, inReview, "OVERDUE_REVIEW").get(0);
      assertThat(overdueReview.get("taskId").asText()).isEqualTo(review.getId());
      assertThat(overdueReview.get("processInstanceId").asText()).isEqualTo(review.getProcessInstanceId());
      assertThat(Instant.parse(overdueReview.get("due").asText())).isEqualTo(review.getDueDate().toInstant());
      // the task's name says which group reviews; the detail names it once
      assertThat(overdueReview.get("detail").asText()).isEqualTo(review.getName()).endsWith("(PMO)");
      JsonNode overdueGate = attention(report, atGate, "OVERDUE_GATE").get(0);
      assertThat(overdueGate.get("taskId").asText()).isEqualTo(checklist.getId());
      assertThat(overdueGate.get("detail").asText()).contains("Complete gate checklist");
      assertThat(attention(report, atGate, "OVERDUE_REVIEW")).isEmpty();
      assertThat(line(report, inReview).get("processInstanceId").asText()).isEqualTo(review.getProcessInstanceId());
    }
  }

  @Nested
  class CycleTimes {

    @Test
    void initiationGateAndReviewDurationsComeFromTheHistory() {
      // a period of our own, far ahead, that no other test reaches
      ZonedDateTime start = LocalDate.now().plusDays(2000).atTime(10, 0).atZone(ZoneId.systemDefault());
      ClockUtil.setCurrentTime(Date.from(start.toInstant()));
      String code = journeys.submit("rita", Requests.small("Report: cycle times")).code();
      Task review = journeys.task(code, Groups.PMO);
      ClockUtil.setCurrentTime(Date.from(start.plusDays(2).toInstant()));
      journeys.decide("petra", review, Map.of("decision", "APPROVE"));
      journeys.executeJobs(review.getProcessInstanceId());
      journeys.plan(code, "paul", Journeys.plan("100000", List.of()));
      journeys.checklist(code, "paul", List.of());
      ClockUtil.setCurrentTime(Date.from(start.plusDays(3).toInstant()));
      journeys.gate(code, "GO", Map.of());

      String period = "from=" + start.toLocalDate() + "&to=" + start.plusDays(3).toLocalDate();
      Http.Response response = http("sven").get("/api/v1/reports/cycle-times?" + period);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode report = response.json();
      assertThat(report.get("from").asText()).isEqualTo(start.toLocalDate().toString());
      assertThat(keys(report.get("gates"))).containsExactly("G0", "G1", "G2", "G3", "GX");
      JsonNode g0 = group(report.get("gates"), "G0");
      assertThat(g0.get("count").asInt()).isEqualTo(1);
      assertThat(decimal(g0.get("medianDays"))).isEqualByComparingTo("2.00");
      assertThat(decimal(g0.get("p90Days"))).isEqualByComparingTo("2.00");
      JsonNode g1 = group(report.get("gates"), "G1");
      assertThat(g1.get("count").asInt()).isEqualTo(1);
      assertThat(decimal(g1.get("medianDays"))).isEqualByComparingTo("1.00");
      JsonNode g2 = group(report.get("gates"), "G2");
      assertThat(g2.get("count").asInt()).isZero();
      assertThat(g2.get("medianDays").isNull()).isTrue();
      // the PMO reviewed the request in 2 days and decided G1 in 1: median 1.5, p90 1 + 0.9 * (2 - 1)
      JsonNode pmo = group(report.get("reviewGroups"), "pmo");
      assertThat(pmo.get("count").asInt()).isEqualTo(2);
      assertThat(decimal(pmo.get("medianDays"))).isEqualByComparingTo("1.50");
      assertThat(decimal(pmo.get("p90Days"))).isEqualByComparingTo("1.90")
          .isGreaterThanOrEqualTo(decimal(pmo.get("medianDays")));
      assertThat(group(report.get("reviewGroups"), "projectManagers").get("count").asInt()).isEqualTo(2);

      Http.Response csv = http("petra").get("/api/v1/reports/cycle-times?format=csv&" + period);
      assertThat(csv.header("Content-Type").get(0)).startsWith("text/csv");
      assertThat(csv.body()).startsWith("kind,key,count,medianDays,p90Days\r\ngate,G0,1,2,2\r\ngate,G1,1,1,1\r\n")
          .contains("\r\ngate,G2,0,,\r\n").contains("\r\nreviewGroup,pmo,2,1.5,1.9\r\n");
    }

    @Test
    void byDefaultTheLastTwelveMonthsCountAndTheOldestOpenTasksComeFirst() {
      String code = journeys.approved(Requests.small("Report: recent"));
      journeys.submit("rita", Requests.small("Report: open review"));
      JsonNode report = http("petra").get("/api/v1/reports/cycle-times").json();
      assertThat(report.get("to").asText()).isEqualTo(LocalDate.now().toString());
      assertThat(report.get("from").asText()).isEqualTo(LocalDate.now().minusMonths(12).toString());
      JsonNode g0 = group(report.get("gates"), "G0");
      assertThat(g0.get("count").asInt()).isPositive();
      assertThat(decimal(g0.get("p90Days"))).isGreaterThanOrEqualTo(decimal(g0.get("medianDays")));
      assertThat(journeys.project(code).status().name()).isEqualTo("APPROVED");
      JsonNode open = report.get("slowestOpen");
      assertThat(open.size()).isBetween(1, 10);
      assertThat(open.findValuesAsText("createdAt")).isSortedAccordingTo(
          Comparator.comparing(Instant::parse));
      assertThat(open.get(0).get("group").asText()).isNotBlank();
      assertThat(decimal(open.get(0).get("ageDays"))).isGreaterThanOrEqualTo(decimal(open.get(open.size() - 1)
          .get("ageDays")));
    }
  }

  @Nested
  class Utilisation {

    @Test
    void theSameFiguresAsTheResourcesApiForPortfolioReadersAndResourceManagers() {
      String month = LocalDate.now().toString().substring(0, 7);
      String query = "?from=" + month + "&to=" + month;
      journeys.approved(Requests.small("Report: uses Dora"));
      JsonNode resources = http("rosa").get("/api/v1/resources/utilisation" + query).json();
      Http.Response report = http("rosa").get("/api/v1/reports/utilisation" + query);
      assertThat(report.status()).isEqualTo(200);
      assertThat(report.json()).isEqualTo(resources);
      assertThat(http("erik").get("/api/v1/reports/utilisation" + query).status()).isEqualTo(200);
      Http.Response csv = http("petra").get("/api/v1/reports/utilisation" + query + "&format=csv");
      assertThat(csv.header("Content-Type").get(0)).startsWith("text/csv");
      assertThat(csv.body()).startsWith("resourceId,name,role,month,capacityFte,allocatedFte,utilisation\r\n")
          .isEqualTo(http("petra").get("/api/v1/resources/utilisation" + query + "&format=csv").body());
    }
  }

  @Nested
  class ProjectPdf {

    @Test
    void whoeverSeesTheProjectGetsItsPrintableReport() throws Exception {
      String code = journeys.submit("rita", Requests.small("Report: printable")).code();
      journeys.decide("petra", journeys.task(code, Groups.PMO), Map.of("decision", "APPROVE",
          "comment", "Clear benefits"));
      journeys.executeJobs();
      journeys.plan(code, "paul", Journeys.plan("120000", List.of()));
      journeys.checklist(code, "paul", List.of());
      journeys.gate(code, "GO", Map.of());
      JsonNode status = report(code, 20, 18000);
      assertThat(http("paul").post("/api/v1/projects/" + code + "/register", Map.of("kind", "ISSUE",
          "title", "Test data missing", "severity", "MEDIUM", "owner", "paul")).status()).isEqualTo(201);

      Http.BinaryResponse pdf = http("petra").getBinary("/api/v1/reports/projects/" + code + ".pdf");
      assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
      assertThat(pdf.header("Content-Type").get(0)).isEqualTo("application/pdf");
      assertThat(pdf.header("Content-Disposition").get(0)).isEqualTo("inline; filename=\"" + code + "-report.pdf\"");
      String text = ProjectReportPdfTest.text(pdf.body());
      assertThat(text).contains(code, "Report: printable", "Clear benefits", "petra", "120,000.00",
          status.get("cpi").decimalValue().toPlainString(), "Test data missing", "G1", "OpenPMO", "Page 1");
      // the requester sees her project, and so its report
      assertThat(http("rita").getBinary("/api/v1/reports/projects/" + code + ".pdf").status()).isEqualTo(200);
    }

    @Test
    void aProjectTheCallerMayNotSeeDoesNotExistForThem() {
      String code = journeys.approved(Requests.small("Report: confidential"));
      Http.BinaryResponse hidden = http("rick").getBinary("/api/v1/reports/projects/" + code + ".pdf");
      assertThat(hidden.status()).isEqualTo(404);
      assertThat(hidden.text()).contains("No project " + code);
      assertThat(http("petra").getBinary("/api/v1/reports/projects/PRJ-1999-9999.pdf").status()).isEqualTo(404);
    }
  }

  @Nested
  class Refusals {

    @Test
    void onlyPortfolioReadersSeeThePortfolioAndCycleTimes() {
      for (String path : List.of("/api/v1/reports/portfolio", "/api/v1/reports/cycle-times",
          "/api/v1/reports/utilisation?from=2027-01&to=2027-02")) {
        Http.Response refused = http("rita").get(path);
        assertThat(refused.status()).as(path).isEqualTo(403);
        assertThat(refused.header("Content-Type").get(0)).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(403);
      }
      assertThat(http("rosa").get("/api/v1/reports/portfolio").status()).isEqualTo(403);
      assertThat(http("paul").get("/api/v1/reports/cycle-times").status()).isEqualTo(403);
      assertThat(anonymous().get("/api/v1/reports/portfolio").status()).isEqualTo(401);
    }

    @Test
    void badParametersAreNamed() {
      Http petra = http("petra");
      assertThat(fields(petra.get("/api/v1/reports/portfolio?format=xml"))).containsExactly("format");
      assertThat(fields(petra.get("/api/v1/reports/portfolio?includeFinished=maybe")))
          .containsExactly("includeFinished");
      assertThat(fields(petra.get("/api/v1/reports/cycle-times?from=2026-02-30&to=yesterday&format=pdf")))
          .containsExactlyInAnyOrder("from", "to", "format");
      assertThat(fields(petra.get("/api/v1/reports/cycle-times?from=2026-03-01&to=2026-02-01"))).containsExactly("to");
      assertThat(fields(petra.get("/api/v1/reports/utilisation?from=2027-13&to=2027-01"))).containsExactly("from");
      assertThat(fields(petra.get("/api/v1/reports/utilisation?to=2027-01"))).containsExactly("from");
      assertThat(fields(petra.get("/api/v1/reports/utilisation?from=2027-02&to=2027-01&format=xls")))
          .containsExactlyInAnyOrder("to", "format");
    }

    List<String> fields(Http.Response response) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      return response.json().get("errors").findValuesAsText("field");
    }
  }
}
