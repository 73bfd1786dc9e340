package io.openpmo.core;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database going away under a request (a fail-over, a restart, a terminated connection),
 * which the client may retry, rather than a fault of the request or the server. One definition for every surface:
 * our API and the engine's REST APIs both answer it with a 503 and {@code Retry-After}.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {
  }

  /**
   * Anywhere in the cause chain: Spring's transaction and resource failures, the pool's connection failures, or SQL
   * states of class 08 (connection exception) and 57P (operator intervention: admin shutdown, crash shutdown,
   * cannot connect now).
   */
  public static boolean in(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessResourceException
          || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }
}
