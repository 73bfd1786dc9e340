package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
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
    return votes(code, "PROJECT_REQUEST");
  }

  int votes(String code, String subjectType) {
    return jdbc.queryForObject("SELECT count(*) FROM review_decision d JOIN project p ON p.id = d.project_id"
        + " WHERE p.code = ? AND d.subject_type = ?", Integer.class, code, subjectType);
  }

  /**
   * The reviewer of the task's group claims it, then sends the same decision three times at once (a triple click,
   * or a client retrying on both nodes): one goes through, the others are told who decided and when.
   */
  void tripleClick(String task, String group, Map<String, Object> form) throws Exception {
    String reviewer = Journeys.reviewer(group);
    assertThat(http(reviewer).post("/engine-rest/task/" + task + "/claim", Map.of("userId", reviewer)).status())
        .isEqualTo(204);
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    Map<String, Object> body = Map.of("variables", variables);
    java.util.concurrent.Callable<Http.Response> submit = () -> http(reviewer).post("/engine-rest/task/" + task
        + "/submit-form", body);
    List<Http.Response> answers = clients.atOnce(submit, submit, submit);
    assertThat(answers).extracting(Http.Response::status).as(answers.toString())
        .containsExactlyInAnyOrder(204, 409, 409);
    answers.stream().filter(a -> a.status() == 409).forEach(loser -> assertThat(loser.json().get("message")
        .asText()).as(loser.toString()).containsPattern("already decided by " + reviewer + " at \\d\\d:\\d\\d"));
  }

  @Test
  void aGateVoteAndAChangeApprovalSentThreeTimesAtOnceCountOnce() throws Exception {
    Journeys journeys = journeys();
    String code = journeys.approved(Requests.small("PG race gate and change"));
    journeys.plan(code, "paul", Journeys.plan("100000", List.of()));
    journeys.checklist(code, "paul", List.of());
    org.camunda.bpm.engine.TaskService tasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
    org.camunda.bpm.engine.task.Task gateVote = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey("Task_ReviewGate").list().get(0);
    String gateGroup = tasks.getIdentityLinksForTask(gateVote.getId()).stream().filter(l -> l.getGroupId() != null)
        .findFirst().orElseThrow().getGroupId();
    tripleClick(gateVote.getId(), gateGroup, Map.of("decision", "GO"));
    assertThat(votes(code, "GATE_REVIEW")).isEqualTo(1);

    journeys.gate(code, "GO", Map.of());
    assertThat(status(code)).isEqualTo("ACTIVE");
    Http.Response raised = http("paul").post("/api/v1/projects/" + code + "/change-requests",
        Requests.change(20, 4000));
    assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
    journeys.decide("petra", journeys.task(code, "Task_AssessImpact", Groups.PMO), Map.of("impactNotes", "Agreed"));
    org.camunda.bpm.engine.task.Task approval = journeys.task(code, "Task_ApproveChange", Groups.FINANCE);
    tripleClick(approval.getId(), Groups.FINANCE, Map.of("decision", "APPROVE", "comment", "Fine by finance"));
    assertThat(votes(code, "CHANGE_REQUEST")).isEqualTo(1);
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
