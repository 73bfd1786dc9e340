package io.openpmo.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time. Nodes of a cluster share one PostgreSQL database, and what a node does while it starts
 * writes shared rows that are not safe to write from two nodes at once on an empty or outdated database: Camunda
 * creating or updating its schema, the auto-deployment, the access policy's grants and Tasklist filters, the demo
 * users and portfolio, the audit signing key. So the first thing a node does with the database, as soon as its
 * connection pool exists and before anything else can use it, is to take a PostgreSQL session-level advisory lock
 * on a connection of its own; it gives it back when the application is ready (after Flyway, the engine, the
 * deployment, the bootstrap and the demo seeding) or when the start-up fails. A second node started at the same
 * moment waits there, then finds everything in place and changes nothing. A node that dies while starting loses
 * its connection, and PostgreSQL releases its lock with it.
 *
 * <p>Running nodes never take the lock: a node that restarts while others serve requests waits only for another
 * node's start-up, never for their work. Other databases (the embedded H2 file database) serve one node only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClusterStartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartupLock.class);
  /** The advisory lock's key: "OPMOSTRT" read as 64 bits; advisory locks are per database. */
  static final long LOCK_KEY = 0x4F504D4F53545254L;

  private final AtomicBoolean taken = new AtomicBoolean();
  private volatile Connection holder;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && taken.compareAndSet(false, true)) {
      lock(dataSource);
    }
    return bean;
  }

  private void lock(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
        LOG.info("Another node of the cluster is starting on this database: waiting for it to finish");
        long waitingSince = System.nanoTime();
        call(connection, "SELECT pg_advisory_lock(?) IS NULL");
        LOG.info("The other node has started (waited {} ms); starting this one",
            (System.nanoTime() - waitingSince) / 1_000_000);
      }
      holder = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the cluster start-up lock on the database", e);
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, LOCK_KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    Connection connection = holder;
    if (connection == null) {
      return;
    }
    holder = null;
    try (connection) {
      call(connection, "SELECT pg_advisory_unlock(?)");
    } catch (SQLException e) {
      // closing the connection releases the lock all the same
      LOG.debug("Releasing the start-up lock: {}", e.getMessage());
    }
  }
}
