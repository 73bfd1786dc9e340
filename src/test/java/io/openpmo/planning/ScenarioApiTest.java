package io.openpmo.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scenarios over HTTP: made from the live portfolio, solved by the optimiser, changed by pins and demand estimates,
 * compared; the PMO manages them, portfolio readers and finance read them, others get 403.
 */
class ScenarioApiTest extends AppTest {

  /** A year no other test plans in: its candidates are the ones made here. */
  static int year = 2031;
  Http petra;
  String regulatory;
  String alpha;
  String beta;
  String gamma;
  String period;

  @BeforeEach
  void portfolio() {
    year++;
    period = year + "-01";
    petra = http("petra");
    LocalDate feb = LocalDate.of(year, 2, 1);
    regulatory = submit(PlanningRequests.request("Regulatory reporting " + year, feb, "100000", "0",
        LocalDate.of(year, 6, 30)));
    alpha = submit(PlanningRequests.request("Alpha " + year, feb, "100000", "900000", null));
    beta = submit(PlanningRequests.request("Beta " + year, feb, "100000", "500000", null));
    gamma = submit(PlanningRequests.request("Gamma " + year, feb, "100000", "100000", null));
  }

  String submit(io.openpmo.intake.ProjectRequest request) {
    Http.Response response = http("rita").post("/api/v1/projects", request);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("code").asText();
  }

  JsonNode create(String budget) {
    Http.Response created = petra.post("/api/v1/scenarios", Map.of("name", "Plan " + year, "periodFrom", period,
        "months", 12, "budgetTotal", new java.math.BigDecimal(budget), "quarterBudgets", Map.of(year + "-Q1", 200000)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    // requests of other tests that may still start in this period are pinned out: only ours compete
    String code = created.json().get("scenario").get("code").asText();
    for (JsonNode c : created.json().get("candidates")) {
      String project = c.get("projectCode").asText();
      if (!List.of(regulatory, alpha, beta, gamma).contains(project)) {
        assertThat(petra.patch("/api/v1/scenarios/" + code + "/candidates/" + project, Map.of("pin", "OUT",
            "mandatory", false)).status()).isEqualTo(200);
      }
    }
    return petra.get("/api/v1/scenarios/" + code).json();
  }

  static JsonNode candidate(JsonNode view, String code) {
    for (JsonNode c : view.get("candidates")) {
      if (c.get("projectCode").asText().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no candidate " + code + " in " + view);
  }

  @Test
  void theOptimiserFundsTheMostValueWithinTheBudgetAndSaysWhyTheRestIsCut() {
    JsonNode view = create("250000");
    String code = view.get("scenario").get("code").asText();
    assertThat(view.get("scenario").get("status").asText()).isEqualTo("DRAFT");
    JsonNode reg = candidate(view, regulatory);
    assertThat(reg.get("kind").asText()).isEqualTo("REQUEST");
    assertThat(reg.get("mandatory").asBoolean()).isTrue();
    assertThat(reg.get("mandatoryReason").asText()).isEqualTo("Regulatory deadline " + year + "-06-30");
    assertThat(reg.get("earliestStart").asText()).isEqualTo(year + "-02");
    assertThat(reg.get("latestStart").asText()).isEqualTo(year + "-05");

    Http.Response solved = petra.post("/api/v1/scenarios/" + code + "/solution", Map.of());

    assertThat(solved.status()).as(solved.body()).isEqualTo(200);
    JsonNode result = solved.json();
    assertThat(result.get("scenario").get("status").asText()).isEqualTo("SOLVED");
    assertThat(result.get("scenario").get("solveMethod").asText()).isEqualTo("exhaustive search");
    assertThat(result.get("summary").get("feasible").asBoolean()).isTrue();
    // the mandatory request and the most valuable one (alpha) are in: 200k of 250k
    assertThat(candidate(result, regulatory).get("funded").asBoolean()).isTrue();
    assertThat(candidate(result, alpha).get("funded").asBoolean()).isTrue();
    assertThat(candidate(result, beta).get("funded").asBoolean()).isFalse();
    assertThat(candidate(result, beta).get("exclusion").asText()).startsWith("Total budget over by 50000");
    assertThat(result.get("summary").get("spendInPeriod").decimalValue()).isLessThanOrEqualTo(
        new java.math.BigDecimal("250000"));
    // Q1 has a cap of 200k: what is funded spends within it
    JsonNode q1 = result.get("quarters").get(0);
    assertThat(q1.get("quarter").asText()).isEqualTo(year + "-Q1");
    assertThat(q1.get("spend").decimalValue()).isLessThanOrEqualTo(q1.get("budget").decimalValue());

    // pinning beta in makes the scenario a draft; solved again, beta is in and alpha or gamma goes
    Http.Response pinned = petra.patch("/api/v1/scenarios/" + code + "/candidates/" + beta, Map.of("pin", "IN"));
    assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
    assertThat(petra.get("/api/v1/scenarios/" + code).json().get("scenario").get("status").asText())
        .isEqualTo("DRAFT");
    JsonNode again = petra.post("/api/v1/scenarios/" + code + "/solution", Map.of()).json();
    assertThat(candidate(again, beta).get("funded").asBoolean()).isTrue();
    assertThat(candidate(again, regulatory).get("funded").asBoolean()).isTrue();
    assertThat(candidate(again, alpha).get("funded").asBoolean()).isFalse();
  }

  @Test
  void aDemandEstimateForARoleWithoutCapacityCutsTheCandidateByCapacity() {
    String code = create("1000000").get("scenario").get("code").asText();
    Http.Response estimated = petra.patch("/api/v1/scenarios/" + code + "/candidates/" + gamma,
        Map.of("demand", List.of(Map.of("role", "QUANT_ANALYST", "fte", 1.5))));
    assertThat(estimated.status()).as(estimated.body()).isEqualTo(200);

    JsonNode result = petra.post("/api/v1/scenarios/" + code + "/solution", Map.of()).json();

    assertThat(candidate(result, gamma).get("funded").asBoolean()).isFalse();
    assertThat(candidate(result, gamma).get("exclusion").asText())
        .contains("Capacity QUANT_ANALYST " + year + "-").contains("over by 1.50 FTE");
    assertThat(candidate(result, alpha).get("funded").asBoolean()).isTrue();
  }

  @Test
  void variantsAreComparedSideBySide() {
    String lean = create("250000").get("scenario").get("code").asText();
    Http.Response variant = petra.post("/api/v1/scenarios", Map.of("basedOn", lean, "name", "Generous",
        "budgetTotal", 400000, "quarterBudgets", Map.of()));
    assertThat(variant.status()).as(variant.body()).isEqualTo(201);
    String generous = variant.json().get("scenario").get("code").asText();
    petra.post("/api/v1/scenarios/" + lean + "/solution", Map.of());
    petra.post("/api/v1/scenarios/" + generous + "/solution", Map.of());

    Http.Response comparison = http("fiona").get("/api/v1/scenarios/comparison?codes=" + lean + "," + generous);

    assertThat(comparison.status()).as(comparison.body()).isEqualTo(200);
    JsonNode rows = comparison.json().get("candidates");
    JsonNode betaRow = null;
    for (JsonNode row : rows) {
      if (row.get("projectCode").asText().equals(beta)) {
        betaRow = row;
      }
    }
    assertThat(betaRow).isNotNull();
    assertThat(betaRow.get("decisions").get(lean).asText()).isEqualTo("cut");
    assertThat(betaRow.get("decisions").get(generous).asText()).isEqualTo(year + "-02");
    assertThat(betaRow.get("differs").asBoolean()).isTrue();
    assertThat(comparison.json().get("scenarios").get(1).get("summary").get("valueFunded").asLong())
        .isGreaterThan(comparison.json().get("scenarios").get(0).get("summary").get("valueFunded").asLong());
  }

  @Nested
  class WhoMayDoWhat {

    @Test
    void onlyThePmoManagesScenariosAndOnlyPortfolioReadersAndFinanceReadThem() {
      String code = create("250000").get("scenario").get("code").asText();
      assertThat(http("rita").get("/api/v1/scenarios").status()).isEqualTo(403);
      assertThat(http("rita").get("/api/v1/scenarios/" + code).status()).isEqualTo(403);
      assertThat(http("fiona").get("/api/v1/scenarios/" + code).status()).isEqualTo(200);
      assertThat(http("erik").get("/api/v1/scenarios/" + code).status()).isEqualTo(200);
      assertThat(http("erik").post("/api/v1/scenarios/" + code + "/solution", Map.of()).status()).isEqualTo(403);
      assertThat(http("fiona").patch("/api/v1/scenarios/" + code, Map.of("budgetTotal", 1)).status()).isEqualTo(403);
    }
  }

  @Nested
  class BadInput {

    @Test
    void namesEveryBadField() {
      Http.Response response = petra.post("/api/v1/scenarios", Map.of("months", 40, "budgetTotal", -5,
          "quarterBudgets", Map.of("1999-Q1", 1)));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("periodFrom", "months", "budgetTotal");
    }

    @Test
    void aQuarterOutsideThePeriodAndABadPinAreNamed() {
      String code = create("250000").get("scenario").get("code").asText();
      Http.Response quarters = petra.patch("/api/v1/scenarios/" + code,
          Map.of("quarterBudgets", Map.of((year + 1) + "-Q1", 5)));
      assertThat(quarters.status()).isEqualTo(400);
      assertThat(quarters.json().get("errors").get(0).get("field").asText()).isEqualTo("quarterBudgets." + (year + 1)
          + "-Q1");
      Http.Response pin = petra.patch("/api/v1/scenarios/" + code + "/candidates/" + alpha,
          Map.of("pin", "MAYBE", "latestStart", (year + 2) + "-01"));
      assertThat(pin.status()).isEqualTo(400);
      assertThat(pin.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("pin", "latestStart");
      assertThat(petra.patch("/api/v1/scenarios/" + code + "/candidates/PRJ-0000-0000", Map.of("pin", "IN")).status())
          .isEqualTo(404);
    }
  }
}
