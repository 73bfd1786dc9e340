package io.openpmo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL the driver sends a JDBC batch of inserts as multi-row INSERTs ({@code reWriteBatchedInserts}, profile
 * {@code postgres}), and the engine, which writes its rows in batches, works with it.
 */
class BatchedInsertsPostgresTest extends PostgresAppTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine processEngine;

  @Test
  void aBatchOfInsertsIsRewrittenAndTheEngineWritesItsRowsInBatches() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TEMPORARY TABLE batched (n int)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched (n) VALUES (?)")) {
        for (int n = 0; n < 4; n++) {
          insert.setInt(1, n);
          insert.addBatch();
        }
        // rewritten into one INSERT of four rows, which reports no per-row counts (one statement per row reports 1 each)
        assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
      }
      ddl.execute("DROP TABLE batched");
    }
    assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .isJdbcBatchProcessing()).isTrue();
    // the engine's inserts of a submission (runtime and history rows, decisions) go through the rewritten batches
    assertThat(journeys().submit("rita", Requests.small("Batched inserts")).processInstanceId()).isNotBlank();
  }
}
