package io.openpmo.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.Http;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The project API over HTTP, on PostgreSQL, as an integration uses it. */
class ProjectApiPostgresTest extends PostgresAppTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  static Map<String, Object> body(ProjectRequest request) {
    return Http.JSON.convertValue(request, LinkedHashMap.class);
  }

  long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  @Test
  void submissionCreatesProjectAndProcessAndAnswersScoresAndApprovals() {
    Http.Response created = http("integrationbot").post("/api/v1/projects",
        body(Requests.withFinanceAndCompliance("Onboarding revamp")));
    assertThat(created.status()).isEqualTo(201);
    JsonNode result = created.json();
    String code = result.get("code").asText();
    assertThat(created.header("Location")).containsExactly("/api/v1/projects/" + code);
    assertThat(result.get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(result.get("riskScore").asInt()).isEqualTo(40);
    assertThat(result.get("riskTier").asText()).isEqualTo("MEDIUM");
    assertThat(result.get("priorityScore").asInt()).isEqualTo(48);
    assertThat(result.get("priorityClass").asText()).isEqualTo("P3");
    assertThat(result.get("requiredApprovals").findValuesAsText("")).isEmpty();
    assertThat(Http.JSON.convertValue(result.get("requiredApprovals"), List.class))
        .containsExactly("pmo", "finance", "compliance");
    String instance = result.get("processInstanceId").asText();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey()).isEqualTo(code);
    assertThat(jdbc.queryForObject("SELECT process_instance_id FROM project WHERE code = ?", String.class, code))
        .isEqualTo(instance);
  }

  @Nested
  class BadInput {

    @Test
    void invalidRequestNamesEveryBadFieldAndWritesNothing() {
      long projects = count("project");
      long audit = count("audit_event");
      long processes = count("act_hi_procinst");
      Map<String, Object> request = body(Requests.small("Bad"));
      request.put("budget", -1);
      request.put("strategicAlignment", 9);
      request.put("sponsor", "nobody");
      request.remove("startDate");
      Http.Response response = http("integrationbot").post("/api/v1/projects", request);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.header("Content-Type").get(0)).contains("application/problem+json");
      assertThat(response.json().get("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("budget", "sponsor", "startDate", "strategicAlignment");
      assertThat(count("project")).isEqualTo(projects);
      assertThat(count("audit_event")).isEqualTo(audit);
      assertThat(count("act_hi_procinst")).isEqualTo(processes);
    }

    @Test
    void unknownEnumValueAndUnknownFieldAreNamed() {
      Map<String, Object> request = body(Requests.small("Bad enum"));
      request.put("thirdParty", "SOMETIMES");
      Http.Response badEnum = http("integrationbot").post("/api/v1/projects", request);
      assertThat(badEnum.status()).isEqualTo(400);
      assertThat(badEnum.json().get("errors").get(0).get("field").asText()).isEqualTo("thirdParty");
      assertThat(badEnum.json().get("errors").get(0).get("message").asText()).contains("NONE, ICT_SERVICE");

      request.put("thirdParty", "NONE");
      request.put("budgett", 5);
      Http.Response unknown = http("integrationbot").post("/api/v1/projects", request);
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("budgett");
    }

    @Test
    void malformedJsonIs400() {
      Http.Response response = http("integrationbot").post("/api/v1/projects", "{\"title\": ");
      assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void reviewersMayNotSubmit() {
      assertThat(http("fiona").post("/api/v1/projects", body(Requests.small("Not mine"))).status()).isEqualTo(403);
    }
  }

  @Nested
  class Idempotency {

    @Test
    void sameIdempotencyKeyReturnsTheFirstResult() {
      Http bot = http("integrationbot").header("Idempotency-Key", UUID.randomUUID().toString());
      Map<String, Object> request = body(Requests.small("Idempotent"));
      Http.Response first = bot.post("/api/v1/projects", request);
      Http.Response again = bot.post("/api/v1/projects", request);
      assertThat(first.status()).isEqualTo(201);
      assertThat(again.status()).isEqualTo(201);
      assertThat(again.header("Idempotent-Replayed")).containsExactly("true");
      assertThat(again.json().get("code")).isEqualTo(first.json().get("code"));
      assertThat(jdbc.queryForObject("SELECT count(*) FROM project WHERE title = 'Idempotent'", Long.class)).isOne();
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflict() {
      Http bot = http("integrationbot").header("Idempotency-Key", UUID.randomUUID().toString());
      assertThat(bot.post("/api/v1/projects", body(Requests.small("Original"))).status()).isEqualTo(201);
      Http.Response changed = bot.post("/api/v1/projects", body(Requests.small("Changed")));
      assertThat(changed.status()).isEqualTo(409);
      assertThat(changed.json().get("detail").asText()).contains("different request");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM project WHERE title = 'Changed'", Long.class)).isZero();
    }

    @Test
    void sameExternalReferenceFromTheSameSystemReturnsTheFirstResult() {
      String reference = "SNOW-" + UUID.randomUUID();
      Map<String, Object> request = body(Requests.withExternalReference(Requests.small("By reference"), reference));
      Http.Response first = http("integrationbot").post("/api/v1/projects", request);
      Http.Response again = http("integrationbot").post("/api/v1/projects", request);
      assertThat(again.json().get("code")).isEqualTo(first.json().get("code"));
      // another source system may use the same reference for its own request
      Http.Response other = http("rita").post("/api/v1/projects", request);
      assertThat(other.status()).isEqualTo(201);
      assertThat(other.json().get("code")).isNotEqualTo(first.json().get("code"));
    }

    @Test
    void concurrentRetriesCreateOneProjectAndOneProcess() throws Exception {
      String key = UUID.randomUUID().toString();
      Map<String, Object> request = body(Requests.withFinanceAndCompliance("Concurrent " + key));
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Http.Response> responses = new ArrayList<>();
      try {
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          calls.add(() -> http("integrationbot").header("Idempotency-Key", key).post("/api/v1/projects", request));
        }
        for (Future<Http.Response> call : pool.invokeAll(calls)) {
          responses.add(call.get());
        }
      } finally {
        pool.shutdown();
      }
      Set<String> codes = new HashSet<>();
      for (Http.Response response : responses) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        codes.add(response.json().get("code").asText());
      }
      assertThat(codes).hasSize(1);
      String code = codes.iterator().next();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM project WHERE idempotency_key = ?", Long.class, key)).isOne();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isOne();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE project_code = ? AND action = 'REQUEST_SUBMITTED'",
          Long.class, code)).isOne();
    }
  }

  @Nested
  class Reading {

    @Test
    void projectShowsReviewsOpenTasksAndTheRulesThatFired() {
      String code = http("rita").post("/api/v1/projects", body(Requests.withFinanceAndCompliance("Readable")))
          .json().get("code").asText();
      String financeTask = taskService.createTaskQuery().processInstanceBusinessKey(code).taskCandidateGroup("finance")
          .singleResult().getId();
      Http fiona = http("fiona");
      fiona.post("/engine-rest/task/" + financeTask + "/claim", Map.of("userId", "fiona"));
      assertThat(fiona.post("/engine-rest/task/" + financeTask + "/complete", Map.of("variables",
          Map.of("decision", Map.of("value", "APPROVE"), "comment", Map.of("value", "Budget is sound")))).status())
          .isEqualTo(204);

      JsonNode project = http("rita").get("/api/v1/projects/" + code).json();
      assertThat(project.get("status").asText()).isEqualTo("IN_REVIEW");
      assertThat(project.get("requiredApprovals").findValuesAsText("group"))
          .containsExactly("pmo", "finance", "compliance");
      JsonNode review = project.get("reviews").get(0);
      assertThat(review.get("reviewer").asText()).isEqualTo("fiona");
      assertThat(review.get("decision").asText()).isEqualTo("APPROVE");
      assertThat(review.get("comment").asText()).isEqualTo("Budget is sound");
      assertThat(review.get("decidedAt").asText()).isNotBlank();
      assertThat(project.get("openTasks")).hasSize(2);
      assertThat(project.get("openTasks").findValues("candidateGroups")).extracting(groups -> groups.get(0).asText())
          .containsExactlyInAnyOrder("pmo", "compliance");
      assertThat(project.get("decisionRules").findValuesAsText("decision"))
          .contains("projectRisk", "riskPoints", "projectPriority", "priorityPoints", "approvalRouting");
      assertThat(project.get("decisionRules").findValuesAsText("description"))
          .contains("Personal data: compliance", "Budget 250k to under 2M: 10 points");
      assertThat(project.has("idempotencyKey")).isFalse();
    }

    @Test
    void projectsOutsideTheCallersReachAre404() {
      String code = http("rita").post("/api/v1/projects", body(Requests.small("Private")))
          .json().get("code").asText();
      assertThat(http("rick").get("/api/v1/projects/" + code).status()).isEqualTo(404);
      assertThat(http("rita").get("/api/v1/projects/" + code).status()).isEqualTo(200);
      assertThat(http("sam").get("/api/v1/projects/" + code).status()).isEqualTo(200);
      assertThat(http("petra").get("/api/v1/projects/" + code).status()).isEqualTo(200);
      assertThat(http("audrey").get("/api/v1/projects/" + code).status()).isEqualTo(200);
      assertThat(http("rita").get("/api/v1/projects/PRJ-0000-0000").status()).isEqualTo(404);
    }

    @Test
    void listIsFilteredPagedAndScopedToTheCaller() {
      for (int i = 0; i < 3; i++) {
        http("rita").post("/api/v1/projects", body(Requests.withBothCommittees("Critical " + i)));
      }
      JsonNode page = http("petra").get("/api/v1/projects?riskTier=CRITICAL&size=2&page=0").json();
      assertThat(page.get("items")).hasSize(2);
      assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(page.get("items").findValuesAsText("riskTier")).containsOnly("CRITICAL");
      JsonNode second = http("petra").get("/api/v1/projects?riskTier=CRITICAL&size=2&page=1").json();
      assertThat(second.get("items").get(0).get("code")).isNotEqualTo(page.get("items").get(0).get("code"));
      assertThat(http("petra").get("/api/v1/projects?status=APPROVED&priorityClass=P1").status()).isEqualTo(200);
      // rick (risk) sees the critical ones, which need his group's approval, but not the small ones
      JsonNode ricks = http("rick").get("/api/v1/projects?size=200").json();
      assertThat(ricks.get("items").findValuesAsText("riskTier")).doesNotContain("LOW");
      assertThat(http("petra").get("/api/v1/projects?riskTier=EXTREME").status()).isEqualTo(400);
      assertThat(http("petra").get("/api/v1/projects?size=0").status()).isEqualTo(400);
    }

    @Test
    void requesterWithdrawsARequestInInitiation() {
      String code = http("rita").post("/api/v1/projects", body(Requests.small("To withdraw")))
          .json().get("code").asText();
      assertThat(http("sam").post("/api/v1/projects/" + code + "/withdrawal", Map.of()).status()).isEqualTo(403);
      Http.Response withdrawn = http("rita").post("/api/v1/projects/" + code + "/withdrawal", Map.of());
      assertThat(withdrawn.status()).isEqualTo(200);
      assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code).count()).isZero();
      assertThat(http("rita").post("/api/v1/projects/" + code + "/withdrawal", Map.of()).status()).isEqualTo(409);
    }
  }
}
