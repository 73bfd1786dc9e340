package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database with the hash chain of V1 and numbered rows migrates to the Merkle log (V20-V22): its events keep
 * their order and numbers, are queued for sealing, new events are numbered after them, the old chain stays,
 * and the per-project counters continue from what was handed out.
 */
final class LegacyTrailMigration {

  private LegacyTrailMigration() {
  }

  static void check(DataSource dataSource, String vendor) {
    Builder flyway = () -> Flyway.configure().dataSource(dataSource).table("openpmo_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    flyway.build("7").migrate();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    jdbc.update("INSERT INTO project (id, code, title, description, business_unit, sponsor, requester, project_type,"
        + " strategic_alignment, expected_annual_benefit, budget, currency, start_date, duration_months, complexity,"
        + " personal_data, data_classification, third_party, critical_function, new_technology, status, phase,"
        + " created_at, updated_at) VALUES (41, 'PRJ-2025-0041', 'Legacy', 'Legacy project', 'Ops', 'sam', 'rita',"
        + " 'RUN', 3, 1, 100000, 'EUR', DATE '2025-01-01', 6, 'LOW', FALSE, 'INTERNAL', 'NONE', FALSE, FALSE,"
        + " 'IN_DELIVERY', 'DELIVERY', TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+00',"
        + " TIMESTAMP WITH TIME ZONE '2025-01-01 10:00:00+00')");
    for (int seq = 1; seq <= 3; seq++) {
      jdbc.update("INSERT INTO audit_event (seq, occurred_at, actor, action, project_id, project_code, details, prev_hash,"
          + " hash) VALUES (?, TIMESTAMP WITH TIME ZONE '2025-01-0" + seq + " 10:00:00.123456+00', 'rita', ?, ?, ?, ?,"
          + " ?, ?)", seq, "LEGACY_" + seq, seq == 2 ? 41L : null, seq == 2 ? "PRJ-2025-0041" : null,
          "{\"n\":" + seq + "}", (seq == 1 ? "0" : String.valueOf(seq - 1)).repeat(64), String.valueOf(seq).repeat(64));
    }
    jdbc.update("UPDATE audit_chain_head SET last_seq = 3, last_hash = ?", "3".repeat(64));
    for (int n = 1; n <= 2; n++) {
      jdbc.update("INSERT INTO change_request (project_id, code, title, reason, scope_change, delay_days, cost_delta,"
          + " risk_impact, regulatory_impact, emergency, status, reapproval_required, requested_by, raised_via,"
          + " created_at, updated_at) VALUES (41, ?, 'Change', 'Reason', FALSE, 0, 0, 'NONE', FALSE, FALSE, 'RAISED',"
          + " FALSE, 'paul', 'API', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "PRJ-2025-0041-CR" + n);
      jdbc.update("INSERT INTO baseline (project_id, version, status, budget_at_completion, start_date, end_date,"
          + " created_by, created_at) VALUES (41, ?, 'SUPERSEDED', 100000, DATE '2025-01-01', DATE '2025-07-01',"
          + " 'paul', CURRENT_TIMESTAMP)", n);
      jdbc.update("INSERT INTO gate_review (project_id, gate, attempt, status, opened_at) VALUES (41, 'G1', ?,"
          + " 'DECIDED', CURRENT_TIMESTAMP)", n);
    }
    jdbc.update("INSERT INTO gate_review (project_id, gate, attempt, status, opened_at) VALUES (41, 'G2', 1, 'OPEN',"
        + " CURRENT_TIMESTAMP)");

    flyway.build(null).migrate();

    assertThat(jdbc.queryForList("SELECT id, action, project_id, project_code, details FROM audit_event ORDER BY id"))
        .extracting(row -> row.get(row.containsKey("ID") ? "ID" : "id").toString() + " "
            + row.get(row.containsKey("ACTION") ? "ACTION" : "action"))
        .containsExactly("1 LEGACY_1", "2 LEGACY_2", "3 LEGACY_3");
    assertThat(jdbc.queryForObject("SELECT project_code FROM audit_event WHERE id = 2", String.class))
        .isEqualTo("PRJ-2025-0041");
    assertThat(jdbc.queryForObject("SELECT details FROM audit_event WHERE id = 3", String.class)).isEqualTo("{\"n\":3}");
    assertThat(jdbc.queryForList("SELECT event_id FROM audit_pending ORDER BY event_id", Long.class))
        .containsExactly(1L, 2L, 3L);
    assertThat(jdbc.queryForObject("SELECT hash FROM audit_event_v1 WHERE seq = 3", String.class))
        .as("the old chain stays as it was").isEqualTo("3".repeat(64));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_leaf", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal_lock", Long.class)).isEqualTo(1);

    jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, details) VALUES (CURRENT_TIMESTAMP, 'rita', 'NEW',"
        + " '{}')");
    assertThat(jdbc.queryForObject("SELECT id FROM audit_event WHERE action = 'NEW'", Long.class))
        .as("new events are numbered after the history").isEqualTo(4);
    for (String statement : List.of("UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event",
        "UPDATE audit_event_v1 SET actor = 'mallory'")) {
      assertThatThrownBy(() -> jdbc.update(statement)).as(statement).isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("append-only");
    }
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain_head", Long.class))
        .isInstanceOf(DataAccessException.class);

    Map<String, Integer> counters = new java.util.TreeMap<>();
    jdbc.query("SELECT counter, last_value FROM project_counter WHERE project_id = 41",
        rs -> {
          counters.put(rs.getString(1), rs.getInt(2));
        });
    assertThat(counters).containsExactlyEntriesOf(new java.util.TreeMap<>(
        Map.of("BASELINE", 2, "CHANGE_REQUEST", 2, "GATE_G1", 2, "GATE_G2", 1)));
  }

  /** Flyway up to a version (null: the latest). */
  @FunctionalInterface
  private interface Builder {
    org.flywaydb.core.api.configuration.FluentConfiguration configure();

    default Flyway build(String target) {
      return target == null ? configure().load() : configure().target(target).load();
    }
  }
}
