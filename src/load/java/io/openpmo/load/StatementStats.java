package io.openpmo.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What the database executed for one step ({@code -Dload.statements=true}): PostgreSQL's {@code pg_stat_statements}
 * (loaded into the benchmark's server with {@code shared_preload_libraries}), reset before the step and read after
 * it for the system's database: statements per operation, and the statements that took the most time, with their
 * calls, rows and block reads per operation. Says which statements make a governed operation's database CPU: a
 * sequential scan reads many blocks per call, a loop shows as many calls per operation.
 */
final class StatementStats {

  static final boolean ENABLED = Boolean.getBoolean("load.statements");

  private final DataSource postgres;
  private final String database;

  StatementStats(DataSource postgres, String database) {
    this.postgres = postgres;
    this.database = database;
  }

  /** Creates the extension's view in the server's {@code postgres} database (once). */
  static void install(DataSource postgres) throws SQLException {
    try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  void reset() throws SQLException {
    try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** The statements of the system's database since {@link #reset()}, per operation. */
  String summary(long operations, int top) throws SQLException {
    double ops = Math.max(1, operations);
    StringBuilder out = new StringBuilder();
    String where = " FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '" + database
        + "'";
    try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet total = statement.executeQuery("SELECT coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0),"
          + " count(*), coalesce(sum(shared_blks_hit + shared_blks_read), 0)" + where)) {
        total.next();
        out.append(String.format(Locale.ROOT, "Statements per operation: %.1f (%d distinct), execution %.2f ms,"
            + " %.0f blocks per operation (%d operations)%n%n", total.getLong(1) / ops, total.getLong(3),
            total.getDouble(2) / ops, total.getDouble(4) / ops, operations));
      }
      for (String order : new String[] {"total_exec_time", "calls"}) {
        out.append("Top ").append(top).append(" by ").append(order).append(":\n");
        out.append("  ms/op  calls/op  ms/call  rows/op  blocks/call  statement\n");
        try (ResultSet rows = statement.executeQuery("SELECT total_exec_time, calls, rows,"
            + " shared_blks_hit + shared_blks_read, regexp_replace(query, '\\s+', ' ', 'g')" + where
            + " ORDER BY " + order + " DESC LIMIT " + top)) {
          while (rows.next()) {
            long calls = Math.max(1, rows.getLong(2));
            String query = rows.getString(5);
            out.append(String.format(Locale.ROOT, "%7.2f  %8.2f  %7.3f  %7.1f  %11.1f  %s%n", rows.getDouble(1) / ops,
                rows.getLong(2) / ops, rows.getDouble(1) / calls, rows.getLong(3) / ops, rows.getDouble(4) / calls,
                query.length() > 400 ? query.substring(0, 400) + " ..." : query));
          }
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
