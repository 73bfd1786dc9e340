package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresAppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail on PostgreSQL: chained, append-only by the database's own triggers, and verifiable. */
class AuditTrailPostgresTest extends PostgresAppTest {

  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void eachEventLinksToThePreviousOne() {
    AuditEvent first = auditTrail.record("petra", "TEST_FIRST", null, null, Map.of("why", "because"));
    AuditEvent second = auditTrail.record("petra", "TEST_SECOND", null, null, Map.of());
    assertThat(second.seq()).isEqualTo(first.seq() + 1);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    assertThat(auditTrail.verify().intact()).isTrue();
  }

  @Test
  void postgresRefusesUpdateDeleteAndTruncate() {
    AuditEvent event = auditTrail.record("petra", "TEST_IMMUTABLE", null, null, Map.of());
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE seq = ?", event.seq()))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE seq = ?", event.seq()))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE seq = ?", String.class, event.seq()))
        .isEqualTo("petra");
  }

  @Test
  void verificationNamesAnEventChangedBehindTheTriggersBack() {
    AuditEvent event = auditTrail.record("petra", "TEST_TAMPER", null, null, Map.of("amount", 100));
    auditTrail.record("petra", "TEST_AFTER", null, null, Map.of());
    AuditTrail.ChainVerification tampered = transactions.execute(status -> {
      // a database owner switches the trigger off and edits a row: the chain still tells
      jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete");
      jdbc.update("UPDATE audit_event SET details = '{\"amount\":1}' WHERE seq = ?", event.seq());
      AuditTrail.ChainVerification result = auditTrail.verify();
      status.setRollbackOnly();
      return result;
    });
    assertThat(tampered.intact()).isFalse();
    assertThat(tampered.firstBrokenSeq()).isEqualTo(event.seq());
    assertThat(tampered.problem()).contains("changed");
    assertThat(auditTrail.verify().intact()).isTrue();
  }

  @Test
  void verificationNoticesARemovedLastEvent() {
    auditTrail.record("petra", "TEST_LAST", null, null, Map.of());
    AuditTrail.ChainVerification truncated = transactions.execute(status -> {
      jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete");
      jdbc.update("DELETE FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)");
      AuditTrail.ChainVerification result = auditTrail.verify();
      status.setRollbackOnly();
      return result;
    });
    assertThat(truncated.intact()).isFalse();
    assertThat(truncated.problem()).contains("removed");
  }

  @Test
  void concurrentWritersKeepOneLinearChain() throws Exception {
    long before = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<AuditEvent>> writes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        writes.add(() -> auditTrail.record("writer" + (n % 4), "TEST_CONCURRENT", null, null, Map.of("n", n)));
      }
      for (Future<AuditEvent> write : pool.invokeAll(writes)) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(before + 40);
    AuditTrail.ChainVerification verification = auditTrail.verify();
    assertThat(verification.intact()).as(verification.toString()).isTrue();
  }
}
