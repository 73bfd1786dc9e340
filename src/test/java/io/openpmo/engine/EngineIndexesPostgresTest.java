package io.openpmo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.PostgresAppTest;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexes and statistics on the engine's tables exist on PostgreSQL, serve the engine's statements, and a
 * restart keeps them.
 */
class EngineIndexesPostgresTest extends PostgresAppTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine processEngine;
  @Autowired TransactionTemplate transactions;

  @Test
  void theEnginesSubTaskLookupAndJobAcquisitionHaveTheirIndexes() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> definitions = jdbc.queryForList(
        "SELECT indexdef FROM pg_indexes WHERE indexname IN ('opmo_idx_task_parent', 'opmo_idx_job_duedate')",
        String.class);
    assertThat(definitions).hasSize(2).anySatisfy(d -> assertThat(d).contains("act_ru_task").contains("parent_task_id_"))
        .anySatisfy(d -> assertThat(d).contains("act_ru_job").contains("duedate_"));

    // the statements the engine runs can use them (the planner's choice on a small table is its own)
    List<String> plan = transactions.execute(status -> {
      jdbc.execute("SET LOCAL enable_seqscan = off");
      return jdbc.queryForList("EXPLAIN SELECT * FROM act_ru_task WHERE parent_task_id_ = 'x'", String.class);
    });
    assertThat(String.join("\n", plan)).contains("opmo_idx_task_parent");

    // the statistics on the permission bits the engine's authorization checks test, gathered
    assertThat(jdbc.queryForList("SELECT expr FROM pg_stats_ext_exprs WHERE statistics_name ="
        + " 'opmo_stat_auth_read_perms' AND tablename = 'act_ru_authorization'", String.class))
        .containsExactlyInAnyOrder("(perms_ & 2)", "(perms_ & 64)", "(perms_ & 512)", "(perms_ & 4096)");

    // a node starting on a database that has them changes nothing and does not fail
    new EngineIndexesPlugin().postProcessEngineBuild(processEngine);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'opmo_idx_%'", Long.class))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_statistic_ext WHERE stxname LIKE 'opmo_stat_%'",
        Long.class)).isEqualTo(1);
  }
}
