package io.openpmo.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.core.Sha256;
import io.openpmo.support.Http;
import io.openpmo.support.PostgresAppTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Strategic planning on PostgreSQL: objectives named by a request, a scenario made, pinned and solved, a review
 * opened, and a management body's pack archived (the statements that differ between PostgreSQL and H2: ids
 * returned by inserts, sequences, binary content, window functions).
 */
class PlanningPostgresTest extends PostgresAppTest {

  @Autowired ManagementService managementService;

  @Test
  void objectivesScenariosReviewsAndPacksWorkOnPostgres() {
    Http petra = http("petra");
    String objective = "OBJ-PG-" + System.nanoTime() % 100000;
    assertThat(petra.post("/api/v1/objectives", Map.of("code", objective, "name", "Resilience", "owner", "sam",
        "kpi", "Critical services restored within 2 hours", "target", "100% in 2036", "periodFrom", "2036-01",
        "periodTo", "2036-12", "weight", 5)).status()).isEqualTo(201);
    Http.Response submitted = http("rita").post("/api/v1/projects", PlanningRequests.request("Failover site 2036",
        LocalDate.of(2036, 3, 1), "200000", "300000", null).withObjectives(List.of(objective)));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String project = submitted.json().get("code").asText();
    assertThat(petra.get("/api/v1/objectives/coverage").json().toString()).contains(project);

    Http.Response created = petra.post("/api/v1/scenarios", Map.of("periodFrom", "2036-01", "months", 12,
        "budgetTotal", 150000, "quarterBudgets", Map.of("2036-Q1", 100000)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String scenario = created.json().get("scenario").get("code").asText();
    assertThat(scenario).startsWith("SCN-2036-");
    for (JsonNode c : created.json().get("candidates")) {
      if (!c.get("projectCode").asText().equals(project)) {
        petra.patch("/api/v1/scenarios/" + scenario + "/candidates/" + c.get("projectCode").asText(),
            Map.of("pin", "OUT", "mandatory", false));
      }
    }
    JsonNode solved = petra.post("/api/v1/scenarios/" + scenario + "/solution", Map.of()).json();
    JsonNode candidate = null;
    for (JsonNode c : solved.get("candidates")) {
      if (c.get("projectCode").asText().equals(project)) {
        candidate = c;
      }
    }
    assertThat(candidate).isNotNull();
    assertThat(candidate.get("funded").asBoolean()).isFalse();
    assertThat(candidate.get("exclusion").asText()).startsWith("Total budget over by 50000");
    assertThat(candidate.get("objectiveWeight").asInt()).isEqualTo(5);

    Http.Response review = petra.post("/api/v1/portfolio-reviews", Map.of("periodFrom", "2036-01", "months", 12));
    assertThat(review.status()).as(review.body()).isEqualTo(201);
    assertThat(review.json().get("review").get("code").asText()).startsWith("PRV-2036-");

    LocalDate today = LocalDate.now();
    Http.Response pack = petra.post("/api/v1/reports/board-packs", Map.of("periodFrom",
        today.minusDays(7).toString(), "periodTo", today.toString()));
    assertThat(pack.status()).as(pack.body()).isEqualTo(202);
    String instance = pack.json().get("pack").get("processInstanceId").asText();
    for (int step = 0; step < 3; step++) {
      for (Job job : managementService.createJobQuery().processInstanceId(instance).executable().list()) {
        managementService.executeJob(job.getId());
      }
    }
    long id = pack.json().get("pack").get("id").asLong();
    Http.BinaryResponse pdf = http("erik").getBinary("/api/v1/reports/board-packs/" + id + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("X-Content-SHA256")).containsExactly(Sha256.hex(pdf.body()));
    assertThat(http("erik").get("/api/v1/reports/board-packs/" + id).json().get("pack").get("status").asText())
        .isEqualTo("SENT");
  }
}
