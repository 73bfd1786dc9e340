package io.openpmo.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.intake.ProjectRequest;
import io.openpmo.project.ProjectMapper;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The objectives catalogue over HTTP, and requests that name the objectives they serve. */
class ObjectiveApiTest extends AppTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ProjectMapper projects;

  static Map<String, Object> objective(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Digital first retail");
    body.put("description", "Most retail products are sold through digital channels");
    body.put("owner", "sam");
    body.put("kpi", "Share of retail products sold digitally");
    body.put("target", "60% by December 2027");
    body.put("periodFrom", "2027-01");
    body.put("periodTo", "2027-12");
    body.put("weight", 4);
    return body;
  }

  static String code() {
    return "OBJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  @Test
  void thePmoKeepsTheCatalogueThatEveryUserReads() {
    String code = code();
    Http.Response created = http("petra").post("/api/v1/objectives", objective(code));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("periodFrom").asText()).isEqualTo("2027-01");
    assertThat(created.json().get("weight").asInt()).isEqualTo(4);
    assertThat(created.json().get("createdBy").asText()).isEqualTo("petra");

    // a requester reads it (to name it on a request) but cannot change it
    Http rita = http("rita");
    assertThat(rita.get("/api/v1/objectives").json().findValuesAsText("code")).contains(code);
    assertThat(rita.post("/api/v1/objectives", objective(code())).status()).isEqualTo(403);

    // retiring it is a change of the PMO, on the audit trail
    Map<String, Object> retired = objective(code);
    retired.put("active", false);
    Http.Response updated = http("petra").put("/api/v1/objectives/" + code, retired);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().get("active").asBoolean()).isFalse();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action IN ('OBJECTIVE_CREATED',"
        + " 'OBJECTIVE_UPDATED') AND details LIKE ?", Integer.class, "%" + code + "%")).isEqualTo(2);
  }

  @Nested
  class InvalidObjectives {

    @Test
    void namesEveryBadField() {
      Map<String, Object> bad = objective("obj lower");
      bad.put("owner", "nobodyknown");
      bad.put("weight", 9);
      bad.put("periodTo", "2026-12");
      Http.Response response = http("petra").post("/api/v1/objectives", bad);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("code", "owner", "weight", "periodTo");
    }

    @Test
    void anUpdateCarriesTheCode() {
      String code = code();
      assertThat(http("petra").post("/api/v1/objectives", objective(code)).status()).isEqualTo(201);
      Map<String, Object> withoutCode = objective(code);
      withoutCode.remove("code");
      withoutCode.put("name", "Renamed without its code");
      Http.Response response = http("petra").put("/api/v1/objectives/" + code, withoutCode);
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("code");
      assertThat(jdbc.queryForObject("SELECT name FROM strategic_objective WHERE code = ?", String.class, code))
          .isNotEqualTo("Renamed without its code");
    }

    @Test
    void aCodeIsUnique() {
      String code = code();
      assertThat(http("petra").post("/api/v1/objectives", objective(code)).status()).isEqualTo(201);
      Http.Response again = http("petra").post("/api/v1/objectives", objective(code));
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("code");
    }
  }

  @Nested
  class Requests_ {

    @Test
    void aRequestNamesTheObjectivesItServes() {
      String digital = code();
      String resilience = code();
      http("petra").post("/api/v1/objectives", objective(digital));
      http("petra").post("/api/v1/objectives", objective(resilience));
      ProjectRequest request = Requests.small("Serves two objectives").withObjectives(List.of(digital, resilience));

      Http.Response submitted = http("rita").post("/api/v1/projects", request);

      assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
      String project = submitted.json().get("code").asText();
      assertThat(http("rita").get("/api/v1/projects/" + project + "/objectives").json().findValuesAsText("code"))
          .containsExactlyInAnyOrder(digital, resilience);
      // somebody who may not see the project does not see its objectives either
      assertThat(http("fiona").get("/api/v1/projects/" + project + "/objectives").status()).isEqualTo(404);
    }

    @Test
    void anUnknownObjectiveIs400NamingItAndNothingIsWritten() {
      String known = code();
      http("petra").post("/api/v1/objectives", objective(known));
      long before = jdbc.queryForObject("SELECT count(*) FROM project", Long.class);

      Http.Response response = http("rita").post("/api/v1/projects",
          Requests.small("Names an unknown objective").withObjectives(List.of(known, "OBJ-NOWHERE")));

      assertThat(response.status()).isEqualTo(400);
      JsonNode error = response.json().get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("objectives");
      assertThat(error.get("message").asText()).isEqualTo("unknown objective: OBJ-NOWHERE");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM project", Long.class)).isEqualTo(before);
    }

    @Test
    void aRetiredObjectiveCannotBeNamed() {
      String code = code();
      Map<String, Object> retired = objective(code);
      retired.put("active", false);
      http("petra").post("/api/v1/objectives", retired);

      Http.Response response = http("rita").post("/api/v1/projects",
          Requests.small("Names a retired objective").withObjectives(List.of(code)));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("detail").asText()).contains("retired objective: " + code);
    }

    @Test
    void theTasklistStartFormTakesTheCodesAsText() {
      String code = code();
      http("petra").post("/api/v1/objectives", objective(code));
      Map<String, Object> form = new LinkedHashMap<>(Requests.asFormVariables(Requests.small("From the start form")));
      form.put("objectives", code + ", ");

      Http.Response started = http("rita").post("/engine-rest/process-definition/key/projectInitiation/submit-form",
          typed(form));

      assertThat(started.status()).as(started.body()).isEqualTo(200);
      String project = started.json().get("businessKey").asText();
      assertThat(http("petra").get("/api/v1/projects/" + project + "/objectives").json().findValuesAsText("code"))
          .containsExactly(code);

      form.put("objectives", "OBJ-UNHEARD-OF");
      Http.Response refused = http("rita").post("/engine-rest/process-definition/key/projectInitiation/submit-form",
          typed(form));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).contains("objectives unknown objective: OBJ-UNHEARD-OF");
    }
  }

  @Test
  void coverageShowsWhatStandsBehindEachObjectiveAndWhatHasNothing() {
    String served = code();
    String orphan = code();
    http("petra").post("/api/v1/objectives", objective(served));
    http("petra").post("/api/v1/objectives", objective(orphan));
    String project = http("rita").post("/api/v1/projects",
        Requests.small("Behind an objective").withObjectives(List.of(served))).json().get("code").asText();

    Http.Response coverage = http("erik").get("/api/v1/objectives/coverage");

    assertThat(coverage.status()).isEqualTo(200);
    JsonNode servedLine = line(coverage.json(), served);
    assertThat(servedLine.get("projectCount").asInt()).isEqualTo(1);
    assertThat(servedLine.get("budget").decimalValue()).isEqualByComparingTo("100000");
    assertThat(servedLine.get("expectedAnnualBenefit").decimalValue()).isEqualByComparingTo("60000");
    assertThat(servedLine.get("uncovered").asBoolean()).isFalse();
    assertThat(servedLine.get("projects").get(0).get("code").asText()).isEqualTo(project);
    assertThat(line(coverage.json(), orphan).get("uncovered").asBoolean()).isTrue();
    // CSV for the spreadsheet, and nothing for those outside the portfolio readers
    assertThat(http("petra").get("/api/v1/objectives/coverage?format=csv").body()).startsWith("objective,name,owner");
    assertThat(http("rita").get("/api/v1/objectives/coverage").status()).isEqualTo(403);
  }

  private static JsonNode line(JsonNode coverage, String code) {
    for (JsonNode line : coverage) {
      if (line.get("objective").get("code").asText().equals(code)) {
        return line;
      }
    }
    throw new AssertionError("no coverage line for " + code);
  }

  /** Variables as the engine REST API takes them: {"name": {"value": ...}}. */
  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, value == null ? Map.of() : Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
