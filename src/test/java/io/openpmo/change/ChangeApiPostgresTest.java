package io.openpmo.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.security.Groups;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Change requests over HTTP on PostgreSQL: raising, refusing bad input atomically, deciding, new baselines. */
class ChangeApiPostgresTest extends PostgresAppTest {

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = journeys();
  }

  String inDelivery(String title) {
    return journeys.inDelivery(Requests.small(title), "100000");
  }

  long changeRows() {
    return jdbc.queryForObject("SELECT count(*) FROM change_request", Long.class);
  }

  long processes() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ChangeVariables.PROCESS_KEY).count();
  }

  @Test
  void aChangeRaisedOverHttpIsDecidedAndBecomesTheNewBaseline() {
    String code = inDelivery("API change applied");
    Http.Response raised = http("paul").post("/api/v1/projects/" + code + "/change-requests",
        Requests.change(20, 4000));
    assertThat(raised.status()).isEqualTo(201);
    JsonNode body = raised.json().get("change");
    assertThat(raised.header("Location").get(0)).endsWith("/change-requests/" + body.get("id").asLong());
    assertThat(body.get("status").asText()).isEqualTo("RAISED");
    assertThat(body.get("code").asText()).startsWith(code + "-CR");

    journeys.decide("petra", journeys.task(code, "Task_AssessImpact", Groups.PMO), Map.of("impactNotes", "Agreed"));
    JsonNode listed = http("petra").get("/api/v1/projects/" + code + "/change-requests").json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).at("/change/changeClass").asText()).isEqualTo("MAJOR");
    for (String group : List.of(Groups.FINANCE, Groups.PMO)) {
      journeys.decide(Journeys.reviewer(group), journeys.task(code, "Task_ApproveChange", group),
          Map.of("decision", "APPROVE", "comment", "Fine by " + group));
    }

    JsonNode decided = http("paul").get("/api/v1/projects/" + code + "/change-requests").json().get(0);
    assertThat(decided.at("/change/status").asText()).isEqualTo("APPLIED");
    assertThat(decided.get("decisions").findValuesAsText("comment"))
        .containsExactlyInAnyOrder("Fine by " + Groups.FINANCE, "Fine by " + Groups.PMO);

    JsonNode baselines = http("paul").get("/api/v1/projects/" + code + "/baselines").json();
    assertThat(baselines).hasSize(2);
    JsonNode v2 = baselines.get(1);
    assertThat(v2.at("/baseline/version").asInt()).isEqualTo(2);
    assertThat(v2.at("/baseline/changeRequestId").asLong()).isEqualTo(body.get("id").asLong());
    assertThat(v2.at("/baseline/budgetAtCompletion").decimalValue()).isEqualByComparingTo("104000");
    assertThat(v2.at("/changesFromPrevious/budgetDelta").decimalValue()).isEqualByComparingTo("4000");
    assertThat(v2.at("/changesFromPrevious/endShiftDays").asLong()).isEqualTo(20);
    assertThat(v2.at("/changesFromPrevious/changeRequestId").asLong()).isEqualTo(body.get("id").asLong());
    LocalDate oldEnd = LocalDate.parse(baselines.get(0).at("/baseline/endDate").asText());
    assertThat(LocalDate.parse(v2.at("/baseline/endDate").asText())).isEqualTo(oldEnd.plusDays(20));

    // status reports are now measured against v2
    Http.Response report = http("paul").post("/api/v1/projects/" + code + "/status-reports",
        Map.of("percentComplete", 50, "actualCostToDate", 40000));
    assertThat(report.status()).isEqualTo(201);
    assertThat(report.json().get("earnedValue").decimalValue()).isEqualByComparingTo("52000");
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
    String code = inDelivery("API change invalid");
    long rows = changeRows();
    long running = processes();
    Map<String, Object> bad = Requests.change(-5, 1000);
    bad.put("title", " ");
    bad.put("riskImpact", "CATASTROPHIC");
    Http.Response response = http("paul").post("/api/v1/projects/" + code + "/change-requests", bad);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .contains("delayDays", "title", "riskImpact");
    assertThat(response.body()).contains("0 or more");
    assertThat(changeRows()).isEqualTo(rows);
    assertThat(processes()).isEqualTo(running);
  }

  @Test
  void unknownProjectsAreNotFoundAndProjectsOutOfDeliveryConflict() {
    assertThat(http("petra").post("/api/v1/projects/PRJ-0000-999/change-requests", Requests.change(1, 0)).status())
        .isEqualTo(404);
    String planning = journeys.approved(Requests.small("API change before G1"));
    long rows = changeRows();
    Http.Response early = http("petra").post("/api/v1/projects/" + planning + "/change-requests",
        Requests.change(1, 0));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asText()).contains(planning);

    String stopped = journeys.approved(Requests.small("API change stopped"));
    journeys.plan(stopped, "paul", Journeys.plan("100000", List.of()));
    journeys.checklist(stopped, "paul", List.of());
    journeys.gate(stopped, "STOP", Map.of());
    Http.Response late = http("petra").post("/api/v1/projects/" + stopped + "/change-requests", Requests.change(1, 0));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asText()).contains("STOPPED");
    assertThat(changeRows()).isEqualTo(rows);
  }

  @Test
  void onlyTheProjectManagerThePmoAndIntegrationsRaiseChanges() {
    String code = inDelivery("API change who");
    // the requester sees the project but does not change it; another project manager does not even see it
    Http.Response byRequester = http("rita").post("/api/v1/projects/" + code + "/change-requests",
        Requests.change(1, 0));
    assertThat(byRequester.status()).isEqualTo(403);
    assertThat(byRequester.json().get("detail").asText()).contains("paul");
    assertThat(http("nora").post("/api/v1/projects/" + code + "/change-requests", Requests.change(1, 0)).status())
        .isEqualTo(404);
    assertThat(http("petra").post("/api/v1/projects/" + code + "/change-requests", Requests.change(1, 0)).status())
        .isEqualTo(201);
  }
}
