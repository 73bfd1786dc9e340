package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.AppTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail on the embedded H2 default: append-only there too, and the hash covers every field. */
class AuditTrailTest extends AppTest {

  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;

  @Test
  void h2RefusesUpdateAndDelete() {
    AuditEvent event = auditTrail.record("petra", "TEST_H2", null, null, Map.of("k", "v"));
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE seq = ?", event.seq()))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE seq = ?", event.seq()))
        .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    assertThat(auditTrail.verify().intact()).isTrue();
  }

  @Test
  void theHashChangesWithEveryField() {
    OffsetDateTime at = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC);
    String base = AuditTrail.hash(1, at, "rita", "SUBMITTED", 7L, "PRJ-1", "{}", AuditTrail.GENESIS);
    assertThat(base).hasSize(64).isEqualTo(AuditTrail.hash(1, at.withOffsetSameInstant(ZoneOffset.ofHours(2)),
        "rita", "SUBMITTED", 7L, "PRJ-1", "{}", AuditTrail.GENESIS));
    assertThat(base)
        .isNotEqualTo(AuditTrail.hash(2, at, "rita", "SUBMITTED", 7L, "PRJ-1", "{}", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at.plusNanos(1000), "rita", "SUBMITTED", 7L, "PRJ-1", "{}", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at, "rito", "SUBMITTED", 7L, "PRJ-1", "{}", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at, "rita", "APPROVED", 7L, "PRJ-1", "{}", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at, "rita", "SUBMITTED", 8L, "PRJ-1", "{}", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at, "rita", "SUBMITTED", 7L, "PRJ-2", "{}", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at, "rita", "SUBMITTED", 7L, "PRJ-1", "{ }", AuditTrail.GENESIS))
        .isNotEqualTo(AuditTrail.hash(1, at, "rita", "SUBMITTED", 7L, "PRJ-1", "{}", "1".repeat(64)));
  }

  @Test
  void onlyAuditorsAndThePmoReadTheTrailOverHttp() {
    auditTrail.record("petra", "TEST_HTTP", null, null, Map.of());
    assertThat(http("audrey").get("/api/v1/audit/events?limit=5").status()).isEqualTo(200);
    assertThat(http("audrey").get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
    assertThat(http("petra").get("/api/v1/audit/events").status()).isEqualTo(200);
    assertThat(http("rita").get("/api/v1/audit/events").status()).isEqualTo(403);
    assertThat(http("integrationbot").get("/api/v1/audit/verification").status()).isEqualTo(403);
  }
}
