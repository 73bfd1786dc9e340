package io.openpmo.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Change requests raised at the same moment on one project each get their own code, none a 500. */
class ChangeCodeRacePostgresTest extends PostgresAppTest {

  static final int RACERS = 8;

  @Autowired JdbcTemplate jdbc;

  @Test
  void changeRequestsRaisedAtOnceOnOneProjectAllSucceedWithDistinctCodes() throws Exception {
    String code = journeys().inDelivery(Requests.small("Change code race"), "100000");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    List<Http.Response> responses = new ArrayList<>();
    try {
      List<Callable<Http.Response>> racers = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Map<String, Object> change = Requests.change(i + 1, 1000 * (i + 1));
        racers.add(() -> {
          Http paul = http("paul");
          start.await(10, TimeUnit.SECONDS);
          return paul.post("/api/v1/projects/" + code + "/change-requests", change);
        });
      }
      List<Future<Http.Response>> futures = new ArrayList<>();
      racers.forEach(racer -> futures.add(pool.submit(racer)));
      start.countDown();
      for (Future<Http.Response> future : futures) {
        responses.add(future.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(201));
    List<String> codes = responses.stream().map(response -> response.json().at("/change/code").asText()).toList();
    List<String> expected = new ArrayList<>();
    for (int n = 1; n <= RACERS; n++) {
      expected.add(code + "-CR" + n);
    }
    assertThat(codes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(jdbc.queryForObject("SELECT last_value FROM project_counter c JOIN project p ON p.id = c.project_id"
        + " WHERE p.code = ? AND c.counter = 'CHANGE_REQUEST'", Integer.class, code)).isEqualTo(RACERS);
  }

  @Test
  void aCodeTakenBehindTheCountersBackIsAConflictInWordsAndNothingIsWritten() {
    String code = journeys().inDelivery(Requests.small("Change code taken"), "100000");
    long projectId = jdbc.queryForObject("SELECT id FROM project WHERE code = ?", Long.class, code);
    jdbc.update("INSERT INTO change_request (project_id, code, title, reason, scope_change, delay_days, cost_delta,"
        + " risk_impact, regulatory_impact, emergency, status, reapproval_required, requested_by, raised_via,"
        + " created_at, updated_at) VALUES (?, ?, 'Imported', 'Imported by hand', FALSE, 0, 0, 'NONE', FALSE, FALSE,"
        + " 'WITHDRAWN', FALSE, 'paul', 'API', now(), now())", projectId, code + "-CR1");
    long rows = jdbc.queryForObject("SELECT count(*) FROM change_request", Long.class);
    long events = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);

    Http.Response response = http("paul").post("/api/v1/projects/" + code + "/change-requests",
        Requests.change(5, 1000));
    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.json().get("title").asText()).isEqualTo("Conflict");
    assertThat(response.json().get("detail").asText()).contains("already exists").contains("Nothing was changed");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM change_request", Long.class)).isEqualTo(rows);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(events);

  }
}
