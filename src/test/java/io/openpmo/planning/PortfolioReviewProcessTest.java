package io.openpmo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.People;
import io.openpmo.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import io.openpmo.core.InvalidRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * portfolioReview on the real engine: the PMO puts scenarios forward, finance and the steering committee review them
 * (rework goes back to the PMO), the executive committee approves one, which becomes the plan of the period; the
 * rules of who may hold which task; deviations of the plan.
 */
class PortfolioReviewProcessTest extends AppTest {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  static final int YEAR = 2045;
  People people;
  Http petra;

  @BeforeEach
  void setUp() {
    people = new People(identityService);
    petra = http("petra");
    TestMail.reset();
  }

  String submit(String title, String budget, String benefit) {
    Http.Response response = http("rita").post("/api/v1/projects",
        PlanningRequests.request(title, LocalDate.of(YEAR, 2, 1), budget, benefit, null));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("code").asText();
  }

  String scenario(Http by, String budget, List<String> ours) {
    JsonNode created = by.post("/api/v1/scenarios", Map.of("name", "Plan " + budget, "periodFrom", YEAR + "-01",
        "months", 12, "budgetTotal", new java.math.BigDecimal(budget))).json();
    String code = created.get("scenario").get("code").asText();
    for (JsonNode c : created.get("candidates")) {
      if (!ours.contains(c.get("projectCode").asText())) {
        by.patch("/api/v1/scenarios/" + code + "/candidates/" + c.get("projectCode").asText(),
            Map.of("pin", "OUT", "mandatory", false));
      }
    }
    assertThat(by.post("/api/v1/scenarios/" + code + "/solution", Map.of()).status()).isEqualTo(200);
    return code;
  }

  Task task(String review, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(review).taskDefinitionKey(key).list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  void complete(String user, Task task, Map<String, Object> form) {
    people.as(user, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), new HashMap<>(form));
    });
  }

  @Test
  void scenariosAreReviewedReworkedAndOneBecomesThePlanOfThePeriod() {
    // Given two requests and two solved scenarios: a lean one by petra, a generous one by evelyn (PMO and executive)
    String alpha = submit("Alpha " + YEAR, "100000", "900000");
    String beta = submit("Beta " + YEAR, "100000", "400000");
    String evelyn = people.user("evelyn", "pmo", "executiveCommittee");
    String fabian = people.user("fabian", "finance", "steeringCommittee");
    String lean = scenario(petra, "120000", List.of(alpha, beta));
    String generous = scenario(http(evelyn), "250000", List.of(alpha, beta));

    // When the PMO opens the review of the period
    Http.Response opened = petra.post("/api/v1/portfolio-reviews", Map.of("periodFrom", YEAR + "-01", "months", 12));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String review = opened.json().get("review").get("code").asText();


    // the PMO's task lists the scenarios of the period; an unknown code is refused, naming it
    Task prepare = task(review, PortfolioReviewVariables.TASK_PREPARE);
    assertThat(taskService.getVariableLocal(prepare.getId(), PortfolioReviewVariables.SUMMARY).toString())
        .contains(lean).contains(generous);
    assertThatThrownBy(() -> complete("petra", prepare, Map.of("scenarioCodes", "SCN-NOPE")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not a scenario: SCN-NOPE");
    complete("petra", prepare, Map.of("scenarioCodes", lean + ", " + generous, "comment", "Two budgets"));

    // scenarios under review cannot change
    assertThat(petra.patch("/api/v1/scenarios/" + lean, Map.of("budgetTotal", 1)).status()).isEqualTo(409);

    // finance and the steering committee see the comparison; only members of the group hold the task
    Task finance = task(review, PortfolioReviewVariables.TASK_REVIEW_FINANCE);
    String comparison = taskService.getVariableLocal(finance.getId(), PortfolioReviewVariables.COMPARISON).toString();
    assertThat(comparison).contains(lean).contains(generous).contains("Value points funded").contains("**Cut**")
        .contains("Total budget over by");
    assertThatThrownBy(() -> people.as("sven", () -> taskService.claim(finance.getId(), "sven")))
        .isInstanceOf(AuthorizationException.class);
    // even an administrator, whom the engine lets work any task, is refused by the task's own rule
    assertThatThrownBy(() -> people.as("demo", () -> taskService.claim(finance.getId(), "demo")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("You may not hold").hasMessageContaining("not a member");
    complete("fiona", finance, Map.of("decision", "ENDORSE", "scenario", generous));
    Task steering = task(review, PortfolioReviewVariables.TASK_REVIEW_STEERING);
    assertThatThrownBy(() -> complete("sven", steering, Map.of("decision", "REWORK")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("comment is required");
    complete("sven", task(review, PortfolioReviewVariables.TASK_REVIEW_STEERING),
        Map.of("decision", "REWORK", "comment", "Show the resilience work first"));

    // Then the review goes back to the PMO for round 2; the scenarios may change again
    Task round2 = task(review, PortfolioReviewVariables.TASK_PREPARE);
    assertThat(taskService.getVariableLocal(round2.getId(), PortfolioReviewVariables.SUMMARY).toString())
        .contains("Show the resilience work first");
    assertThat(petra.get("/api/v1/scenarios/" + lean).json().get("scenario").get("status").asText())
        .isEqualTo("SOLVED");
    complete("pierre", round2, Map.of("scenarioCodes", lean + "," + generous));

    // one person decides once per round, whatever their groups
    complete(fabian, task(review, PortfolioReviewVariables.TASK_REVIEW_FINANCE), Map.of("decision", "ENDORSE"));
    Task steering2 = task(review, PortfolioReviewVariables.TASK_REVIEW_STEERING);
    assertThatThrownBy(() -> people.as(fabian, () -> taskService.claim(steering2.getId(), fabian)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("already decided in round 2");
    complete("sven", steering2, Map.of("decision", "ENDORSE"));

    // the executive committee: who prepared a scenario does not approve it
    Task approve = task(review, PortfolioReviewVariables.TASK_APPROVE);
    assertThat(taskService.getVariableLocal(approve.getId(), PortfolioReviewVariables.SUMMARY).toString())
        .contains("finance").contains("ENDORSE");
    assertThatThrownBy(() -> complete(evelyn, approve, Map.of("decision", "APPROVE", "scenario", generous)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("evelyn prepared " + generous);
    // an administrator hands the task back to the group
    people.as("demo", () -> taskService.setAssignee(approve.getId(), null));
    assertThatThrownBy(() -> complete("erik", task(review, PortfolioReviewVariables.TASK_APPROVE),
        Map.of("decision", "APPROVE", "scenario", "SCN-ELSEWHERE")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a scenario of this round");
    complete("erik", task(review, PortfolioReviewVariables.TASK_APPROVE), Map.of("decision", "APPROVE",
        "scenario", generous, "comment", "Fund both"));

    // Then the generous scenario is the plan of the period, the lean one rejected, all on record
    JsonNode plans = petra.get("/api/v1/portfolio-plans?inForceOnly=true").json();
    JsonNode plan = null;
    for (JsonNode p : plans) {
      if (p.get("scenarioCode").asText().equals(generous)) {
        plan = p;
      }
    }
    assertThat(plan).isNotNull();
    assertThat(plan.get("approvedBy").asText()).isEqualTo("erik");
    assertThat(plan.get("reviewCode").asText()).isEqualTo(review);
    assertThat(petra.get("/api/v1/scenarios/" + lean).json().get("scenario").get("status").asText())
        .isEqualTo("REJECTED");
    assertThat(petra.get("/api/v1/scenarios/" + generous).json().get("scenario").get("status").asText())
        .isEqualTo("APPROVED");
    JsonNode view = petra.get("/api/v1/portfolio-reviews/" + review).json();
    assertThat(view.get("review").get("status").asText()).isEqualTo("APPROVED");
    assertThat(view.get("decisions").findValuesAsText("decidedBy"))
        .containsExactly("petra", "fiona", "sven", "pierre", fabian, "sven", "erik");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'PORTFOLIO_PLAN_ADOPTED'"
        + " AND details LIKE ?", Integer.class, "%" + generous + "%")).isEqualTo(1);

    // the committees are told, in an asynchronous step
    String instance = opened.json().get("review").get("processInstanceId").asText();
    for (Job job : managementService.createJobQuery().processInstanceId(instance).list()) {
      managementService.executeJob(job.getId());
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(TestMail.messages()).anySatisfy(mail -> assertThat(subject(mail)).contains("approved: " + generous));

    // a request made after the plan that does not fit its budget shows as a deviation
    String late = submit("Late idea " + YEAR, "900000", "10000");
    Http.Response deviationsResponse = petra.get("/api/v1/portfolio-plans/deviations");
    assertThat(deviationsResponse.status()).as(deviationsResponse.body()).isEqualTo(200);
    JsonNode deviations = deviationsResponse.json();
    JsonNode lateDeviation = null;
    for (JsonNode d : deviations) {
      if (d.get("code").asText().equals(late)) {
        lateDeviation = d;
      }
    }
    assertThat(lateDeviation).isNotNull();
    assertThat(lateDeviation.get("kind").asText()).isEqualTo("NEW_REQUEST_DOES_NOT_FIT");
    assertThat(lateDeviation.get("detail").asText()).contains("Total budget over by");
    assertThat(http("rita").get("/api/v1/portfolio-plans/deviations").status()).isEqualTo(403);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
