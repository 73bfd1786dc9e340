package io.openpmo.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
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
 */
@Component
class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

  /** Name, table and columns of each index. */
  static final List<String> INDEXES = List.of(
      "OPMO_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)",
      "OPMO_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)");

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
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Cannot create the indexes on the engine's tables: " + e.getMessage(), e);
    }
  }
}
