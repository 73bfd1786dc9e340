package io.openpmo.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.audit.AuditTrail;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.security.Groups;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deputies of absent approvers, end to end over HTTP: naming one (our API and the Tasklist start form), the
 * approver's open tasks going to the deputy, the deputy's vote "acting for" the approver on record and in the
 * project view, new tasks offered to the deputy, and the end: early on request, or by itself after the last day.
 */
class DeputiesTest extends AppTest {

  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;

  People people() {
    return new People(identityService);
  }

  @AfterEach
  void endEveryDeputyship() {
    ClockUtil.reset();
    // deputyships are shared state of the test database: none outlives its test
    jdbc.update("UPDATE deputyship SET ended_at = CURRENT_TIMESTAMP WHERE ended_at IS NULL");
  }

  static Map<String, Object> deputy(String deputy, LocalDate from, LocalDate to) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deputy", deputy);
    body.put("validFrom", from == null ? null : from.toString());
    body.put("validTo", to == null ? null : to.toString());
    body.put("reason", "Annual leave");
    return body;
  }

  Task financeReview(String code) {
    return journeys().task(code, Groups.FINANCE);
  }

  boolean isCandidate(String taskId, String user) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && user.equals(link.getUserId()));
  }

  @Test
  void theDeputyTakesOverTheApproversTasksAndVotesActingForThem() {
    String away = people().user("finaway", Groups.FINANCE);
    String stand = people().user("finstand", Groups.PROJECT_MANAGERS);
    SubmissionResult request = journeys().submit("rita", Requests.withFinanceAndCompliance("Deputy takes over"));
    Task review = financeReview(request.code());
    people().as(away, () -> taskService.claim(review.getId(), away));
    LocalDate today = LocalDate.now();

    // the approver names a deputy from today: the task she claimed goes to the deputy
    Http.Response named = http(away).post("/api/v1/deputies", deputy(stand, today, today.plusDays(5)));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.json().get("principal").asText()).isEqualTo(away);
    assertThat(named.json().get("state").asText()).isEqualTo("ACTIVE");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo(stand);
    assertThat(isCandidate(review.getId(), stand)).isTrue();

    // the deputy decides in Tasklist's way (submit the form); the vote says for whom
    Http.Response voted = http(stand).post("/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))));
    assertThat(voted.status()).as(voted.body()).isEqualTo(204);
    Map<String, Object> vote = jdbc.queryForMap("SELECT reviewer, acting_for, group_id FROM review_decision"
        + " WHERE task_id = ?", review.getId());
    assertThat(vote).containsEntry("REVIEWER", stand).containsEntry("ACTING_FOR", away)
        .containsEntry("GROUP_ID", Groups.FINANCE);
    JsonNode reviews = http("petra").get("/api/v1/projects/" + request.code()).json().get("reviews");
    assertThat(reviews).anySatisfy(r -> {
      assertThat(r.get("reviewer").asText()).isEqualTo(stand);
      assertThat(r.get("actingFor").asText()).isEqualTo(away);
      assertThat(r.get("subject").asText()).isEqualTo("Request (G0)");
    });
    assertThat(auditTrail.forProject(journeys().project(request.code()).id()))
        .filteredOn(e -> e.action().equals("REVIEW_DECIDED"))
        .anySatisfy(e -> assertThat(e.details()).contains("\"actingFor\":\"" + away + "\""));

    // a new task of the approver's group offers itself to the deputy while the deputyship runs
    SubmissionResult next = journeys().submit("rita", Requests.withFinanceAndCompliance("Deputy sees new tasks"));
    Task newReview = financeReview(next.code());
    assertThat(isCandidate(newReview.getId(), stand)).isTrue();
    assertThat(http(stand).post("/engine-rest/task/" + newReview.getId() + "/claim", Map.of("userId", stand)).status())
        .isEqualTo(204);

    // who stands in for whom: the PMO sees it; somebody else does not
    long id = named.json().get("id").asLong();
    assertThat(http("petra").get("/api/v1/deputies?state=ACTIVE").json().findValuesAsText("deputy")).contains(stand);
    assertThat(http("rick").get("/api/v1/deputies/" + id).status()).isEqualTo(404);
    assertThat(http("rick").get("/api/v1/deputies").json().findValuesAsText("deputy")).doesNotContain(stand);
  }

  @Test
  void aTaskThatIsNotAVoteRecordsWhomTheDeputyActedFor() {
    String away = people().user("pmaway", Groups.PROJECT_MANAGERS);
    String stand = people().user("pmstand", Groups.RESOURCE_MANAGERS);
    String code = journeys().approved(Requests.small("Deputy plans"));
    Task plan = journeys().task(code, "Task_PlanProject", null);
    LocalDate today = LocalDate.now();
    assertThat(http(away).post("/api/v1/deputies", deputy(stand, today, today.plusDays(3))).status()).isEqualTo(201);
    // the open task of the approver's group is offered to the deputy, who may claim it only as deputy
    assertThat(isCandidate(plan.getId(), stand)).isTrue();
    journeys().decide(stand, plan, Journeys.plan("100000", List.of()));

    Map<String, Object> action = jdbc.queryForMap("SELECT deputy, acting_for, task_name FROM deputy_action"
        + " WHERE task_id = ?", plan.getId());
    assertThat(action).containsEntry("DEPUTY", stand).containsEntry("ACTING_FOR", away);
    assertThat(action.get("TASK_NAME").toString()).startsWith("Prepare project plan");
    // the deputy planned in the name of the project manager they stood in for
    assertThat(journeys().project(code).projectManager()).isEqualTo(away);
    JsonNode view = http("petra").get("/api/v1/projects/" + code).json();
    assertThat(view.get("deputyActions")).anySatisfy(a -> {
      assertThat(a.get("deputy").asText()).isEqualTo(stand);
      assertThat(a.get("actingFor").asText()).isEqualTo(away);
    });
    assertThat(auditTrail.forProject(journeys().project(code).id()))
        .filteredOn(e -> e.action().equals("DEPUTY_COMPLETED_TASK"))
        .anySatisfy(e -> assertThat(e.details()).contains("\"actingFor\":\"" + away + "\""));
  }

  @Test
  void namingADeputyChecksEveryFieldAndTheOtherDeputyships() {
    String away = people().user("finaway2", Groups.FINANCE);
    LocalDate today = LocalDate.now();
    Http.Response invalid = http(away).post("/api/v1/deputies", deputy("nobodyatall", today.minusDays(1),
        today.minusDays(3)));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("deputy", "validFrom",
        "validTo");
    Http.Response self = http(away).post("/api/v1/deputies", deputy(away, today, today));
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.json().get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m)
        .contains("somebody else"));
    Http.Response auditor = http(away).post("/api/v1/deputies", deputy("audrey", today, today));
    assertThat(auditor.status()).isEqualTo(400);

    assertThat(http(away).post("/api/v1/deputies", deputy("pierre", today, today.plusDays(3))).status())
        .isEqualTo(201);
    Http.Response overlapping = http(away).post("/api/v1/deputies", deputy("ivan", today.plusDays(2),
        today.plusDays(9)));
    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(overlapping.json().get("detail").asText()).contains("pierre already stands in for " + away);
    // somebody away cannot stand in: pierre names a deputy himself while away
    Http.Response chained = http("pierre").post("/api/v1/deputies", deputy("petra", today, today.plusDays(1)));
    assertThat(chained.status()).isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM deputyship WHERE principal = ?", Long.class, away))
        .isEqualTo(1);
  }

  @Test
  void endingEarlyGivesTheTasksBack() {
    String away = people().user("finaway3", Groups.FINANCE);
    String stand = people().user("finstand3", Groups.RISK);
    SubmissionResult request = journeys().submit("rita", Requests.withFinanceAndCompliance("Early end"));
    Task review = financeReview(request.code());
    people().as(away, () -> taskService.claim(review.getId(), away));
    LocalDate today = LocalDate.now();
    JsonNode named = http(away).post("/api/v1/deputies", deputy(stand, today, today.plusDays(10))).json();
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo(stand);

    Http.Response ended = http(away).delete("/api/v1/deputies/" + named.get("id").asLong());
    assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    assertThat(ended.json().get("state").asText()).isEqualTo("ENDED");
    // the deputy gives back what they held only as deputy, and is no longer a candidate
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    assertThat(isCandidate(review.getId(), stand)).isFalse();
    assertThat(http(stand).post("/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", stand)).body())
        .contains("stand-in for " + away + " ended");
    String instance = named.get("processInstanceId").asText();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityId("EndEvent_DeputyshipEnded").count()).isOne();
  }

  @Test
  void aDeputyshipEndsByItselfAfterItsLastDay() {
    String away = people().user("finaway4", Groups.FINANCE);
    String stand = people().user("finstand4", Groups.COMPLIANCE);
    SubmissionResult request = journeys().submit("rita", Requests.withFinanceAndCompliance("Ends by itself"));
    Task review = financeReview(request.code());
    LocalDate today = LocalDate.now();
    JsonNode named = http(away).post("/api/v1/deputies", deputy(stand, today, today)).json();
    assertThat(isCandidate(review.getId(), stand)).isTrue();
    people().as(stand, () -> taskService.claim(review.getId(), stand));

    // the day after the last day: the timer hands the tasks back
    ClockUtil.setCurrentTime(Date.from(today.plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()
        .plus(Duration.ofMinutes(5))));
    String instance = named.get("processInstanceId").asText();
    List<Job> due = managementService.createJobQuery().processInstanceId(instance).timers().executable().list();
    assertThat(due).hasSize(1);
    managementService.executeJob(due.get(0).getId());

    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    assertThat(isCandidate(review.getId(), stand)).isFalse();
    assertThat(http(stand).get("/api/v1/deputies/" + named.get("id").asLong()).json().get("state").asText())
        .isEqualTo("ENDED");
  }

  @Test
  void anApproverNamesADeputyWithTheTasklistStartForm() {
    String away = people().user("finaway5", Groups.FINANCE);
    LocalDate from = LocalDate.now().plusDays(7);
    Map<String, Object> form = Map.of("variables", Map.of(
        "deputy", Map.of("value", "pierre"),
        "validFrom", Map.of("value", from.toString()),
        "validTo", Map.of("value", from.plusDays(4).toString()),
        "reason", Map.of("value", "Conference")));
    Http.Response started = http(away).post("/engine-rest/process-definition/key/deputyship/submit-form", form);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Map<String, Object> row = jdbc.queryForMap("SELECT principal, deputy, valid_from, named_by FROM deputyship"
        + " WHERE principal = ?", away);
    assertThat(row).containsEntry("DEPUTY", "pierre").containsEntry("NAMED_BY", away);
    assertThat(row.get("VALID_FROM").toString()).isEqualTo(from.toString());
    // it begins later: the process waits for the first day
    assertThat(managementService.createJobQuery().processInstanceId(started.json().get("id").asText()).timers()
        .count()).isOne();
    JsonNode listed = http(away).get("/api/v1/deputies").json();
    assertThat(listed.findValuesAsText("state")).contains("UPCOMING");
  }
}
