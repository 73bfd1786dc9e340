package io.openpmo.security;

import java.lang.reflect.Field;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.GetFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * Refuses every task query that carries an expression, before the engine evaluates it.
 *
 * <p>The engine's own switch ({@code enableExpressionsInAdhocQueries=false}) checks only the top-level
 * query: the nested {@code orQueries} of a task query are created without validators and their
 * expressions are evaluated (Camunda 7.24.0), which runs code that a caller sent. This guard looks at
 * the query and every or-query, on every surface: ad-hoc queries ({@code /engine-rest/task},
 * the webapps' engine API, Java), stored filters when they are saved and when they are executed, and the
 * extending query sent with a filter execution.
 */
class QueryExpressionGuard extends CommandInterceptor {

  static final String MESSAGE = "Expressions are not allowed in task queries or filters";

  private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");
  private static final Field EXECUTED_FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");
  private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof TaskQueryImpl query) {
      refuseExpressions(query, "task query");
    } else if (command instanceof SaveFilterCmd) {
      Filter filter = (Filter) read(SAVED_FILTER, command);
      if (filter != null) {
        refuseExpressions(filter.getQuery(), "filter '" + filter.getName() + "'");
      }
    } else if (command instanceof AbstractExecuteFilterCmd) {
      refuseExpressions((Query<?, ?>) read(EXTENDING_QUERY, command), "extending query");
      String filterId = (String) read(EXECUTED_FILTER_ID, command);
      if (filterId != null) {
        Filter stored = next.execute(new GetFilterCmd(filterId));
        if (stored != null) {
          refuseExpressions(stored.getQuery(), "filter '" + stored.getName() + "'");
        }
      }
    }
    return next.execute(command);
  }

  static void refuseExpressions(Query<?, ?> query, String where) {
    if (!(query instanceof TaskQueryImpl taskQuery)) {
      return;
    }
    for (TaskQueryImpl part : taskQuery.getQueries()) {
      Map<String, String> expressions = part.getExpressions();
      if (expressions != null && !expressions.isEmpty()) {
        throw new BadUserRequestException(MESSAGE + " (" + where + " has an expression for "
            + String.join(", ", expressions.keySet()) + ")");
      }
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      // fail closed: an engine upgrade that renames the field must not switch the guard off silently
      throw new IllegalStateException("Cannot guard " + type.getName() + "." + name
          + " against query expressions: the engine changed", e);
    }
  }

  private static Object read(Field field, Object target) {
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot inspect " + field, e);
    }
  }
}
