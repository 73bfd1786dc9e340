package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad input that was once accepted or answered with a 500 (issue 11's findings), each refused with a 400 that
 * names the field, and nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictBindingTest extends AppTest {

  @Autowired JdbcTemplate jdbc;
  ObjectNode valid;

  @BeforeAll
  void validRequest() {
    valid = Http.JSON.createObjectNode();
    valid.put("title", "Strict binding").put("description", "Automate the monthly reconciliation")
        .put("businessUnit", "Operations").put("sponsor", "sam").put("projectType", "RUN").put("strategicAlignment", 3)
        .put("expectedAnnualBenefit", 60000).put("budget", 100000).put("startDate", LocalDate.now().plusMonths(2).toString())
        .put("durationMonths", 6).put("complexity", "LOW").put("personalData", false)
        .put("dataClassification", "INTERNAL").put("thirdParty", "NONE").put("criticalFunction", false)
        .put("newTechnology", false);
  }

  long projects() {
    return jdbc.queryForObject("SELECT count(*) FROM project", Long.class);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "projectType        | 1",
      "projectType        | \"run\"",
      "startDate          | 20270101",
      "startDate          | \"2027-02-30\"",
      "title              | {\"a\": 1}",
      "title              | 42",
      "title              | [\"a\"]",
      "title              | \"a\\u0000b\"",
      "personalData       | \"yes\"",
      "personalData       | \"true\"",
      "personalData       | 1",
      "strategicAlignment | 2.7",
      "strategicAlignment | \"3\"",
      "durationMonths     | 1180591620717411303424",
      "budget             | 1e308",
      "budget             | 1180591620717411303424",
      "budget             | 0.001",
      "budget             | \"100000\"",
      "sponsor            | \"a b\"",
  })
  void aValueOfTheWrongShapeIsRefusedNamingTheField(String field, String json) {
    long before = projects();
    ObjectNode bodyNode = valid.deepCopy();
    bodyNode.remove(field);
    String body = "{\"" + field + "\": " + json + "," + bodyNode.toString().substring(1);
    Http.Response response = http("integrationbot").post("/api/v1/projects", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type").get(0)).contains("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsText("field")).as(response.toString()).contains(field);
    assertThat(projects()).isEqualTo(before);
  }

  @Test
  void theValidRequestIsAccepted() {
    // the control: the same body with nothing broken goes through
    Http.Response response = http("integrationbot").post("/api/v1/projects", valid.toString());
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  @Test
  void aNullInsideAListIsRefusedNamingItsIndex() {
    String code = journeys().inDelivery(Requests.small("Strict lists"), "100000");
    Http.Response report = http("paul").post("/api/v1/projects/" + code + "/status-reports",
        "{\"percentComplete\": 10, \"actualCostToDate\": 100, \"milestones\": [null]}");
    assertThat(report.status()).as(report.toString()).isEqualTo(400);
    assertThat(report.json().get("errors").findValuesAsText("field")).contains("milestones[0]");
    Http.Response lesson = http("paul").post("/api/v1/projects/" + code + "/lessons",
        "{\"recommendations\": \"Plan early\", \"tags\": [\"ok\", null]}");
    assertThat(lesson.status()).as(lesson.toString()).isEqualTo(400);
  }

  @Test
  void textBeyondItsColumnIsRefusedBeforeTheDatabase() {
    String code = journeys().inDelivery(Requests.small("Strict sizes"), "100000");
    long changes = jdbc.queryForObject("SELECT count(*) FROM change_request", Long.class);
    Http.Response change = http("paul").post("/api/v1/projects/" + code + "/change-requests", Map.of("title", "More tests",
        "reason", "x".repeat(100_000), "delayDays", 5, "costDelta", 1000, "riskImpact", "LOW"));
    assertThat(change.status()).as(change.toString()).isEqualTo(400);
    assertThat(change.json().get("errors").findValuesAsText("field")).contains("reason");
    Http.Response huge = http("paul").post("/api/v1/projects/" + code + "/change-requests", Map.of("title", "More tests",
        "reason", "Defects", "costDelta", new java.math.BigDecimal("1e308"), "riskImpact", "LOW"));
    assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
    assertThat(huge.json().get("errors").findValuesAsText("field")).contains("costDelta");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM change_request", Long.class)).isEqualTo(changes);
  }

  @Test
  void anUnknownEnumValueInAPatchIsRefusedNotIgnored() {
    String code = journeys().inDelivery(Requests.small("Strict patch"), "100000");
    JsonNode risk = http("paul").post("/api/v1/projects/" + code + "/register", Map.of("kind", "RISK", "title", "Late",
        "severity", "LOW", "probability", 2, "impact", 2, "owner", "paul")).json();
    String path = "/api/v1/projects/" + code + "/register/" + risk.get("id").asText();
    for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("severity", "SEVERE"),
        Map.of("kind", "PROBLEM"), Map.of("kind", "ISSUE"), Map.of("status", "DONE"))) {
      Http.Response response = http("paul").patch(path, patch);
      assertThat(response.status()).as(patch + " -> " + response).isEqualTo(400);
      assertThat(response.json().get("errors").findValuesAsText("field")).contains(patch.keySet().iterator().next());
    }
    assertThat(http("paul").get("/api/v1/projects/" + code + "/register").json().get(0).get("severity").asText())
        .isEqualTo("LOW");
  }

  @Test
  void anExternalReferenceReusedThroughTheStartFormIsAConflictInWords() {
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    Requests.asFormVariables(Requests.small("Start form reference")).forEach((k, v) -> form.put(k, Map.of("value", v)));
    form.put("externalReference", Map.of("value", "SNOW-STRICT-1"));
    String path = "/engine-rest/process-definition/key/projectInitiation/submit-form";
    assertThat(http("rita").post(path, Map.of("variables", form)).status()).isEqualTo(200);
    long before = projects();
    Http.Response again = http("rita").post(path, Map.of("variables", form));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("externalReference");
    assertThat(projects()).isEqualTo(before);
  }

  @Test
  void aFlagParameterIsTrueOrFalseOnly() {
    Http.Response response = http("petra").get("/api/v1/resources?activeOnly=yes");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("activeOnly");
  }
}
