package io.openpmo.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.security.Groups;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL of the portfolio report and the history queries of the cycle times, on PostgreSQL. */
class ReportApiPostgresTest extends PostgresAppTest {

  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = journeys();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void portfolioTakesTheBaselineInForceAndTheLatestStatusReport() {
    String code = journeys.inDelivery(Requests.small("PG report: in delivery"), "120000");
    Http paul = http("paul");
    assertThat(paul.post("/api/v1/projects/" + code + "/status-reports",
        Map.of("percentComplete", 10, "actualCostToDate", 30000)).status()).isEqualTo(201);
    assertThat(paul.post("/api/v1/projects/" + code + "/status-reports",
        Map.of("percentComplete", 20, "actualCostToDate", 18000)).status()).isEqualTo(201);

    Http.Response response = http("petra").get("/api/v1/reports/portfolio");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode report = response.json();
    JsonNode line = ReportApiTest.line(report, code);
    assertThat(line.get("budgetAtCompletion").decimalValue()).isEqualByComparingTo("120000");
    assertThat(line.get("earnedValue").decimalValue()).isEqualByComparingTo("24000");
    assertThat(line.get("actualCost").decimalValue()).isEqualByComparingTo("18000");
    assertThat(line.get("cpi").decimalValue()).isEqualByComparingTo("1.3333");
    assertThat(line.get("processInstanceId").asText()).isEqualTo(journeys.lifecycle(code).getId());
    assertThat(ReportApiTest.count(report.get("byStatus"), "ACTIVE")).isPositive();
    assertThat(http("petra").get("/api/v1/reports/portfolio?format=csv&includeFinished=true").body())
        .contains("\r\n" + code + ",PG report: in delivery,ACTIVE,DELIVERY,");
  }

  @Test
  void cycleTimesComeFromTheHistory() {
    ZonedDateTime start = LocalDate.now().plusDays(2000).atTime(10, 0).atZone(ZoneId.systemDefault());
    ClockUtil.setCurrentTime(Date.from(start.toInstant()));
    String code = journeys.submit("rita", Requests.small("PG report: cycle times")).code();
    Task review = journeys.task(code, Groups.PMO);
    ClockUtil.setCurrentTime(Date.from(start.plusHours(36).toInstant()));
    journeys.decide("petra", review, Map.of("decision", "APPROVE"));
    journeys.executeJobs(review.getProcessInstanceId());

    Http.Response response = http("audrey").get("/api/v1/reports/cycle-times?from=" + start.toLocalDate() + "&to="
        + start.plusDays(2).toLocalDate());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode report = response.json();
    JsonNode g0 = ReportApiTest.group(report.get("gates"), "G0");
    assertThat(g0.get("count").asInt()).isEqualTo(1);
    assertThat(g0.get("medianDays").decimalValue()).isEqualByComparingTo("1.50");
    JsonNode pmo = ReportApiTest.group(report.get("reviewGroups"), "pmo");
    assertThat(pmo.get("count").asInt()).isEqualTo(1);
    assertThat(pmo.get("p90Days").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(report.get("slowestOpen").size()).isPositive();
  }
}
