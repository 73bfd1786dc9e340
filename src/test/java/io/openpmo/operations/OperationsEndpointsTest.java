package io.openpmo.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import org.junit.jupiter.api.Test;

/**
 * What a load balancer and a bank's monitoring see: health open without details, probes, Prometheus metrics for the
 * monitoring group only, with the governance metrics in them.
 */
class OperationsEndpointsTest extends AppTest {

  @Test
  void healthIsOpenButShowsDetailsOnlyToMonitoring() {
    Http.Response anonymous = anonymous().get("/actuator/health");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.json().has("components")).isFalse();
    // an ordinary user sees no more than anonymous
    assertThat(http("petra").get("/actuator/health").json().has("components")).isFalse();

    JsonNode detailed = http("monitor").get("/actuator/health").json();
    assertThat(detailed.get("components").fieldNames()).toIterable()
        .contains("db", "jobExecutor", "jobBacklog", "readinessState", "livenessState");
    assertThat(detailed.at("/components/jobBacklog/details/threshold").asLong()).isEqualTo(500);
    // the tests run without a job executor on purpose: said so, not reported as a failure
    assertThat(detailed.at("/components/jobExecutor/details/jobExecution").asText()).isEqualTo("disabled on this node");
  }

  @Test
  void probesForTheLoadBalancerAndTheOrchestrator() {
    Http.Response readiness = anonymous().get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    assertThat(http("monitor").get("/actuator/health/readiness").json().get("components").fieldNames())
        .toIterable().containsExactlyInAnyOrder("db", "readinessState");
    assertThat(http("monitor").get("/actuator/health/liveness").json().get("components").fieldNames())
        .toIterable().containsExactlyInAnyOrder("jobExecutor", "livenessState");
  }

  @Test
  void prometheusMetricsOnlyForTheMonitoringGroup() {
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(http("petra").get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(http("demo").get("/actuator/prometheus").status()).isEqualTo(200);
  }

  @Test
  void governanceMetricsAreScraped() {
    String code = http("integrationbot").post("/api/v1/projects", Requests.small("Metrics")).json().get("code").asText();
    assertThat(code).isNotBlank();
    Http.Response scrape = http("monitor").get("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    String metrics = scrape.body();
    assertThat(metrics).contains("http_server_requests_seconds_count{");
    assertThat(metrics).containsPattern("openpmo_decisions_evaluated_total\\{[^}]*decision=\"projectRisk\"[^}]*} [1-9]");
    assertThat(metrics).containsPattern("openpmo_decisions_evaluated_total\\{[^}]*decision=\"riskPoints\"");
    assertThat(metrics).containsPattern("openpmo_tasks_open\\{[^}]*group=\"pmo\"[^}]*} [1-9]");
    assertThat(metrics).contains("openpmo_reviews_overdue", "openpmo_incidents_open", "openpmo_jobs_due",
        "openpmo_jobs_overdue");
  }
}
