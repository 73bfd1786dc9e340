package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Attack class 7: smuggling objects and mass into the engine. A form field sent as an object variable of any Java
 * type would be instantiated when read; a comment of several megabytes would be stored as it came. Submitted values
 * are plain values of a bounded size, object variables are deserialized only from an allow-list of types, and
 * comments have a size limit.
 */
class DeserializationAndSizeAttackPostgresTest extends AttackTest {

  Task claimedReview(String code) {
    Task review = task(code, "pmo");
    people().as("petra", () -> taskService.claim(review.getId(), "petra"));
    return review;
  }

  @Test
  void aFormFieldSentAsAJavaObjectIsRefused() {
    SubmissionResult request = submitted("rita", Requests.small("Object field"));
    Task review = claimedReview(request.code());
    Outcome before = outcome(request.code());
    Http.Response response = http("petra").post("/engine-rest/task/" + review.getId() + "/submit-form", Map.of(
        "variables", Map.of("decision", Map.of("value", "APPROVE"),
            "comment", Map.of("type", "Object", "value", "{\"url\":\"http://attacker.example\"}",
                "valueInfo", Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json")))));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("comment must be a plain value");
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void aCommentOfSeveralMegabytesIsRefused() {
    SubmissionResult request = submitted("rita", Requests.small("Huge comment"));
    Task review = claimedReview(request.code());
    Outcome before = outcome(request.code());
    String huge = "x".repeat(3_000_000);
    Http.Response response = http("petra").post("/engine-rest/task/" + review.getId() + "/complete", Map.of(
        "variables", variables(Map.of("decision", "REJECT", "comment", huge))));
    Http.Response taskComment = http("petra").post("/engine-rest/task/" + review.getId() + "/comment/create",
        Map.of("message", huge));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("comment must be at most");
    assertThat(taskComment.status()).isEqualTo(400);
    assertThat(taskService.getTaskComments(review.getId())).isEmpty();
    assertThat(outcome(request.code())).isEqualTo(before);
    // within the limit the review is decided, and the comment stays within its column
    Http.Response fits = http("petra").post("/engine-rest/task/" + review.getId() + "/complete", Map.of(
        "variables", variables(Map.of("decision", "REJECT", "comment", "y".repeat(4001)))));
    assertThat(fits.status()).isEqualTo(400);
    // the form calls the field "Reason": the answer names it so
    assertThat(fits.body()).contains("Reason must be at most 4000 characters");
  }

  @Test
  void objectVariablesOfTypesOutsideTheAllowListAreNotDeserialized() {
    Http.Response response = http("integrationbot").post("/engine-rest/decision-definition/key/projectHealth/evaluate",
        Map.of("variables", Map.of(
            "cpi", Map.of("type", "Object", "value", "{\"url\":\"http://attacker.example\"}",
                "valueInfo", Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json")),
            "spi", Map.of("value", 1.0), "openCriticalIssues", Map.of("value", 0),
            "openHighRisks", Map.of("value", 0), "regulatoryDeadlineMissed", Map.of("value", false))));
    assertThat(response.status()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).doesNotContain("attacker.example/");
  }
}
