package io.openpmo.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.security.Groups;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a reviewer reads before deciding: the request's key facts with human labels, why it scored as it did (the
 * rules that fired, with their descriptions), every earlier vote of every round (approvals without a comment and
 * recusals included, a recusal's reason not), and for a committee a line that sums up the functional reviews. The
 * decision context is shown, never submitted; the project view shows every vote of every decision.
 */
class DecisionContextTest extends AppTest {

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void theCommitteeSeesWhyTheRequestScoredAsItDidAndEveryFunctionalVote() {
    People people = new People(identityService);
    String secondCompliance = people.user("compliance2", Groups.COMPLIANCE);
    SubmissionResult request = journeys().submit("rita", Requests.withBothCommittees("New core banking platform"));
    String code = request.code();
    // compliance: carla declares a conflict (her reason is private), a colleague approves without a comment
    journeys().decide("carla", journeys().task(code, Groups.COMPLIANCE),
        Map.of("conflictOfInterest", true, "conflictReason", "My brother runs the vendor"));
    journeys().decide(secondCompliance, journeys().task(code, Groups.COMPLIANCE), Map.of("decision", "APPROVE"));
    // a review still open shows the votes cast since it was created
    assertThat((String) taskService.getVariableLocal(journeys().task(code, Groups.PMO).getId(), "decisionContext"))
        .contains("**Compliance:** Carla Dubois (carla) · **Recused (conflict of interest)**");
    journeys().decide("petra", journeys().task(code, Groups.PMO),
        Map.of("decision", "APPROVE", "approvalComment", "Fits the platform strategy"));
    for (String group : List.of(Groups.FINANCE, Groups.RISK, Groups.INFOSEC)) {
      journeys().decide(Journeys.reviewer(group), journeys().task(code, group), Map.of("decision", "APPROVE"));
    }

    Task committee = journeys().task(code, Groups.STEERING_COMMITTEE);
    assertThat(committee.getName()).isEqualTo("Decide project request in committee: " + code
        + " New core banking platform (Steering committee)");
    String context = (String) taskService.getVariableLocal(committee.getId(), "decisionContext");
    assertThat(context)
        .contains("#### Why these scores")
        .contains("Budget 10M or more: 30 points", "Personal data: 10 points", "Every project: PMO")
        .contains("Approvals required: PMO, Finance, Risk, Compliance, Information security, Steering committee,"
            + " Executive committee")
        .contains("5 of 5 functional reviews approved")
        .contains("Steering committee: pending")
        .contains("**Compliance:** Carla Dubois (carla) · **Recused (conflict of interest)**")
        .contains("**Finance:** Fiona Chen (fiona) · **Approve**")
        .contains("“Fits the platform strategy”")
        .doesNotContain("My brother runs the vendor");
    String facts = (String) taskService.getVariableLocal(committee.getId(), "subjectSummary");
    assertThat(facts).contains("**Third party:** ICT service", "**Data classification:** Confidential",
        "**Budget:** EUR 12,000,000");
    // short labels for Tasklist's list of tasks
    assertThat(taskService.getVariablesLocal(committee.getId())).containsEntry("projectLabel",
        code + " · New core banking platform").containsEntry("reviewingGroup", "Steering committee")
        .containsKeys("riskLabel", "priorityLabel");
  }

  @Test
  void theDecisionContextIsShownNeverSubmitted() {
    SubmissionResult request = journeys().submit("rita", Requests.small("Context is not a field"));
    Task review = journeys().task(request.code(), Groups.PMO);
    Http petra = http("petra");
    assertThat(petra.post("/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", "petra")).status())
        .isEqualTo(204);
    Http.Response forged = petra.post("/engine-rest/task/" + review.getId() + "/submit-form", Map.of("variables",
        Map.of("decision", Map.of("value", "APPROVE"), "decisionContext", Map.of("value", "No votes yet."))));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().get("message").asText()).contains("does not ask for decisionContext");
  }

  @Test
  void theProjectViewShowsTheVotesOfEveryDecision() {
    String code = journeys().inDelivery(Requests.small("Votes of the request and G1"), "100000");
    JsonNode reviews = http("petra").get("/api/v1/projects/" + code).json().get("reviews");
    assertThat(reviews.findValuesAsText("subject")).contains("Request (G0)", "G1");
    assertThat(reviews).anySatisfy(vote -> {
      assertThat(vote.get("subject").asText()).isEqualTo("G1");
      assertThat(vote.get("subjectType").asText()).isEqualTo("GATE_REVIEW");
      assertThat(vote.get("decision").asText()).isEqualTo("GO");
    });
  }
}
