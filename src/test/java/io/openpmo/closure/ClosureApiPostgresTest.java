package io.openpmo.closure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Closure over HTTP on PostgreSQL: cancellation, the archived final report, the lessons knowledge base. */
class ClosureApiPostgresTest extends PostgresAppTest {

  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  Journeys journeys;

  @BeforeEach
  void setUp() {
    journeys = journeys();
  }

  String inDelivery(String title) {
    return journeys.inDelivery(Requests.small(title), "100000");
  }

  @Test
  void aClosureArchivesItsFinalReportWhichDownloadsIntact() {
    String code = inDelivery("PG closure report");
    journeys.decide("paul", journeys.task(code, "Task_DeclareDeliveryReady", null),
        Map.of("decision", "READY", "comment", "Done"));
    journeys.checklist(code, "paul", List.of());
    journeys.gate(code, "GO", Map.of());
    journeys.decide("sam", journeys.task(code, "Task_AcceptDeliverables", null), Map.of("acceptance", "ACCEPTED"));
    journeys.decide("paul", journeys.task(code, "Task_RecordFinalFigures", null), Map.of("finalCost", 101000.0,
        "percentComplete", 100, "actualEndDate", LocalDate.now().toString()));
    journeys.decide("paul", journeys.task(code, "Task_RecordLessons", null), Map.of("recommendations",
        "Freeze the scope 100% before the vendor_contract is signed", "tags", "Vendor-Management"));
    journeys.executeJobs(runtimeService.createProcessInstanceQuery().processDefinitionKey("projectClosure")
        .processInstanceBusinessKey(code).singleResult().getId());

    JsonNode closure = http("petra").get("/api/v1/projects/" + code + "/closure").json();
    assertThat(closure.at("/closure/costVariance").decimalValue()).isEqualByComparingTo("-1000");
    assertThat(closure.at("/closure/acceptance").asText()).isEqualTo("ACCEPTED");
    JsonNode document = closure.get("documents").get(0);
    Http.BinaryResponse pdf = http("sam").getBinary("/api/v1/projects/" + code + "/documents/"
        + document.get("id").asLong());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type").get(0)).isEqualTo("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(io.openpmo.core.Sha256.hex(pdf.body())).isEqualTo(document.get("sha256").asText())
        .isEqualTo(pdf.header("X-Content-SHA256").get(0));
    assertThat(jdbc.queryForObject("SELECT size_bytes FROM project_document WHERE id = ?", Integer.class,
        document.get("id").asLong())).isEqualTo(document.get("sizeBytes").asInt()).isGreaterThan(1000);
    // someone who does not see the project does not get its documents
    assertThat(http("nora").get("/api/v1/projects/" + code + "/documents/" + document.get("id").asLong()).status())
        .isEqualTo(404);
  }

  @Test
  void lessonsAreSearchableByTextWithLikeCharactersAndByTag() {
    String code = inDelivery("PG lessons");
    Http.Response bad = http("paul").post("/api/v1/projects/" + code + "/lessons",
        Map.of("wentWell", "x", "tags", List.of("ok", "not/a tag")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsText("field")).contains("recommendations", "tags");
    Http.Response added = http("paul").post("/api/v1/projects/" + code + "/lessons", Map.of("recommendations",
        "Agree 100% of the test_data set with operations", "tags", List.of("Testing", "data")));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("tags")).extracting(JsonNode::asText).containsExactly("testing", "data");

    assertThat(http("rita").get("/api/v1/lessons?q=100%25%20of%20the%20TEST_DATA").json()
        .findValuesAsText("projectCode")).contains(code);
    // % and _ are taken literally, not as wildcards
    assertThat(http("rita").get("/api/v1/lessons?q=100%25%20of%20the%20test%25data").json()
        .findValuesAsText("projectCode")).doesNotContain(code);
    assertThat(http("rita").get("/api/v1/lessons?tag=TESTING").json().findValuesAsText("projectCode")).contains(code);
    assertThat(http("rita").get("/api/v1/lessons?tag=nothing-like-it").json()).isEmpty();
    assertThat(http("rita").get("/api/v1/lessons?size=500").status()).isEqualTo(400);
  }

  @Test
  void aCancellationEndsTheLifecycleAndStartsClosureOnce() {
    String code = inDelivery("PG cancellation");
    assertThat(http("paul").post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", "No")).status())
        .isEqualTo(403);
    Http.Response cancelled = http("sven").post("/api/v1/projects/" + code + "/cancellation",
        Map.of("reason", "Regulatory scope moved to the group"));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.json().get("phase").asText()).isEqualTo("CLOSURE");
    assertThat(journeys.lifecycle(code)).isNull();
    assertThat(http("sven").post("/api/v1/projects/" + code + "/cancellation", Map.of("reason", "Again")).status())
        .isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM project_closure c JOIN project p ON p.id = c.project_id"
        + " WHERE p.code = ? AND c.reason = 'CANCELLED'", Integer.class, code)).isEqualTo(1);
  }
}
