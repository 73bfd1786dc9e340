package io.openpmo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Race;
import io.openpmo.support.Requests;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Planning, resources, status reports and the register over HTTP, on PostgreSQL. */
class LifecycleApiPostgresTest extends PostgresAppTest {

  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = journeys();
  }

  static Map<String, Object> apiPlan(String budget, List<Map<String, Object>> allocations) {
    LocalDate start = LocalDate.now().minusMonths(1);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("budgetAtCompletion", Double.valueOf(budget));
    plan.put("startDate", start.toString());
    plan.put("endDate", start.plusMonths(6).toString());
    plan.put("milestones", List.of(Map.of("name", "Design", "dueDate", start.plusMonths(2).toString()),
        Map.of("name", "Go-live", "dueDate", start.plusMonths(6).minusDays(1).toString())));
    plan.put("allocations", allocations);
    return plan;
  }

  /** Approved, planned through the API by paul, through G1. */
  String inDelivery(String title, List<Map<String, Object>> allocations) {
    String code = journeys.approved(Requests.small(title));
    assertThat(http("paul").put("/api/v1/projects/" + code + "/plan", apiPlan("100000", allocations)).status())
        .isEqualTo(200);
    // the planning task shows the API draft; completing it as is submits it
    journeys.decide("paul", journeys.task(code, "Task_PlanProject", null), Map.of());
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO", Map.of());
    return code;
  }

  @Nested
  class Resources {

    @Test
    void resourceManagersMaintainThePool() {
      Http rosa = http("rosa");
      Http.Response created = rosa.post("/api/v1/resources", Map.of("name", "Quentin Quant", "role", "DATA_SCIENTIST",
          "qualification", "SENIOR", "monthlyCapacityFte", 0.8));
      assertThat(created.status()).isEqualTo(201);
      long id = created.json().get("id").asLong();
      Http.Response updated = rosa.put("/api/v1/resources/" + id, Map.of("name", "Quentin Quant",
          "role", "DATA_SCIENTIST", "qualification", "EXPERT", "monthlyCapacityFte", 1.0));
      assertThat(updated.json().get("qualification").asText()).isEqualTo("EXPERT");
      assertThat(http("paul").get("/api/v1/resources").json().findValuesAsText("name")).contains("Quentin Quant");
    }

    @Test
    void invalidResourceIsRefusedFieldByField() {
      long before = jdbc.queryForObject("SELECT count(*) FROM resource", Long.class);
      Http.Response bad = http("rosa").post("/api/v1/resources", Map.of("name", "", "role", "dev",
          "qualification", "GURU", "monthlyCapacityFte", 3));
      assertThat(bad.status()).isEqualTo(400);
      Http.Response fields = http("rosa").post("/api/v1/resources", Map.of("name", "", "role", "dev",
          "qualification", "SENIOR", "monthlyCapacityFte", 3));
      assertThat(fields.json().get("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("monthlyCapacityFte", "name", "role");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM resource", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyResourceManagersAndThePmoChangeThePool() {
      assertThat(http("rita").post("/api/v1/resources", Map.of("name", "X", "role", "DEVELOPER",
          "qualification", "SENIOR", "monthlyCapacityFte", 1)).status()).isEqualTo(403);
      assertThat(http("rita").get("/api/v1/resources").status()).isEqualTo(403);
    }

    @Test
    void utilisationComesAsJsonAndCsv() {
      String month = LocalDate.now().toString().substring(0, 7);
      inDelivery("Uses Bea", List.of(Map.of("resourceUserId", "bea", "month", month, "fte", 0.4)));
      JsonNode json = http("rosa").get("/api/v1/resources/utilisation?from=" + month + "&to=" + month).json();
      JsonNode bea = null;
      for (JsonNode row : json) {
        if (row.get("name").asText().equals("Bea Analyst")) {
          bea = row;
        }
      }
      assertThat(bea).isNotNull();
      assertThat(bea.get("allocatedFte").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("0.4"));
      Http.Response csv = http("rosa").get("/api/v1/resources/utilisation?format=csv&from=" + month + "&to=" + month);
      assertThat(csv.header("Content-Type").get(0)).startsWith("text/csv");
      assertThat(csv.body()).startsWith("resourceId,name,role,month,capacityFte,allocatedFte,utilisation")
          .contains("Bea Analyst,BUSINESS_ANALYST," + month);
      assertThat(http("rosa").get("/api/v1/resources/utilisation?from=2027-13&to=2027-01").status()).isEqualTo(400);
    }
  }

  @Nested
  class Planning {

    @Test
    void invalidPlanIsRefusedFieldByFieldAndNothingIsStored() {
      String code = journeys.approved(Requests.small("API plan invalid"));
      Map<String, Object> plan = apiPlan("0", List.of(Map.of("resourceUserId", "ghost", "month", "2027/01", "fte", 2)));
      plan.put("endDate", LocalDate.now().minusYears(1).toString());
      Http.Response response = http("paul").put("/api/v1/projects/" + code + "/plan", plan);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("errors").findValuesAsText("field")).contains("budgetAtCompletion", "endDate",
          "allocations[0].resourceUserId", "allocations[0].month", "allocations[0].fte");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM baseline b JOIN project p ON p.id = b.project_id"
          + " WHERE p.code = ?", Long.class, code)).isZero();
    }

    @Test
    void onlyProjectManagersAndThePmoPlan() {
      String code = journeys.approved(Requests.small("API plan forbidden"));
      assertThat(http("rick").put("/api/v1/projects/" + code + "/plan", apiPlan("100000", List.of())).status())
          .isIn(403, 404);
    }

    @Test
    void baselinesAndTheProjectViewShowTheLifecycle() {
      String code = inDelivery("Visible lifecycle", List.of());
      JsonNode baselines = http("petra").get("/api/v1/projects/" + code + "/baselines").json();
      assertThat(baselines).hasSize(1);
      assertThat(baselines.get(0).get("baseline").get("status").asText()).isEqualTo("IN_FORCE");
      assertThat(baselines.get(0).get("milestones")).hasSize(2);

      JsonNode project = http("petra").get("/api/v1/projects/" + code).json();
      assertThat(project.get("phase").asText()).isEqualTo("DELIVERY");
      assertThat(project.get("currentBaseline").get("version").asInt()).isEqualTo(1);
      assertThat(project.get("gates").get(0).get("gate").asText()).isEqualTo("G1");
      assertThat(project.get("gates").get(0).get("outcome").asText()).isEqualTo("GO");
      assertThat(project.get("openTasks").findValuesAsText("taskDefinitionKey")).contains("Task_DeclareDeliveryReady");
    }
  }

  @Nested
  class Monitoring {

    @Test
    void statusReportThroughTheApiIsMeasuredAndRated() {
      String code = inDelivery("API report", List.of());
      Http.Response report = http("paul").post("/api/v1/projects/" + code + "/status-reports",
          Map.of("percentComplete", 20, "actualCostToDate", 18000, "notes", "On track"));
      assertThat(report.status()).as(report.body()).isEqualTo(201);
      JsonNode body = report.json();
      assertThat(body.get("earnedValue").decimalValue()).isEqualByComparingTo("20000");
      assertThat(body.get("cpi").decimalValue()).isEqualByComparingTo("1.1111");
      assertThat(body.get("health").asText()).isNotBlank();
      JsonNode project = http("petra").get("/api/v1/projects/" + code).json();
      assertThat(project.get("latestHealth").get("health").asText()).isEqualTo(body.get("health").asText());
      assertThat(project.get("statusReports")).hasSize(1);
      assertThat(http("petra").get("/api/v1/projects/" + code + "/status-reports").json()).hasSize(1);
    }

    @Test
    void aRedReportThroughTheApiOpensTheIntervention() {
      String code = inDelivery("API red", List.of());
      assertThat(http("petra").post("/api/v1/projects/" + code + "/status-reports",
          Map.of("percentComplete", 5, "actualCostToDate", 70000)).json().get("health").asText()).isEqualTo("RED");
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_InterveneOnRedProject").count()).isOne();
    }

    @Test
    void aRedProjectHasOneInterventionAtATimeHoweverManyRedReportsCome() {
      String code = inDelivery("API red again", List.of());
      for (int i = 0; i < 3; i++) {
        // the project manager reports (the PMO's intervention is not hers to see): RED each time
        assertThat(http("paul").post("/api/v1/projects/" + code + "/status-reports",
            Map.of("percentComplete", 5 + i, "actualCostToDate", 70000 + i)).json().get("health").asText())
            .isEqualTo("RED");
      }
      // every report is recorded and rated; the PMO has one intervention to decide, not three
      assertThat(jdbc.queryForObject("SELECT count(*) FROM status_report s JOIN project p ON p.id = s.project_id"
          + " WHERE p.code = ? AND s.health = 'RED'", Long.class, code)).isEqualTo(3);
      List<Task> interventions = taskService.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_InterveneOnRedProject").list();
      assertThat(interventions).hasSize(1);
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(
          interventions.get(0).getProcessInstanceId()).activityId("EndEvent_InterventionAlreadyOpen").count())
          .isEqualTo(2);

      // once the PMO has decided, the next RED report opens the next intervention
      String intervention = interventions.get(0).getId();
      assertThat(http("petra").post("/engine-rest/task/" + intervention + "/claim", Map.of("userId", "petra"))
          .status()).isEqualTo(204);
      Http.Response decided = http("petra").post("/engine-rest/task/" + intervention + "/submit-form",
          Map.of("variables", Map.of("decision", Map.of("value", "RECOVERY_PLAN"),
              "comment", Map.of("value", "Recovery plan agreed with the sponsor"))));
      assertThat(decided.status()).as(decided.body()).isEqualTo(204);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_InterveneOnRedProject").count()).isZero();
      http("paul").post("/api/v1/projects/" + code + "/status-reports",
          Map.of("percentComplete", 9, "actualCostToDate", 80000));
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_InterveneOnRedProject").count()).isOne();
    }

    @Test
    void redReportsSentAtOnceOpenOneInterventionAndEachIsRecordedOrRefusedInWords() throws Exception {
      String code = inDelivery("API red at once", List.of());
      List<Http.Response> answers;
      try (Race clients = new Race(3)) {
        answers = clients.atOnce(
            () -> http("paul").post("/api/v1/projects/" + code + "/status-reports",
                Map.of("percentComplete", 5, "actualCostToDate", 70000)),
            () -> http("paul").post("/api/v1/projects/" + code + "/status-reports",
                Map.of("percentComplete", 6, "actualCostToDate", 71000)),
            () -> http("petra").post("/api/v1/projects/" + code + "/status-reports",
                Map.of("percentComplete", 7, "actualCostToDate", 72000)));
      }
      // each report is recorded (201) or loses the race in words (409), never a 500
      assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
      long recorded = answers.stream().filter(answer -> answer.status() == 201).count();
      assertThat(recorded).isPositive();
      assertThat(answers).filteredOn(answer -> answer.status() == 409)
          .allSatisfy(answer -> assertThat(answer.body()).contains("detail"));
      // nothing half-written: a row for each report acknowledged, and one intervention however many came at once
      assertThat(jdbc.queryForObject("SELECT count(*) FROM status_report s JOIN project p ON p.id = s.project_id"
          + " WHERE p.code = ?", Long.class, code)).isEqualTo(recorded);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
          .taskDefinitionKey("Task_InterveneOnRedProject").count()).isOne();
    }

    @Test
    void badReportsAreRefused() {
      String code = inDelivery("API bad report", List.of());
      Http.Response bad = http("paul").post("/api/v1/projects/" + code + "/status-reports",
          Map.of("percentComplete", 120, "actualCostToDate", -3, "milestones",
              List.of(Map.of("milestoneId", 999999, "status", "SOMEDAY"))));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("errors").findValuesAsText("field")).contains("percentComplete", "actualCostToDate",
          "milestones[0].milestoneId", "milestones[0].status");
      assertThat(http("rita").post("/api/v1/projects/" + code + "/status-reports",
          Map.of("percentComplete", 10, "actualCostToDate", 1)).status()).isEqualTo(403);
      String planning = journeys.approved(Requests.small("Not yet in delivery"));
      assertThat(http("petra").post("/api/v1/projects/" + planning + "/status-reports",
          Map.of("percentComplete", 10, "actualCostToDate", 1)).status()).isEqualTo(409);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM status_report s JOIN project p ON p.id = s.project_id"
          + " WHERE p.code IN (?, ?)", Long.class, code, planning)).isZero();
    }

    @Test
    void theRegisterFeedsTheHealthRating() {
      String code = inDelivery("Risky", List.of());
      Http paul = http("paul");
      Http.Response risk = paul.post("/api/v1/projects/" + code + "/register", Map.of("kind", "RISK",
          "title", "Key developer may leave", "severity", "HIGH", "probability", 3, "impact", 4, "owner", "paul"));
      assertThat(risk.status()).isEqualTo(201);
      Http.Response bad = paul.post("/api/v1/projects/" + code + "/register", Map.of("kind", "RISK",
          "title", "", "severity", "HUGE", "probability", 9, "owner", "nobody"));
      assertThat(bad.json().get("errors").findValuesAsText("field"))
          .contains("title", "severity", "probability", "impact", "owner");
      assertThat(paul.post("/api/v1/projects/" + code + "/status-reports",
          Map.of("percentComplete", 17, "actualCostToDate", 16000)).json().get("health").asText()).isEqualTo("AMBER");
      long id = risk.json().get("id").asLong();
      Http.Response closed = paul.patch("/api/v1/projects/" + code + "/register/" + id, Map.of("status", "CLOSED"));
      assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
      assertThat(paul.get("/api/v1/projects/" + code + "/register?kind=RISK").json()).hasSize(1);
      assertThat(http("rita").post("/api/v1/projects/" + code + "/register", Map.of("kind", "ISSUE")).status())
          .isIn(403, 404);
    }
  }
}
