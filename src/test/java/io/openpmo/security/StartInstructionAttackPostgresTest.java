package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Attack class 1: reaching an outcome by starting a process part-way ({@code startBeforeActivity} on the step that
 * records it), by skipping listeners or mappings, or by modifying or restarting an instance. Refused to everybody
 * but camunda-admin on every surface; and even an administrator who starts at the approval step finds the project's
 * state machine refusing an approval nobody voted for.
 */
class StartInstructionAttackPostgresTest extends AttackTest {

  static Map<String, Object> startBefore(String activityId, long projectId) {
    return Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", activityId)),
        "variables", Map.of("projectId", typedLong(projectId)));
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aRequesterCannotApproveHerOwnCriticalRequestByStartingAtTheApprovalStep(Surface surface) {
    SubmissionResult request = submitted("rita", Requests.withBothCommittees("Self-approval attempt " + surface));
    Outcome before = outcome(request.code());
    long initiations = instances("projectInitiation");

    Http.Response response = as(surface, "rita").post(surface.base + "/process-definition/key/projectInitiation/start",
        startBefore("Task_RegisterApproval", project(request.code()).id()));

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.body()).contains("reserved to camunda-admin");
    assertThat(outcome(request.code())).isEqualTo(before);
    assertThat(project(request.code()).status().name()).isEqualTo("IN_REVIEW");
    assertThat(instances("projectInitiation")).isEqualTo(initiations);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void nobodyRejectsOrWithdrawsSomebodyElsesRequestByStartingAtThoseSteps(Surface surface) {
    SubmissionResult request = submitted("sam", Requests.small("Somebody else's request " + surface));
    Outcome before = outcome(request.code());
    for (String step : List.of("Task_RecordRejection", "Task_RecordWithdrawal", "Task_RecordWithdrawnRequest")) {
      Http.Response response = as(surface, "rita").post(surface.base
          + "/process-definition/key/projectInitiation/start", startBefore(step, project(request.code()).id()));
      assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(403);
    }
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void anIntegrationCannotStartPartWayEither() {
    SubmissionResult request = submitted("integrationbot", Requests.small("Integration part-way start"));
    Outcome before = outcome(request.code());
    Http.Response response = http("integrationbot").post("/engine-rest/process-definition/key/projectInitiation/start",
        startBefore("Task_RegisterApproval", project(request.code()).id()));
    assertThat(response.status()).isEqualTo(403);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void skippingListenersOrMappingsIsRefused() {
    long initiations = instances("projectInitiation");
    Map<String, Object> request = Map.of("variables",
        variables(Requests.asFormVariables(Requests.small("Skip the listeners"))),
        "skipCustomListeners", true, "skipIoMappings", true,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RegisterRequest")));
    Http.Response response = http("rita").post("/engine-rest/process-definition/key/projectInitiation/start", request);
    assertThat(response.status()).isEqualTo(403);
    assertThat(instances("projectInitiation")).isEqualTo(initiations);
  }

  @Test
  void aProjectManagerCannotPutAChangeInForceByStartingBeforeTheBaselineStep() {
    String code = journeys().inDelivery(Requests.small("Change bypass"), "100000");
    Http paul = http("paul");
    Http.Response raised = paul.post("/api/v1/projects/" + code + "/change-requests", Map.of("title", "Add 900k",
        "reason", "More scope", "costDelta", 900_000, "delayDays", 0, "riskImpact", "LOW"));
    assertThat(raised.status()).as(raised.body()).isEqualTo(201);
    long changeId = raised.json().get("change").get("id").asLong();
    Outcome before = outcome(code);

    Http.Response response = paul.post("/engine-rest/process-definition/key/changeRequest/start", Map.of(
        "startInstructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "Task_PutChangedBaselineInForce")),
        "variables", Map.of("changeRequestId", typedLong(changeId), "projectId", typedLong(project(code).id()))));

    assertThat(response.status()).isEqualTo(403);
    assertThat(outcome(code)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT budget_at_completion FROM baseline WHERE id = ?", BigDecimal.class,
        project(code).currentBaselineId())).isEqualByComparingTo("100000");
  }

  @Test
  void evenAnAdministratorWhoStartsAtTheApprovalStepGetsNoApprovalWithoutVotes() {
    SubmissionResult request = submitted("rita", Requests.withBothCommittees("Admin start at approval"));
    Outcome before = outcome(request.code());

    Http.Response response = http("demo").post("/engine-rest/process-definition/key/projectInitiation/start",
        startBefore("Task_RegisterApproval", project(request.code()).id()));

    // the engine lets camunda-admin start part-way, and the project's state machine refuses the approval
    assertThat(response.status()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).contains("approve refused").contains("did not approve");
    assertThat(outcome(request.code())).isEqualTo(before);
    assertThat(actions(request.code())).contains("TRANSITION_REFUSED");
    assertThat(auditTrail.forProject(project(request.code()).id()).stream()
        .filter(e -> "TRANSITION_REFUSED".equals(e.action())).map(e -> e.actor())).contains("demo");
  }

  @Test
  void modifyingOrRestartingAnInstanceIsForCamundaAdminOnly() {
    SubmissionResult request = submitted("rita", Requests.small("Modification attempt"));
    Outcome before = outcome(request.code());
    String instance = request.processInstanceId();
    Http petra = http("petra");

    Http.Response modification = petra.post("/engine-rest/process-instance/" + instance + "/modification", Map.of(
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RegisterApproval"))));
    String definition = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
    Http.Response restart = petra.post("/engine-rest/process-definition/" + definition + "/restart", Map.of(
        "processInstanceIds", List.of(instance),
        "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RegisterApproval"))));

    assertThat(modification.status()).as(modification.body()).isEqualTo(403);
    assertThat(restart.status()).as(restart.body()).isEqualTo(403);
    assertThat(outcome(request.code())).isEqualTo(before);
  }
}
