package io.openpmo.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * What the database sessions of one system do while a step runs: every 100 ms the active sessions of its database
 * in {@code pg_stat_activity} by wait event (none: on the CPU or waiting for it; {@code Lock}: a row or table lock
 * another transaction holds; {@code IO}/{@code LWLock}: the WAL, buffers). Shows whether requests queue on a lock.
 */
final class DatabaseWaits implements AutoCloseable {

  private final Map<String, Integer> samples = new TreeMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread sampler;
  private int rounds;

  DatabaseWaits(DataSource postgres, String database) {
    sampler = new Thread(() -> {
      try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
        while (running.get()) {
          try (ResultSet rows = statement.executeQuery("SELECT coalesce(wait_event_type || ':' || wait_event,"
              + " 'running (CPU)') FROM pg_stat_activity WHERE datname = '" + database + "' AND state = 'active'"
              + " AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
              samples.merge(rows.getString(1), 1, Integer::sum);
            }
          }
          rounds++;
          Thread.sleep(100);
        }
      } catch (SQLException | InterruptedException e) {
        samples.merge("sampler stopped: " + e.getMessage(), 1, Integer::sum);
      }
    }, "database-waits");
    sampler.setDaemon(true);
    sampler.start();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    sampler.join(5000);
  }

  /** Average number of active sessions per state over the step. */
  String summary() {
    StringBuilder out = new StringBuilder("Active database sessions (average over " + rounds + " samples):\n");
    samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> out.append(String.format(Locale.ROOT, "%6.2f  %s%n", e.getValue() / (double) Math.max(1, rounds),
            e.getKey())));
    return out.toString();
  }
}
