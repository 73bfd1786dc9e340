package io.openpmo.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables for two statements the engine runs all the time and that read the whole
 * table without them, so that they grow with the open work (README "Load"):
 * <ul>
 *   <li>{@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}: the engine looks for sub-tasks whenever it
 *   deletes a task, so on every completed review, and nothing indexes the column;</li>
 *   <li>the job executor's acquisition, {@code ... from ACT_RU_JOB RES where ... RES.DUEDATE_ <= ?}, every few
 *   seconds on every node: every open review waits on a timer job that is due in days, and without an index on
 *   the due date each acquisition reads all of them to find the few that are due.</li>
 * </ul>
 * Camunda creates and updates its schema itself (no migration of ours touches its tables), so the indexes are
 * created right after the engine is built, by name and only where missing ({@code CREATE INDEX IF NOT EXISTS},
 * PostgreSQL and H2 alike). On a cluster nodes start one at a time (the start-up lock of {@code operations}), so
 * two nodes never create them at once. Camunda's own indexes all start with {@code ACT_IDX_}; these start with
 * {@code OPMO_IDX_}, so a later Camunda upgrade script cannot collide with them.
 *
 * <p>On PostgreSQL (14 and later) it also creates {@link #STATISTICS statistics} on the permission bits of
 * {@code ACT_RU_AUTHORIZATION}. Every query with authorization checks (Tasklist's task list first) joins the user's
 * grants with {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} after filtering them with
 * {@code A.PERMS_ & 2 = 2}; without statistics on that expression the planner guesses 0.5% of the rows (8 where
 * there are 1,500: the engine grants the candidate group of every open task READ on it) and scans all the grants
 * for every task (1,500 × 1,500 comparisons, 300 ms); with them it knows the real count and probes the
 * {@code RESOURCE_ID_} index per task (30 ms). A statement the driver has prepared on the server may after five
 * executions fall back to a generic plan that cannot see the bit and scans again (README "Cost as the data grows").
 */
@Component
class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

  /** Name, table and columns of each index. */
  static final List<String> INDEXES = List.of(
      "OPMO_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)",
      "OPMO_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");

  /**
   * Name and expressions of the statistics on {@code ACT_RU_AUTHORIZATION} (PostgreSQL 14 and later): the bits the
   * engine's queries test for reading (READ on any resource, READ_TASK, READ_INSTANCE and READ_HISTORY on a
   * process definition). A {@code CREATE STATISTICS} object holds at most eight expressions.
   */
  static final String STATISTICS = "OPMO_STAT_AUTH_READ_PERMS ON " + Stream.of(Permissions.READ, Permissions.READ_TASK,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY)
      .map(permission -> "(PERMS_ & " + permission.getValue() + ")").collect(Collectors.joining(", "))
      + " FROM ACT_RU_AUTHORIZATION";

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexesPlugin.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        processEngine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String index : INDEXES) {
          statement.execute("CREATE INDEX IF NOT EXISTS " + index);
        }
        createStatistics(connection, statement);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot create the indexes on the engine's tables: " + e.getMessage(), e);
    }
  }

  /** The statistics, where missing, gathered at once (ANALYZE samples the table: cheap however large it is). */
  private static void createStatistics(Connection connection, Statement statement) throws SQLException {
    DatabaseMetaData database = connection.getMetaData();
    if (!"PostgreSQL".equals(database.getDatabaseProductName())) {
      return;
    }
    if (database.getDatabaseMajorVersion() < 14) {
      LOG.warn("PostgreSQL {} has no statistics on expressions: queries with authorization checks (Tasklist's task"
          + " list) may read every grant for every task; PostgreSQL 14 or later recommended",
          database.getDatabaseProductVersion());
      return;
    }
    String name = STATISTICS.substring(0, STATISTICS.indexOf(' ')).toLowerCase(Locale.ROOT);
    try (ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_statistic_ext WHERE stxname = '" + name
        + "' AND stxrelid = to_regclass('act_ru_authorization')")) {
      if (existing.next()) {
        return;
      }
    }
    statement.execute("CREATE STATISTICS IF NOT EXISTS " + STATISTICS);
    statement.execute("ANALYZE ACT_RU_AUTHORIZATION");
  }
}
