package io.openpmo.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The groups that hold any authorization, found through the index instead of reading every authorization.
 *
 * <p>Every engine command that checks authorizations first asks which of the user's groups hold any authorization
 * at all: {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} (Camunda's statement
 * {@code selectAuthorizedGroupIds}). The table holds a row for every candidate group of every open task, so that
 * statement reads the whole table, twice per vote and on every task list, and grows with the open work (README
 * "Load"). On PostgreSQL the same answer is read from the index on {@code GROUP_ID_} that Camunda creates
 * ({@code ACT_IDX_AUTH_GROUP_ID}), one probe per distinct group (a loose index scan), through the engine's own
 * mechanism for database-specific statements. The answer is the same set of groups, without the null of user
 * authorizations, which no user's group list contains; other databases keep Camunda's statement.
 */
@Component
class AuthorizedGroupsLookupPlugin extends AbstractProcessEnginePlugin {

  static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
  static final String STATEMENT = "selectAuthorizedGroupIds_openpmoLooseIndexScan";

  static String sql(String prefix) {
    String table = prefix + "ACT_RU_AUTHORIZATION";
    return "WITH RECURSIVE GROUPS_(ID_) AS ("
        + " (SELECT GROUP_ID_ FROM " + table + " WHERE GROUP_ID_ IS NOT NULL ORDER BY GROUP_ID_ LIMIT 1)"
        + " UNION ALL"
        + " SELECT (SELECT A.GROUP_ID_ FROM " + table + " A WHERE A.GROUP_ID_ > G.ID_ ORDER BY A.GROUP_ID_ LIMIT 1)"
        + " FROM GROUPS_ G WHERE G.ID_ IS NOT NULL)"
        + " SELECT ID_ FROM GROUPS_ WHERE ID_ IS NOT NULL";
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT, false)) {
      ResultMap strings = new ResultMap.Builder(mybatis, STATEMENT + "-Inline", String.class, List.of()).build();
      mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, STATEMENT,
          new StaticSqlSource(mybatis, sql(Objects.toString(configuration.getDatabaseTablePrefix(), ""))), SqlCommandType.SELECT)
          .resultMaps(List.of(strings)).build());
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // a copy: the engine's own map is shared by every engine on PostgreSQL in this JVM
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.put(CAMUNDA_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }
}
