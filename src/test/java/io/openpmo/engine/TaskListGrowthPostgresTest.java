package io.openpmo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import io.openpmo.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reviewer's task list as Tasklist asks for it, with 1,500 open PMO tasks (and 1,500 of finance) beside what the
 * other tests left: PMO members see exactly their group's tasks, the others none of them; the PMO's query (READ on
 * every task) runs without the engine's row-by-row authorization join, unless a REVOKE concerns them; finance's query
 * keeps the join and probes the grants of each task through the index instead of comparing every task with every
 * grant (README "Cost as the data grows"). The tasks are copies of one real review task (same process, execution,
 * identity link and engine grant), inserted and removed by SQL. The time against the hand-written SQL is logged, not
 * asserted (the machine is shared).
 */
class TaskListGrowthPostgresTest extends PostgresAppTest {

  private static final Logger LOG = LoggerFactory.getLogger(TaskListGrowthPostgresTest.class);
  private static final int PMO_TASKS = 1500;
  private static final int FINANCE_TASKS = 1500;
  private static final String LIST =
      "/engine-rest/task?candidateGroup=pmo&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
  private static final String COUNT = "/engine-rest/task/count?candidateGroup=pmo";

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine processEngine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired TransactionTemplate transactions;

  @Test
  void theReviewersTaskListStaysExactAndReadsEachTasksGrantsThroughTheIndex() throws Exception {
    String code = journeys().submit("rita", Requests.small("Task list growth")).code();
    String original = journeys().task(code, "pmo").getId();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Http petra = http("petra");
    Http fiona = http("fiona");
    Http rita = http("rita");
    long petraBefore = count(petra, COUNT);
    long petraFinanceBefore = count(petra, "/engine-rest/task/count?candidateGroup=finance");
    long fionaBefore = count(fiona, "/engine-rest/task/count");
    long ritaBefore = count(rita, "/engine-rest/task/count");
    try {
      copy(jdbc, original, "growth-", PMO_TASKS, "pmo");
      copy(jdbc, original, "growthf-", FINANCE_TASKS, "finance");
      jdbc.execute("ANALYZE act_ru_task");
      jdbc.execute("ANALYZE act_ru_identitylink");
      jdbc.execute("ANALYZE act_ru_authorization");

      // exactly the PMO's tasks, newest first
      assertThat(count(petra, COUNT)).isEqualTo(petraBefore + PMO_TASKS);
      List<String> newest = ids(petra.get(LIST));
      assertThat(newest).containsExactlyElementsOf(
          java.util.stream.IntStream.range(0, 15).mapToObj(i -> "growth-" + (PMO_TASKS - i)).toList());
      assertThat(count(petra, "/engine-rest/task/count?candidateGroup=finance"))
          .isEqualTo(petraFinanceBefore + FINANCE_TASKS);
      // finance sees its own tasks and no PMO task; a requester sees none of them
      assertThat(count(fiona, COUNT)).isZero();
      assertThat(count(fiona, "/engine-rest/task/count")).isEqualTo(fionaBefore + FINANCE_TASKS);
      assertThat(ids(fiona.get("/engine-rest/task?sortBy=created&sortOrder=desc&maxResults=15")))
          .allMatch(id -> id.startsWith("growthf-"));
      assertThat(count(rita, "/engine-rest/task/count")).isEqualTo(ritaBefore);
      assertThat(rita.get(LIST).json()).isEmpty();

      // timed as the growth benchmark times it: the two requests against the same two statements, each on a new
      // connection (reported, not asserted: the machine is shared)
      String url = TestPostgres.jdbcUrl("openpmo");
      double api = median(() -> {
        petra.get(LIST);
        petra.get(COUNT);
      });
      double sql = median(() -> {
        fetch(url, "SELECT t.* FROM act_ru_task t WHERE EXISTS (SELECT 1 FROM act_ru_identitylink l"
            + " WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ = 'pmo')"
            + " ORDER BY t.create_time_ DESC LIMIT 15");
        fetch(url, "SELECT count(*) FROM act_ru_task t WHERE EXISTS (SELECT 1 FROM act_ru_identitylink l"
            + " WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ = 'pmo')");
      });
      LOG.info("Reviewer's task list with {} open PMO tasks: API p50 {} ms, SQL p50 {} ms, API / SQL {}",
          petraBefore + PMO_TASKS, String.format(Locale.ROOT, "%.1f", api), String.format(Locale.ROOT, "%.1f", sql),
          String.format(Locale.ROOT, "%.2f", api / sql));

      // the permission bits have statistics
      assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stats_ext_exprs WHERE statistics_name ="
          + " 'opmo_stat_auth_read_perms'", Long.class)).isEqualTo(4);

      // petra may read every task (the PMO's grant on task *): the engine's statements for her query leave out the
      // task-by-task check, which would keep every row
      for (String statement : List.of("selectTaskCountByQueryCriteria", "selectTaskByQueryCriteria")) {
        String bound = boundSql("petra", "pmo", statement);
        assertThat(bound).as(bound).doesNotContainIgnoringCase("ACT_RU_AUTHORIZATION");
      }
      // with a REVOKE concerning the PMO (the application creates none; an administrator could) the engine checks
      // row by row with revocations, and petra's query keeps that check
      jdbc.update("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
          + " VALUES ('growth-revoke', 1, 2, 'pmo', 7, 'growth-1', ?)", Integer.MAX_VALUE & ~2);
      try {
        String bound = boundSql("petra", "pmo", "selectTaskCountByQueryCriteria");
        assertThat(bound).as(bound).containsIgnoringCase("ACT_RU_AUTHORIZATION");
      } finally {
        jdbc.update("DELETE FROM act_ru_authorization WHERE id_ = 'growth-revoke'");
      }
      assertThat(boundSql("petra", "pmo", "selectTaskCountByQueryCriteria"))
          .doesNotContainIgnoringCase("ACT_RU_AUTHORIZATION");

      // finance sees only its own tasks: its query keeps the check, and each task's grants come from the RESOURCE_ID_
      // index instead of comparing every task with every grant of the group
      for (String statement : List.of("selectTaskCountByQueryCriteria", "selectTaskByQueryCriteria")) {
        String plan = explain("fiona", "finance", statement);
        assertThat(plan).as(plan).contains("act_idx_auth_resource_id");
        assertThat(rowsRemovedByJoinFilter(plan)).as(plan).isLessThan(FINANCE_TASKS * 5L);
      }
    } finally {
      transactions.executeWithoutResult(status -> {
        jdbc.update("DELETE FROM act_ru_authorization WHERE resource_type_ = 7 AND resource_id_ LIKE 'growth%'");
        jdbc.update("DELETE FROM act_ru_identitylink WHERE task_id_ LIKE 'growth%'");
        jdbc.update("DELETE FROM act_ru_task WHERE id_ LIKE 'growth%'");
      });
    }
    assertThat(count(petra, COUNT)).isEqualTo(petraBefore);
  }

  /** Copies of the task (newer than it, one second apart), with its candidate link and grant given to the group. */
  private void copy(JdbcTemplate jdbc, String taskId, String prefix, int copies, String group) {
    transactions.executeWithoutResult(status -> {
      jdbc.execute("CREATE TEMP TABLE growth_task ON COMMIT DROP AS SELECT t.*, g.i AS copy_ FROM act_ru_task t,"
          + " generate_series(1, " + copies + ") g(i) WHERE t.id_ = '" + taskId + "'");
      jdbc.update("UPDATE growth_task SET id_ = ? || copy_, create_time_ = create_time_ + copy_ * interval '1 second',"
          + " assignee_ = NULL", prefix);
      jdbc.execute("ALTER TABLE growth_task DROP COLUMN copy_");
      jdbc.update("INSERT INTO act_ru_task SELECT * FROM growth_task");
      jdbc.execute("CREATE TEMP TABLE growth_link ON COMMIT DROP AS SELECT l.*, t.id_ AS copy_ FROM"
          + " act_ru_identitylink l, growth_task t WHERE l.task_id_ = '" + taskId + "' AND l.type_ = 'candidate'"
          + " AND l.group_id_ = 'pmo'");
      jdbc.update("UPDATE growth_link SET id_ = 'link-' || copy_, task_id_ = copy_, group_id_ = ?", group);
      jdbc.execute("ALTER TABLE growth_link DROP COLUMN copy_");
      jdbc.update("INSERT INTO act_ru_identitylink SELECT * FROM growth_link");
      jdbc.execute("CREATE TEMP TABLE growth_grant ON COMMIT DROP AS SELECT a.*, t.id_ AS copy_ FROM"
          + " act_ru_authorization a, growth_task t WHERE a.resource_type_ = 7 AND a.resource_id_ = '" + taskId + "'"
          + " AND a.group_id_ = 'pmo'");
      jdbc.update("UPDATE growth_grant SET id_ = 'grant-' || copy_, resource_id_ = copy_, group_id_ = ?", group);
      jdbc.execute("ALTER TABLE growth_grant DROP COLUMN copy_");
      assertThat(jdbc.update("INSERT INTO act_ru_authorization SELECT * FROM growth_grant")).isEqualTo(copies);
    });
  }

  /** The SQL of the engine's statement for Tasklist's query of the group's tasks, run as the user. */
  private String boundSql(String user, String group, String statementName) {
    return withStatement(user, group, statementName, (statement, query, sql) -> sql.getSql());
  }

  /**
   * EXPLAIN ANALYZE of the engine's statement for Tasklist's query of the group's tasks as the user: the SQL and
   * parameters MyBatis binds when the engine runs it (authorization and tenant checks configured by the engine's
   * authorization manager), on a connection of the application's pool.
   */
  private String explain(String user, String group, String statementName) {
    return withStatement(user, group, statementName, (statement, query, sql) -> {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql.getSql())) {
        new DefaultParameterHandler(statement, query, sql).setParameters(explain);
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = explain.executeQuery()) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
        return String.join("\n", lines);
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private interface StatementUse<T> {
    T apply(MappedStatement statement, TaskQueryImpl query, BoundSql sql);
  }

  private <T> T withStatement(String user, String group, String statementName, StatementUse<T> use) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    identityService.setAuthentication(user, List.of(group));
    try {
      return configuration.getCommandExecutorTxRequired().execute(context -> {
        TaskQueryImpl query = (TaskQueryImpl) taskService.createTaskQuery().taskCandidateGroup(group)
            .orderByTaskCreateTime().desc();
        query.setFirstResult(0);
        query.setMaxResults(15);
        context.getAuthorizationManager().configureTaskQuery(query);
        context.getTenantManager().configureQuery(query);
        MappedStatement statement = configuration.getSqlSessionFactory().getConfiguration()
            .getMappedStatement(configuration.getDbSqlSessionFactory().mapStatement(statementName));
        return use.apply(statement, query, statement.getBoundSql(query));
      });
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static void fetch(String url, String sql) throws java.sql.SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int c = 1; c <= columns; c++) {
          rows.getObject(c);
        }
      }
    }
  }

  private static long rowsRemovedByJoinFilter(String plan) {
    Matcher matcher = Pattern.compile("Rows Removed by Join Filter: (\\d+)").matcher(plan);
    long removed = 0;
    while (matcher.find()) {
      removed += Long.parseLong(matcher.group(1));
    }
    return removed;
  }

  private static long count(Http http, String path) {
    Http.Response response = http.get(path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("count").asLong();
  }

  private static List<String> ids(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(response.json().spliterator(), false).map(task -> task.get("id").asText()).toList();
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Median milliseconds of 15 runs after 3 of warm-up (as the growth benchmark times its reads). */
  private static double median(Work work) throws Exception {
    for (int i = 0; i < 3; i++) {
      work.run();
    }
    double[] millis = new double[15];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      work.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }
}
