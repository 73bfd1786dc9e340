package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openpmo.audit.verify.AuditVerifier;
import io.openpmo.support.PostgresAppTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on PostgreSQL: business transactions do not wait for each other on it, events exist exactly
 * when their change committed and get sealed, the database refuses changes, and a database owner who goes
 * around the triggers is named by the verification.
 */
class AuditTrailPostgresTest extends PostgresAppTest {

  @Autowired AuditTrail auditTrail;
  @Autowired AuditSealer sealer;
  @Autowired AuditVerification verification;
  @Autowired AuditExport export;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  Long seqOf(AuditEvent event) {
    return jdbc.query("SELECT seq FROM audit_leaf WHERE event_id = ?", rs -> rs.next() ? rs.getLong(1) : null,
        event.id());
  }

  @Test
  void aBusinessTransactionStillOpenDoesNotHoldUpAnotherNorTheSealer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    try {
      Future<AuditEvent> first = pool.submit(() -> transactions.execute(status -> {
        AuditEvent event = auditTrail.record("petra", "TEST_LONG_TRANSACTION", null, null, Map.of());
        firstWrote.countDown();
        awaitQuietly(releaseFirst);
        return event;
      }));
      assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();

      // while the first transaction is open with its event written, a second one records and commits at once
      Future<AuditEvent> second = pool.submit(() -> transactions.execute(status ->
          auditTrail.record("rita", "TEST_WHILE_ANOTHER_IS_OPEN", null, null, Map.of())));
      AuditEvent secondEvent = second.get(5, TimeUnit.SECONDS);
      assertThat(first).isNotDone();
      // and the sealer seals what committed, without waiting for the open transaction either
      sealer.sealPending();
      assertThat(seqOf(secondEvent)).isNotNull();
      assertThat(first).isNotDone();

      releaseFirst.countDown();
      AuditEvent firstEvent = first.get(10, TimeUnit.SECONDS);
      sealer.sealPending();
      assertThat(seqOf(firstEvent)).as("the first event is sealed after the second: in commit order")
          .isGreaterThan(seqOf(secondEvent));
    } finally {
      releaseFirst.countDown();
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRolledBackTransactionLeavesNoEventAndACommittedOneIsSealedOnSchedule() {
    AuditEvent rolledBack = transactions.execute(status -> {
      AuditEvent event = auditTrail.record("petra", "TEST_ROLLED_BACK", null, null, Map.of());
      status.setRollbackOnly();
      return event;
    });
    AuditEvent committed = auditTrail.record("petra", "TEST_COMMITTED", null, null, Map.of("kept", true));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id = ?", Long.class, rolledBack.id())).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> seqOf(committed) != null);
    Long checkpointed = jdbc.queryForObject("SELECT MAX(tree_size) FROM audit_checkpoint", Long.class);
    assertThat(checkpointed).isGreaterThanOrEqualTo(seqOf(committed));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending WHERE event_id = ?", Long.class, committed.id()))
        .isZero();
  }

  @Test
  void recordInNewTransactionStaysWhenTheCallerRollsBack() {
    AuditEvent refused = transactions.execute(status -> {
      auditTrail.record("petra", "TEST_CHANGE", null, null, Map.of());
      AuditEvent event = auditTrail.recordInNewTransaction("petra", "TEST_REFUSED", null, null, Map.of());
      status.setRollbackOnly();
      return event;
    });
    sealer.sealPending();
    assertThat(seqOf(refused)).isNotNull();
  }

  @Test
  void postgresRefusesUpdateDeleteAndTruncateOnEveryTableOfTheLog() {
    AuditEvent event = auditTrail.record("petra", "TEST_IMMUTABLE", null, null, Map.of());
    sealer.sealPending();
    jdbc.execute("INSERT INTO audit_event_v1 (seq, occurred_at, actor, action, details, prev_hash, hash)"
        + " SELECT 0, now(), 'legacy', 'LEGACY', '{}', 'x', 'x' WHERE NOT EXISTS (SELECT 1 FROM audit_event_v1 WHERE seq = 0)");
    for (String table : List.of("audit_event", "audit_leaf", "audit_tree_node", "audit_checkpoint",
        "audit_signing_key", "audit_event_v1")) {
      String column = switch (table) {
        case "audit_leaf" -> "sealed_at";
        case "audit_tree_node" -> "hash";
        case "audit_checkpoint", "audit_signing_key" -> "key_id";
        default -> "actor";
      };
      assertThatThrownBy(() -> jdbc.update("UPDATE " + table + " SET " + column + " = " + column))
          .as(table).isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
      assertThatThrownBy(() -> jdbc.update("DELETE FROM " + table))
          .as(table).isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
      assertThatThrownBy(() -> jdbc.execute("TRUNCATE " + table + " CASCADE"))
          .as(table).isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    }
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, event.id()))
        .isEqualTo("petra");
  }

  @Test
  void manyWritersAndCompetingSealersMakeOneTree() throws Exception {
    List<AuditEvent> written = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Object>> work = new ArrayList<>();
      for (int writer = 0; writer < 6; writer++) {
        int w = writer;
        work.add(() -> {
          for (int i = 0; i < 25; i++) {
            written.add(auditTrail.record("writer" + w, "TEST_CONCURRENT", null, null, Map.of("n", i)));
          }
          return null;
        });
      }
      // two more "nodes": one waits for the lock, one skips when it is taken
      work.add(() -> {
        for (int i = 0; i < 20; i++) {
          sealer.sealPending();
        }
        return null;
      });
      work.add(() -> {
        for (int i = 0; i < 20; i++) {
          sealer.sealOnSchedule();
        }
        return null;
      });
      for (Future<Object> done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
    sealer.sealPending();
    List<Long> seqs = written.stream().map(this::seqOf).toList();
    assertThat(seqs).hasSize(150).doesNotContainNull().doesNotHaveDuplicates();
    AuditVerification.Result result = verification.verify();
    assertThat(result.intact()).as(result.toString()).isTrue();
    assertThat(result.eventsChecked()).isEqualTo(result.treeSize());
  }

  @Test
  void aSealerThatFindsTheLockTakenSkipsItsRunInsteadOfWaiting() throws Exception {
    AuditEvent event = auditTrail.record("petra", "TEST_SKIPPED", null, null, Map.of());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      transactions.executeWithoutResult(status -> {
        jdbc.queryForObject("SELECT id FROM audit_seal_lock WHERE id = 1 FOR UPDATE", Integer.class);
        Future<?> otherNode = pool.submit(() -> sealer.sealOnSchedule());
        try {
          otherNode.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("the sealer waited for the lock", e);
        }
      });
    } finally {
      pool.shutdown();
    }
    sealer.sealPending();
    assertThat(seqOf(event)).isNotNull();
  }

  /** A database owner switches the triggers off and changes rows: verification names what changed. */
  @Nested
  class TamperingBehindTheTriggersBack {

    /** Runs the statements and the check in one transaction that is rolled back. */
    <T> T tampered(Supplier<T> check, String... statements) {
      return transactions.execute(status -> {
        for (String statement : statements) {
          jdbc.execute(statement);
        }
        T result = check.get();
        status.setRollbackOnly();
        return result;
      });
    }

    AuditVerification.Result tampered(String... statements) {
      return tampered(verification::verify, statements);
    }

    AuditVerifier.Report exportVerifiedOffline() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      export.write(out);
      try {
        return AuditVerifier.verify(new StringReader(out.toString(StandardCharsets.UTF_8)), Map.of(), List.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** An event and the one after it, both sealed. */
    List<AuditEvent> sealedEvents(String action) {
      AuditEvent event = auditTrail.record("petra", action, null, null, Map.of("amount", 100));
      AuditEvent after = auditTrail.record("petra", action + "_AFTER", null, null, Map.of());
      sealer.sealPending();
      return List.of(event, after);
    }

    @Test
    void aChangedEventIsNamedByTheServerAndInTheExport() {
      AuditEvent event = sealedEvents("TEST_TAMPER").get(0);
      long seq = seqOf(event);
      String[] change = {"ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete",
          "UPDATE audit_event SET details = '{\"amount\":1}' WHERE id = " + event.id()};
      AuditVerification.Result result = tampered(change);
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBrokenSeq()).isEqualTo(seq);
      assertThat(result.firstBrokenEventId()).isEqualTo(event.id());
      assertThat(result.problem()).isEqualTo("event seq " + seq + " (id " + event.id() + ") was changed after it was sealed");

      AuditVerifier.Report offline = tampered(this::exportVerifiedOffline, change);
      assertThat(offline.intact()).isFalse();
      assertThat(offline.problems().get(0))
          .isEqualTo("event seq " + seq + " (id " + event.id() + ") does not match its leaf hash: it was changed");

      assertThat(verification.verify().intact()).as("rolled back").isTrue();
      assertThat(exportVerifiedOffline().problems()).isEmpty();
    }

    @Test
    void aRemovedEventIsNamed() {
      AuditEvent event = sealedEvents("TEST_REMOVED").get(0);
      long seq = seqOf(event);
      AuditVerification.Result withLeaf = tampered("ALTER TABLE audit_leaf DISABLE TRIGGER audit_leaf_no_update_delete",
          "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete",
          "DELETE FROM audit_leaf WHERE seq = " + seq, "DELETE FROM audit_event WHERE id = " + event.id());
      assertThat(withLeaf.firstBrokenSeq()).isEqualTo(seq);
      assertThat(withLeaf.problem()).isEqualTo("event seq " + seq + " is missing from the tree: its leaf was removed");

      AuditVerification.Result eventOnly = tampered("ALTER TABLE audit_event DISABLE TRIGGER ALL",
          "DELETE FROM audit_event WHERE id = " + event.id());
      assertThat(eventOnly.problem()).isEqualTo("event seq " + seq + " (id " + event.id() + ") was removed from the trail");
    }

    @Test
    void reorderedEventsAreNamed() {
      List<AuditEvent> events = sealedEvents("TEST_REORDERED");
      long first = seqOf(events.get(0));
      long second = seqOf(events.get(1));
      AuditVerification.Result result = tampered("ALTER TABLE audit_leaf DISABLE TRIGGER ALL",
          "UPDATE audit_leaf SET event_id = -1 WHERE seq = " + first,
          "UPDATE audit_leaf SET event_id = " + events.get(0).id() + " WHERE seq = " + second,
          "UPDATE audit_leaf SET event_id = " + events.get(1).id() + " WHERE seq = " + first);
      assertThat(result.firstBrokenSeq()).isEqualTo(first);
      assertThat(result.problem()).isEqualTo("event seq " + first + " (id " + events.get(1).id()
          + ") was changed after it was sealed");
    }

    @Test
    void aChangedTreeNodeOrCheckpointIsNamed() {
      sealedEvents("TEST_NODE");
      AuditVerification.Result node = tampered("ALTER TABLE audit_tree_node DISABLE TRIGGER ALL",
          "UPDATE audit_tree_node SET hash = '" + "0".repeat(64) + "' WHERE tree_level = 1 AND node_index = 0");
      assertThat(node.problem()).isEqualTo("the tree node over events seq 1..2 (level 1, index 0) was changed");
      assertThat(node.firstBrokenSeq()).isEqualTo(1);

      long oldest = jdbc.queryForObject("SELECT MIN(tree_size) FROM audit_checkpoint", Long.class);
      long latest = jdbc.queryForObject("SELECT MAX(tree_size) FROM audit_checkpoint", Long.class);
      AuditVerification.Result signature = tampered("ALTER TABLE audit_checkpoint DISABLE TRIGGER ALL",
          "UPDATE audit_checkpoint SET signature = (SELECT signature FROM audit_checkpoint WHERE tree_size = " + oldest
              + ") WHERE tree_size = " + latest);
      assertThat(signature.problem()).isEqualTo("the signature of the checkpoint at tree size " + latest
          + " does not verify");

      AuditVerification.Result root = tampered("ALTER TABLE audit_checkpoint DISABLE TRIGGER ALL",
          "UPDATE audit_checkpoint SET root_hash = '" + "1".repeat(64) + "' WHERE tree_size = " + oldest);
      assertThat(root.problem()).isEqualTo("the checkpoint at tree size " + oldest
          + " does not match the tree: its root hash differs");
    }

    @Test
    void cuttingOffTheTailOrSlippingInAnEventIsNamed() {
      AuditEvent event = sealedEvents("TEST_TAIL").get(0);
      long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_leaf", Long.class);
      AuditVerification.Result cut = tampered("ALTER TABLE audit_leaf DISABLE TRIGGER ALL",
          "ALTER TABLE audit_tree_node DISABLE TRIGGER ALL", "DELETE FROM audit_leaf WHERE seq = " + last,
          "DELETE FROM audit_tree_node WHERE tree_level = 0 AND node_index = " + (last - 1));
      assertThat(cut.problem()).isEqualTo("the checkpoint at tree size " + last + " covers more events than the tree"
          + " holds (" + (last - 1) + "): sealed events were removed");

      AuditVerification.Result slipped = tampered("INSERT INTO audit_event (occurred_at, actor, action, details)"
          + " VALUES (now(), 'mallory', 'FORGED', '{}')");
      assertThat(slipped.problem()).endsWith("was neither sealed nor queued for sealing: it was written behind the"
          + " application's back");
      assertThat(slipped.firstBrokenEventId()).isGreaterThan(event.id());
    }
  }
}
