package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.Race;
import io.openpmo.support.Requests;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Losing a race on a task is a 409 in words, never a 500: on the engine REST API and on the webapps' engine API
 * that Tasklist calls; one after the other and with two clients at the same moment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRaceTest extends AppTest {

  static final Map<String, Object> APPROVE = Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"),
      "conflictOfInterest", Map.of("value", false)));
  final Race clients = new Race(2);

  @AfterAll
  void stopClients() {
    clients.close();
  }

  /** The PMO review of a fresh request (petra and pierre both may take it). */
  String pmoReview(String title) {
    Journeys journeys = journeys();
    String code = journeys.submit("rita", Requests.small(title)).code();
    return journeys.task(code, "pmo").getId();
  }

  Http.Response claim(String user, String task) {
    return http(user).post("/engine-rest/task/" + task + "/claim", Map.of("userId", user));
  }

  Http.Response submit(String user, String task) {
    return http(user).post("/engine-rest/task/" + task + "/submit-form", APPROVE);
  }

  @Nested
  class OneAfterTheOther {

    @Test
    void aSecondClaimIsAlreadyClaimedByTheFirst() {
      String task = pmoReview("Race claim");
      assertThat(claim("petra", task).status()).isEqualTo(204);
      Http.Response second = claim("pierre", task);
      assertThat(second.status()).as(second.toString()).isEqualTo(409);
      assertThat(second.json().get("message").asText()).contains("already claimed by petra");
    }

    @Test
    void aSecondDecisionIsAlreadyDecidedWithWhoAndWhen() {
      String task = pmoReview("Race decide");
      assertThat(claim("petra", task).status()).isEqualTo(204);
      assertThat(submit("petra", task).status()).isEqualTo(204);
      Http.Response again = submit("petra", task);
      assertThat(again.status()).as(again.toString()).isEqualTo(409);
      assertThat(again.json().get("message").asText()).containsPattern("already decided by petra at \\d\\d:\\d\\d");
      Http.Response complete = http("petra").post("/engine-rest/task/" + task + "/complete", APPROVE);
      assertThat(complete.status()).as(complete.toString()).isEqualTo(409);
      // claiming a task that is decided
      Http.Response late = claim("pierre", task);
      assertThat(late.status()).as(late.toString()).isEqualTo(409);
      assertThat(late.json().get("message").asText()).contains("already decided by petra");
    }

    @Test
    void aTaskThatNeverExistedIs404() {
      Http.Response unknown = claim("petra", "no-such-task");
      assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
      assertThat(unknown.json().get("message").asText()).contains("no open task no-such-task");
    }

    @Test
    void theWebappsEngineApiAnswersTheSame() {
      String task = pmoReview("Race in Tasklist");
      assertThat(claim("petra", task).status()).isEqualTo(204);
      Http tasklist = http("pierre");
      assertThat(tasklist.webappLogin("tasklist", "pierre", "demo").status()).isEqualTo(200);
      Http.Response second = tasklist.post("/camunda/api/engine/engine/default/task/" + task + "/claim",
          Map.of("userId", "pierre"));
      assertThat(second.status()).as(second.toString()).isEqualTo(409);
      assertThat(second.json().get("message").asText()).contains("already claimed by petra");
    }
  }

  @Nested
  class AtTheSameMoment {

    @Test
    void twoClaimsOneWinsTheOtherIsToldWho() throws Exception {
      for (int round = 0; round < 5; round++) {
        String task = pmoReview("Race claims " + round);
        List<Http.Response> answers = race(() -> claim("petra", task), () -> claim("pierre", task));
        assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
        Http.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("message").asText()).containsPattern("already claimed by (petra|pierre)");
      }
    }

    @Test
    void aDoubleClickDecidesOnceAndTellsTheSecondWhoDecided() throws Exception {
      for (int round = 0; round < 5; round++) {
        String task = pmoReview("Race decisions " + round);
        assertThat(claim("petra", task).status()).isEqualTo(204);
        List<Http.Response> answers = race(() -> submit("petra", task), () -> submit("petra", task));
        assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
        Http.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("message").asText()).contains("already decided by petra");
      }
    }
  }

  @Nested
  class OnOurApi {

    @Test
    void twoCancellationsAtOnceCancelOnceAndTheOtherIsAConflict() throws Exception {
      String code = journeys().inDelivery(Requests.small("Race cancellation"), "100000");
      List<Http.Response> answers = race(
          () -> http("petra").post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", "Budget withdrawn")),
          () -> http("pierre").post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", "Budget gone")));
      assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
      Http.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
      assertThat(loser.header("Content-Type").get(0)).contains("application/problem+json");
      assertThat(loser.json().get("detail").asText()).isNotBlank();
      assertThat(http("petra").get("/api/v1/projects/" + code).json().get("status").asText()).isEqualTo("CANCELLED");
    }
  }

  /** Both calls released at the same moment; their answers. */
  List<Http.Response> race(Callable<Http.Response> first, Callable<Http.Response> second) throws Exception {
    return clients.atOnce(first, second);
  }
}
