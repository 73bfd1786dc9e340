package io.openpmo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the engine learns which groups hold any authorization through the index on GROUP_ID_: the same
 * groups as Camunda's own statement, read without reading the whole table.
 */
class AuthorizedGroupsLookupPostgresTest extends PostgresAppTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine processEngine;
  @Autowired TransactionTemplate transactions;

  @Test
  void theEngineFindsTheSameGroupsThroughTheIndex() {
    // open review tasks: a group authorization for each candidate group of each
    journeys().submit("rita", Requests.withFinanceAndCompliance("Authorized groups"));
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsLookupPlugin.CAMUNDA_STATEMENT))
        .isEqualTo(AuthorizedGroupsLookupPlugin.STATEMENT);

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    List<String> everyGroup = jdbc.queryForList(
        "SELECT DISTINCT group_id_ FROM act_ru_authorization WHERE group_id_ IS NOT NULL", String.class);
    List<String> someoneElses = List.of("finance", "pmo", "no-such-group");
    List<String> filtered = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(someoneElses));
    assertThat(everyGroup).contains("finance", "pmo", "camunda-admin").doesNotContain("no-such-group");
    assertThat(filtered).containsExactlyInAnyOrder("finance", "pmo");
    List<String> all = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(everyGroup));
    assertThat(all).containsExactlyInAnyOrderElementsOf(everyGroup);

    // the statement can read the index, one probe per group (on a table this small the planner may still prefer
    // to read it whole; it no longer has to once the table grows)
    List<String> plan = transactions.execute(status -> {
      jdbc.execute("SET LOCAL enable_seqscan = off");
      return jdbc.queryForList("EXPLAIN " + AuthorizedGroupsLookupPlugin.sql(""), String.class);
    });
    assertThat(String.join("\n", plan)).contains("act_idx_auth_group_id");
  }
}
