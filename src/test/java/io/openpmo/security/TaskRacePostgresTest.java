package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Race;
import io.openpmo.support.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Races on PostgreSQL, where transactions really run side by side (row locks, unique indexes, optimistic locking,
 * deadlock detection): whoever wins, the outcome in our tables is whole and the others are told in words, never a
 * 5xx and never "try again" for a race they lost. Checked on the outcome: status, votes, withdrawal records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRacePostgresTest extends PostgresAppTest {

  static final int ROUNDS = 4;
  final Race clients = new Race(3);
  @Autowired JdbcTemplate jdbc;

  @AfterAll
  void stopClients() {
    clients.close();
  }

  String submitted(String title) {
    Http.Response created = http("rita").post("/api/v1/projects", Http.JSON.convertValue(Requests.small(title), java.util.LinkedHashMap.class));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("code").asText();
  }

  String pmoTask(String code) {
    return http("petra").get("/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id").asText();
  }

  Http.Response submitForm(String user, String task) {
    return http(user).post("/engine-rest/task/" + task + "/submit-form", TaskRaceTest.APPROVE);
  }

  String status(String code) {
    return http("petra").get("/api/v1/projects/" + code).json().get("status").asText();
  }

  int votes(String code) {
    return jdbc.queryForObject("SELECT count(*) FROM review_decision d JOIN project p ON p.id = d.project_id"
        + " WHERE p.code = ?", Integer.class, code);
  }

  @Test
  void aTripleClickDecidesOnceAndTellsTheOthersWhoDecided() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String code = submitted("PG race decisions " + round);
      String task = pmoTask(code);
      List<Http.Response> claims = clients.atOnce(
          () -> http("petra").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "petra")),
          () -> http("pierre").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "pierre")));
      assertThat(claims).extracting(Http.Response::status).as(claims.toString()).containsExactlyInAnyOrder(204, 409);
      String winner = claims.get(0).status() == 204 ? "petra" : "pierre";
      List<Http.Response> decisions = clients.atOnce(() -> submitForm(winner, task), () -> submitForm(winner, task),
          () -> submitForm(winner, task));
      assertThat(decisions).extracting(Http.Response::status).as(decisions.toString())
          .containsExactlyInAnyOrder(204, 409, 409);
      decisions.stream().filter(d -> d.status() == 409).forEach(loser -> assertThat(loser.json().get("message")
          .asText()).as(loser.toString()).containsPattern("already decided by " + winner + " at \\d\\d:\\d\\d"));
      assertThat(status(code)).isEqualTo("APPROVED");
      assertThat(votes(code)).isEqualTo(1);
    }
  }

  @Test
  void twoWithdrawalsAtOnceWithdrawOnceAndTheOtherIsAConflict() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String code = submitted("PG race withdrawals " + round);
      List<Http.Response> answers = clients.atOnce(
          () -> http("rita").post("/api/v1/projects/" + code + "/withdrawal", Map.of("reason", "first")),
          () -> http("rita").post("/api/v1/projects/" + code + "/withdrawal", Map.of("reason", "second")));
      assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
      Http.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
      assertThat(loser.json().get("detail").asText()).contains(code + " is WITHDRAWN");
      assertThat(status(code)).isEqualTo("WITHDRAWN");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM project_instruction i JOIN project p ON p.id = i.project_id"
          + " WHERE p.code = ? AND i.kind = 'WITHDRAWAL'", Integer.class, code)).isEqualTo(1);
    }
  }

  @Test
  void aDecisionAndAWithdrawalAtOnceEndOneWayOrTheOtherWhole() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String code = submitted("PG race decision or withdrawal " + round);
      String task = pmoTask(code);
      assertThat(http("petra").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "petra")).status())
          .isEqualTo(204);
      List<Http.Response> answers = clients.atOnce(() -> submitForm("petra", task),
          () -> http("rita").post("/api/v1/projects/" + code + "/withdrawal", Map.of("reason", "changed my mind")));
      Http.Response decision = answers.get(0);
      Http.Response withdrawal = answers.get(1);
      assertThat(answers).as(answers.toString()).allSatisfy(a -> assertThat(a.status()).isBetween(200, 499));
      if (decision.status() == 204) {
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(409);
        assertThat(status(code)).isEqualTo("APPROVED");
        assertThat(votes(code)).isEqualTo(1);
      } else {
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        assertThat(decision.status()).as(decision.toString()).isEqualTo(409);
        assertThat(status(code)).isEqualTo("WITHDRAWN");
        assertThat(votes(code)).isZero();
      }
    }
  }
}
