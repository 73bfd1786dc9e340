package io.openpmo.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openpmo.support.TestPostgres;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One node starts at a time: the second node's start-up waits at its first use of the database until the first is
 * ready, on a real PostgreSQL. (ClusterReliabilityIT starts two real nodes at the same moment on an empty database.)
 */
@Tag("postgres")
class ClusterStartupLockPostgresTest {

  static final String URL = TestPostgres.jdbcUrl("startup_lock");

  static DataSource database() {
    return new DriverManagerDataSource(URL, "postgres", "");
  }

  long locksHeld() {
    return new JdbcTemplate(database()).queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND objid = " + (ClusterStartupLock.LOCK_KEY & 0xFFFFFFFFL) + " AND granted", Long.class);
  }

  @Test
  void aSecondNodeWaitsUntilTheFirstIsReady() throws Exception {
    ClusterStartupLock first = new ClusterStartupLock();
    ClusterStartupLock second = new ClusterStartupLock();
    first.postProcessAfterInitialization(database(), "dataSource");
    assertThat(locksHeld()).isEqualTo(1);

    CompletableFuture<Void> secondStarting = CompletableFuture.runAsync(
        () -> second.postProcessAfterInitialization(database(), "dataSource"));
    // the second node is still waiting for the lock a while later
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> !secondStarting.isDone());

    first.onApplicationEvent(null);
    secondStarting.get(10, TimeUnit.SECONDS);
    assertThat(locksHeld()).as("now held by the second node").isEqualTo(1);
    second.destroy();
    assertThat(locksHeld()).isZero();
  }

  @Test
  void onlyTheFirstDataSourceTakesTheLockAndAFailedStartGivesItBack() {
    ClusterStartupLock node = new ClusterStartupLock();
    node.postProcessAfterInitialization(database(), "dataSource");
    node.postProcessAfterInitialization(database(), "anotherDataSource");
    assertThat(locksHeld()).isEqualTo(1);
    // closing the context (a failed start-up) gives it back
    node.destroy();
    assertThat(locksHeld()).isZero();
  }
}
