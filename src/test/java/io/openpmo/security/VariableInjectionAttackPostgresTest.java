package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.intake.SubmissionResult;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.TransitionRefusedException;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attack class 2: deciding with variables instead of votes. A reviewer completes her review with an extra
 * variable that marks the request rejected, empties the committees still to decide or says it is approved; writes
 * variables through the variable endpoints; sends the withdrawal message herself. A task takes only the fields its
 * form declares, kept local to it; the variable endpoints are closed; and what the process would do with a
 * missing vote is refused by the state machine, which counts votes, not variables.
 */
class VariableInjectionAttackPostgresTest extends AttackTest {

  @Autowired ProjectGovernance governance;

  Task claimed(String code, String group, String user) {
    Task task = task(code, group);
    people().as(user, () -> taskService.claim(task.getId(), user));
    return task;
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aReviewCompletedWithAnExtraVariableIsRefusedAndNothingIsRecorded(Surface surface) {
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Extra variable " + surface));
    Task review = claimed(request.code(), "finance", "fiona");
    Outcome before = outcome(request.code());
    Http fiona = as(surface, "fiona");

    for (String endpoint : List.of("/complete", "/submit-form")) {
      for (Map<String, Object> extra : List.<Map<String, Object>>of(Map.of("rejected", true),
          Map.of("functionalReviewGroups", "[]"), Map.of("reviewOutcome", "APPROVED"), Map.of("projectId", 1))) {
        Map<String, Object> form = new LinkedHashMap<>(Map.of("decision", "APPROVE", "comment", "fine"));
        form.putAll(extra);
        Http.Response response = fiona.post(surface.base + "/task/" + review.getId() + endpoint,
            Map.of("variables", variables(form)));
        assertThat(response.status()).as(endpoint + " " + extra + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).contains("does not ask for " + extra.keySet().iterator().next());
      }
    }
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    assertThat(outcome(request.code())).isEqualTo(before);
    assertThat(runtimeService.getVariable(request.processInstanceId(), "rejected")).isNotEqualTo(true);
  }

  @Test
  void theFormsFieldsStayWithTheTaskAndCannotOverwriteAProcessVariable() {
    SubmissionResult request = submitted("rita", Requests.small("Local fields"));
    Task review = claimed(request.code(), "pmo", "petra");
    Http.Response response = http("petra").post("/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", variables(Map.of("decision", "APPROVE", "comment", "fits"))));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
    // the vote is on record; the form's answers were the task's own and went with it
    assertThat(project(request.code()).status().name()).isEqualTo("APPROVED");
    assertThat(jdbc.queryForList("SELECT DISTINCT name_ FROM act_ru_variable WHERE proc_inst_id_ = ?", String.class,
        request.processInstanceId())).doesNotContain("decision", "comment");
  }

  @Test
  void theVariableEndpointsAreClosed() {
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Variable endpoints"));
    Task review = claimed(request.code(), "finance", "fiona");
    Outcome before = outcome(request.code());
    String instance = request.processInstanceId();
    String execution = review.getExecutionId();

    List<Http.Response> answers = List.of(
        http("fiona").put("/engine-rest/task/" + review.getId() + "/variables/reviewOutcome",
            Map.of("value", "APPROVED")),
        http("fiona").put("/engine-rest/task/" + review.getId() + "/localVariables/decision",
            Map.of("value", "APPROVE")),
        http("fiona").post("/engine-rest/task/" + review.getId() + "/variables",
            Map.of("modifications", variables(Map.of("rejected", false)))),
        http("petra").post("/engine-rest/process-instance/" + instance + "/variables",
            Map.of("modifications", variables(Map.of("committeeGroups", "[]")))),
        http("petra").put("/engine-rest/execution/" + execution + "/localVariables/reviewGroup",
            Map.of("value", "pmo")),
        http("demo").delete("/engine-rest/process-instance/" + instance + "/variables/projectId"));

    for (Http.Response answer : answers) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    }
    assertThat(runtimeService.getVariable(instance, "projectId")).isEqualTo(project(request.code()).id());
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void aBpmnErrorOrEscalationFromATaskCannotCarryVariables() {
    SubmissionResult request = submitted("rita", Requests.small("Task error"));
    Task review = claimed(request.code(), "pmo", "petra");
    Outcome before = outcome(request.code());
    Http.Response error = http("petra").post("/engine-rest/task/" + review.getId() + "/bpmnError",
        Map.of("errorCode", "Error_Approved", "variables", variables(Map.of("reviewOutcome", "APPROVED"))));
    Http.Response escalation = http("petra").post("/engine-rest/task/" + review.getId() + "/bpmnEscalation",
        Map.of("escalationCode", "Escalation_Approved"));
    assertThat(error.status()).isEqualTo(403);
    assertThat(escalation.status()).isEqualTo(403);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aRequesterCannotSendTheWithdrawalMessageHerself(Surface surface) {
    SubmissionResult request = submitted("sam", Requests.small("Withdrawal by message " + surface));
    Outcome before = outcome(request.code());
    Http.Response response = as(surface, "rita").post(surface.base + "/message", Map.of(
        "messageName", "WithdrawRequest", "processInstanceId", request.processInstanceId()));
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void anAdministratorsWithdrawalMessageIsRefusedWithoutAWithdrawalOnRecord() {
    SubmissionResult request = submitted("rita", Requests.small("Admin withdrawal message"));
    Outcome before = outcome(request.code());
    Http.Response response = http("demo").post("/engine-rest/message", Map.of(
        "messageName", "WithdrawRequest", "processInstanceId", request.processInstanceId()));
    assertThat(response.status()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).contains("neither the requester nor the PMO withdrew it");
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void missingVotesAreNotApproval() {
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Missing votes"));
    journeys().decide("petra", task(request.code(), "pmo"), Map.of("decision", "APPROVE"));
    long projectId = project(request.code()).id();
    Outcome before = outcome(request.code());

    // what a path around the reviews would reach: the approval step itself
    assertThatThrownBy(() -> people().as("petra", () -> governance.approve(projectId)))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("finance, compliance did not approve in round 1");

    assertThat(outcome(request.code())).isEqualTo(before);
    assertThat(auditTrail.forProject(projectId)).anySatisfy(event -> {
      assertThat(event.action()).isEqualTo("TRANSITION_REFUSED");
      assertThat(event.actor()).isEqualTo("petra");
      assertThat(event.details()).contains("approve").contains("finance, compliance did not approve");
    });
  }

  @Test
  void aRejectionOrReworkWithoutSuchAVoteIsRefused() {
    SubmissionResult request = submitted("rita", Requests.small("No rejection on record"));
    long projectId = project(request.code()).id();
    Outcome before = outcome(request.code());
    assertThatThrownBy(() -> governance.reject(projectId)).isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("nobody rejected it");
    assertThatThrownBy(() -> governance.returnForRework(projectId)).isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("no reviewer of round 1 asked for rework");
    assertThatThrownBy(() -> governance.withdraw(projectId)).isInstanceOf(TransitionRefusedException.class);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void aGateIsNotDecidedWhileAGroupItsDecisionNamedHasNotVoted() {
    String code = journeys().approved(Requests.withFinanceAndCompliance("Partial gate"));
    journeys().plan(code, "paul", io.openpmo.support.Journeys.plan("1500000", List.of()));
    journeys().checklist(code, "paul", List.of());
    Long gateId = jdbc.queryForObject("SELECT id FROM gate_review WHERE project_id = ? AND gate = 'G1'", Long.class,
        project(code).id());
    List<String> named = List.of(jdbc.queryForObject("SELECT reviewer_groups FROM gate_review WHERE id = ?",
        String.class, gateId).split(","));
    assertThat(named).contains("pmo", "finance");
    journeys().decide("fiona", journeys().task(code, "Task_ReviewGate", "finance"), Map.of("decision", "GO"));

    assertThatThrownBy(() -> governance.gateOutcome(gateId)).isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("did not vote");
    assertThat(project(code).status().name()).isEqualTo("APPROVED");
    assertThat(jdbc.queryForObject("SELECT status FROM gate_review WHERE id = ?", String.class, gateId))
        .isEqualTo("OPEN");
  }
}
