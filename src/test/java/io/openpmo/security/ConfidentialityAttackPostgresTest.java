package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attack class 6: reading what one may not see. A process owner, who sees no project on our API, reads its
 * variables, decisions and operation log through engine history and runtime queries; a requester learns through a
 * 403 who requested a project she cannot see, or reads a reviewer's private conflict-of-interest reason; an
 * auditor changes data. Every surface shows a person no more than our API would, a project one may not see is a
 * 404 like one that does not exist, the reason of a conflict is for the PMO and auditors, and auditors change
 * nothing.
 */
class ConfidentialityAttackPostgresTest extends AttackTest {

  static final List<String> PROJECT_DATA_QUERIES = List.of(
      "/engine-rest/history/variable-instance?processInstanceId=%s",
      "/engine-rest/variable-instance?processInstanceIdIn=%s",
      "/engine-rest/history/process-instance?processInstanceId=%s",
      "/engine-rest/process-instance?processInstanceIds=%s",
      "/engine-rest/history/activity-instance?processInstanceId=%s",
      "/engine-rest/history/task?processInstanceId=%s",
      "/engine-rest/history/detail?processInstanceId=%s",
      "/engine-rest/history/decision-instance?processInstanceId=%s",
      "/engine-rest/history/user-operation?processInstanceId=%s",
      "/engine-rest/history/identity-link-log?processInstanceId=%s");

  @Test
  void aProcessOwnerReadsNoProjectDataOnAnyEngineQuery() {
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Confidential request"));
    assertThat(http("otto").get("/api/v1/projects/" + request.code()).status()).isEqualTo(404);
    for (String query : PROJECT_DATA_QUERIES) {
      String path = query.formatted(request.processInstanceId());
      Http.Response otto = http("otto").get(path);
      assertThat(otto.status()).as(path).isIn(200, 403);
      if (otto.status() == 200) {
        assertThat(otto.json().size()).as(path + ": " + otto.body()).isZero();
      }
    }
    // the PMO reads the portfolio on our API, and the engine shows it the same instance
    assertThat(http("petra").get("/engine-rest/history/variable-instance?processInstanceId="
        + request.processInstanceId()).json().size()).isPositive();
    assertThat(http("petra").get("/engine-rest/history/decision-instance?processInstanceId="
        + request.processInstanceId()).json().size()).isPositive();
  }

  @Test
  void aRequesterReadsNoEngineHistoryOfProjectsButHerOwnTasks() {
    SubmissionResult other = submitted("sam", Requests.small("Sam's confidential request"));
    for (String query : PROJECT_DATA_QUERIES) {
      String path = query.formatted(other.processInstanceId());
      Http.Response rita = http("rita").get(path);
      if (rita.status() == 200) {
        assertThat(rita.json().size()).as(path + ": " + rita.body()).isZero();
      } else {
        assertThat(rita.status()).as(path).isEqualTo(403);
      }
    }
    assertThat(http("rita").get("/engine-rest/task?processInstanceId=" + other.processInstanceId()).json().size())
        .isZero();
  }

  @Test
  void aProjectOneMayNotSeeIsA404LikeOneThatDoesNotExist() {
    SubmissionResult other = submitted("sam", Requests.small("Invisible to rita"));
    Http rita = http("rita");
    Http.Response invisible = rita.post("/api/v1/projects/" + other.code() + "/withdrawal", Map.of());
    Http.Response missing = rita.post("/api/v1/projects/PRJ-1999-9999/withdrawal", Map.of());
    assertThat(invisible.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(invisible.body()).doesNotContain("sam").doesNotContain("requester");
    assertThat(invisible.json().get("title").asText()).isEqualTo(missing.json().get("title").asText());
    Map<String, Map<String, Object>> writes = Map.of(
        "/cancellation", Map.of("reason", "x"),
        "/lessons", Map.of("wentWell", "a", "toImprove", "b", "recommendations", "c"),
        "/status-reports", Map.of("percentComplete", 10, "actualCostToDate", 100),
        "/change-requests", Map.of("title", "t", "reason", "r"),
        "/register", Map.of("kind", "RISK", "title", "t", "severity", "LOW", "owner", "rita"));
    writes.forEach((path, body) -> {
      Http.Response answer = rita.post("/api/v1/projects/" + other.code() + path, body);
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(404);
    });
    assertThat(project(other.code()).status().name()).isEqualTo("IN_REVIEW");
  }

  @Test
  void aConflictOfInterestReasonIsForThePmoAndAuditorsOnly() {
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Conflict of interest"));
    journeys().decide("fiona", task(request.code(), "finance"), Map.of("conflictOfInterest", true,
        "conflictReason", "My brother runs the vendor"));

    JsonNode asRequester = http("rita").get("/api/v1/projects/" + request.code()).json();
    JsonNode asPmo = http("petra").get("/api/v1/projects/" + request.code()).json();
    JsonNode asAuditor = http("audrey").get("/api/v1/projects/" + request.code()).json();

    assertThat(recusal(asRequester).has("comment")).isFalse();
    assertThat(asRequester.toString()).doesNotContain("brother");
    assertThat(recusal(asPmo).get("comment").asText()).isEqualTo("My brother runs the vendor");
    assertThat(recusal(asAuditor).get("comment").asText()).isEqualTo("My brother runs the vendor");
    assertThat(http("rita").getBinary("/api/v1/reports/projects/" + request.code() + ".pdf").status()).isEqualTo(200);
  }

  static JsonNode recusal(JsonNode project) {
    for (JsonNode review : project.get("reviews")) {
      if ("RECUSED".equals(review.get("decision").asText())) {
        return review;
      }
    }
    throw new AssertionError("no recusal in " + project);
  }

  @Test
  void auditorsChangeNothing() {
    String code = journeys().inDelivery(Requests.small("Audited project"), "100000");
    Outcome before = outcome(code);
    Http audrey = http("audrey");
    List<Http.Response> writes = List.of(
        audrey.post("/api/v1/projects/" + code + "/lessons", Map.of("wentWell", "a", "toImprove", "b",
            "recommendations", "c")),
        audrey.post("/api/v1/projects/" + code + "/status-reports", Map.of("percentComplete", 10,
            "actualCostToDate", 1000)),
        audrey.post("/api/v1/projects/" + code + "/register", Map.of("kind", "RISK", "title", "x")),
        audrey.post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", "audit")));
    for (Http.Response write : writes) {
      assertThat(write.status()).as(write.body()).isEqualTo(403);
      assertThat(write.body()).contains("Internal audit reads and changes nothing");
    }
    assertThat(outcome(code)).isEqualTo(before);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM lesson WHERE project_id = ?", Long.class,
        project(code).id())).isZero();
    // reading stays open to them
    assertThat(audrey.get("/api/v1/projects/" + code).status()).isEqualTo(200);
    assertThat(audrey.get("/api/v1/audit/verification").status()).isEqualTo(200);
  }
}
