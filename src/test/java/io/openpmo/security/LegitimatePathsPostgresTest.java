package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The positive control of the attack classes: the legitimate path still works on the same surfaces, with the
 * calls Tasklist makes (the webapp's engine API, its session and CSRF token) and those an integration makes over
 * REST. A request needing three functional reviews is submitted from the start form, each reviewer claims and
 * submits the review form, and the project is approved with every vote on record.
 */
class LegitimatePathsPostgresTest extends AttackTest {

  @Test
  void aRequestIsSubmittedReviewedAndApprovedThroughTasklistsCalls() {
    Http rita = as(Surface.WEBAPP, "rita");
    Http.Response started = rita.post(Surface.WEBAPP.base + "/process-definition/key/projectInitiation/submit-form",
        Map.of("variables", variables(Requests.asFormVariables(
            Requests.withFinanceAndCompliance("Tasklist journey")))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String code = started.json().get("businessKey").asText();
    assertThat(project(code).status().name()).isEqualTo("IN_REVIEW");

    for (String[] reviewer : new String[][] {{"pmo", "petra"}, {"finance", "fiona"}, {"compliance", "carla"}}) {
      Http browser = as(Surface.WEBAPP, reviewer[1]);
      String taskId = task(code, reviewer[0]).getId();
      JsonNode form = browser.get(Surface.WEBAPP.base + "/task/" + taskId + "/form-variables").json();
      assertThat(form.get("subjectSummary").get("value").asText()).contains("Tasklist journey");
      assertThat(browser.post(Surface.WEBAPP.base + "/task/" + taskId + "/claim",
          Map.of("userId", reviewer[1])).status()).isEqualTo(204);
      Http.Response submitted = browser.post(Surface.WEBAPP.base + "/task/" + taskId + "/submit-form",
          Map.of("variables", variables(Map.of("decision", "APPROVE", "comment", "Fine by " + reviewer[0],
              "conflictOfInterest", false))));
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    }

    assertThat(project(code).status().name()).isEqualTo("APPROVED");
    assertThat(outcome(code).votes()).isEqualTo(3);
    assertThat(actions(code)).contains("PROJECT_APPROVED").doesNotContain("TRANSITION_REFUSED");
    assertThat(journeys().lifecycle(code)).isNotNull();
  }

  @Test
  void anIntegrationSubmitsAndAReviewerDecidesOverTheEngineRestApi() {
    Http.Response submitted = http("integrationbot").post("/api/v1/projects", Requests.small("REST journey"));
    assertThat(submitted.status()).isEqualTo(201);
    String code = submitted.json().get("code").asText();
    String taskId = task(code, "pmo").getId();
    Http petra = http("petra");
    assertThat(petra.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "petra")).status())
        .isEqualTo(204);
    assertThat(petra.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables",
        variables(Map.of("decision", "APPROVE")))).status()).isEqualTo(204);
    assertThat(project(code).status().name()).isEqualTo("APPROVED");
    assertThat(project(code).requester()).isEqualTo("integrationbot");
  }
}
