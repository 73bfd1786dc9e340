package io.openpmo.support;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prerequisite rows for the mapper tests (a project, a baseline, a status report, ...), written in the test's
 * transaction, so they roll back with it. A project goes through {@link ProjectMapper}; the rows other features
 * own go in with plain SQL, because each feature's mapper is private to its package.
 */
public final class TestRows {

  /** Now, to the microsecond PostgreSQL keeps. */
  public static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

  private final ProjectMapper projects;
  private final JdbcTemplate jdbc;

  TestRows(ProjectMapper projects, JdbcTemplate jdbc) {
    this.projects = projects;
    this.jdbc = jdbc;
  }

  /** A submitted request in initiation; answers its id. */
  public long project() {
    return project(ProjectStatus.SUBMITTED, ProjectPhase.INITIATION);
  }

  public long project(ProjectStatus status, ProjectPhase phase) {
    String code = String.format("PRJ-M-%06d", projects.nextCodeNumber());
    Project row = TestProjects.row(code, "rita", null);
    projects.insert(row);
    long id = projects.findByCode(code).orElseThrow().id();
    projects.updateStatus(id, status, phase, NOW);
    return id;
  }

  public Project projectRow(long projectId) {
    return projects.findById(projectId).orElseThrow();
  }

  public String code(long projectId) {
    return projectRow(projectId).code();
  }

  /**
   * Sets columns of a project the intake does not write (health, risk tier, manager, ...):
   * {@code set(id, "health = ?, risk_tier = ?", "RED", "HIGH")}.
   */
  public void setProject(long projectId, String assignments, Object... values) {
    Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
    args[values.length] = projectId;
    jdbc.update("UPDATE project SET " + assignments + " WHERE id = ?", args);
  }

  /** A baseline version; answers its id. */
  public long baseline(long projectId, int version, String status, String budgetAtCompletion, LocalDate start,
      LocalDate end) {
    return jdbc.queryForObject("""
        INSERT INTO baseline (project_id, version, status, budget_at_completion, start_date, end_date, created_by,
          created_at, effective_from)
        VALUES (?, ?, ?, ?, ?, ?, 'paul', ?, ?) RETURNING id""", Long.class, projectId, version, status,
        new BigDecimal(budgetAtCompletion), start, end, ts(NOW), "DRAFT".equals(status) ? null : ts(NOW));
  }

  /** A baseline in force made the project's current one; answers its id. */
  public long baselineInForce(long projectId, String budgetAtCompletion) {
    long id = baseline(projectId, 1, "IN_FORCE", budgetAtCompletion, LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));
    setProject(projectId, "current_baseline_id = ?", id);
    return id;
  }

  /** A status report with earned-value figures and a health rating (null: not rated); answers its id. */
  public long statusReport(long projectId, long baselineId, LocalDate reportDate, String actualCost,
      String plannedValue, String earnedValue, String health) {
    BigDecimal ac = new BigDecimal(actualCost);
    BigDecimal pv = new BigDecimal(plannedValue);
    BigDecimal ev = new BigDecimal(earnedValue);
    return jdbc.queryForObject("""
        INSERT INTO status_report (project_id, baseline_id, report_date, percent_complete, actual_cost, planned_value,
          earned_value, cpi, spi, health, source, submitted_by, submitted_at)
        VALUES (?, ?, ?, 50, ?, ?, ?, ?, ?, ?, 'API', 'paul', ?) RETURNING id""", Long.class, projectId, baselineId,
        reportDate, ac, pv, ev, ev.divide(ac, 4, java.math.RoundingMode.HALF_UP),
        ev.divide(pv, 4, java.math.RoundingMode.HALF_UP), health, ts(NOW));
  }

  /** A month of a role in a baseline's resource plan. */
  public void allocation(long baselineId, long projectId, String role, LocalDate monthStart, String fte) {
    jdbc.update("INSERT INTO allocation (baseline_id, project_id, role, month_start, fte) VALUES (?, ?, ?, ?, ?)",
        baselineId, projectId, role, monthStart, new BigDecimal(fte));
  }

  /** A person of the resource pool; answers the id. */
  public long resource(String userId, String role, String monthlyFte, boolean active) {
    return jdbc.queryForObject("""
        INSERT INTO resource (user_id, name, role, qualification, monthly_capacity_fte, active, created_at, updated_at)
        VALUES (?, ?, ?, 'SENIOR', ?, ?, ?, ?) RETURNING id""", Long.class, userId, "Person " + userId, role,
        new BigDecimal(monthlyFte), active, ts(NOW), ts(NOW));
  }

  /** An entry of the risk and issue register (probability and impact 3 and 4). */
  public long riskIssue(long projectId, String kind, String severity, String status) {
    return jdbc.queryForObject("""
        INSERT INTO risk_issue (project_id, kind, title, severity, probability, impact, owner, status, due_date,
          created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, 3, 4, 'paul', ?, DATE '2027-03-31', 'paul', ?, ?) RETURNING id""", Long.class, projectId,
        kind, kind + " " + severity, severity, status, ts(NOW), ts(NOW));
  }

  /** A benefits review (realised null: not reviewed yet). */
  public void benefitsReview(long projectId, OffsetDateTime dueAt, String expected, String realised) {
    jdbc.update("""
        INSERT INTO benefits_review (project_id, due_at, expected_annual_benefit, realised_annual_benefit,
          realisation_ratio, outcome, reviewed_by, reviewed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", projectId, ts(dueAt), new BigDecimal(expected),
        realised == null ? null : new BigDecimal(realised),
        realised == null ? null : new BigDecimal(realised).divide(new BigDecimal(expected), 4,
            java.math.RoundingMode.HALF_UP),
        realised == null ? null : "PARTIALLY_ACHIEVED", realised == null ? null : "sam",
        realised == null ? null : ts(NOW));
  }

  /** An audit event (not sealed); answers its id. */
  public long auditEvent(OffsetDateTime at, String actor, String action, Long projectId, String projectCode,
      String details) {
    return jdbc.queryForObject("""
        INSERT INTO audit_event (occurred_at, actor, action, project_id, project_code, details)
        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, ts(at), actor, action, projectId, projectCode, details);
  }

  /** A gate review of a project, open or decided (outcome non-null); answers its id. */
  public long gateReview(long projectId, String gate, int attempt, String outcome, OffsetDateTime decidedAt) {
    return jdbc.queryForObject("""
        INSERT INTO gate_review (project_id, gate, attempt, status, outcome, reviewer_groups, opened_at, decided_at)
        VALUES (?, ?, ?, ?, ?, 'pmo, risk', ?, ?) RETURNING id""", Long.class, projectId, gate, attempt,
        outcome == null ? "OPEN" : "DECIDED", outcome, ts(NOW), ts(decidedAt));
  }

  /** A vote (or a recusal) on a reviewed subject of the project; answers its id. */
  public long vote(long projectId, String subjectType, long subjectId, int round, String reviewer, String decision,
      OffsetDateTime decidedAt) {
    return jdbc.queryForObject("""
        INSERT INTO review_decision (subject_type, subject_id, project_id, review_round, stage, group_id, reviewer,
          decision, task_id, decided_at)
        VALUES (?, ?, ?, ?, 'FUNCTIONAL', 'risk', ?, ?, ?, ?) RETURNING id""", Long.class, subjectType, subjectId,
        projectId, round, reviewer, decision, "task-" + reviewer + "-" + subjectId + "-" + round, ts(decidedAt));
  }

  /** An approval the project needs. */
  public void requiredApproval(long projectId, String groupId, String stage, int ordinal) {
    jdbc.update("INSERT INTO project_approval (project_id, group_id, stage, ordinal) VALUES (?, ?, ?, ?)", projectId,
        groupId, stage, ordinal);
  }

  /** A change request of a project in the given status; answers its id. */
  public long changeRequest(long projectId, String code, String status) {
    return jdbc.queryForObject("""
        INSERT INTO change_request (project_id, code, title, reason, scope_change, delay_days, cost_delta,
          risk_impact, regulatory_impact, emergency, status, reapproval_required, requested_by, raised_via, created_at,
          updated_at)
        VALUES (?, ?, 'More scope', 'The regulator asks', TRUE, 30, 50000, 'LOW', FALSE, FALSE, ?, FALSE, 'paul',
          'API', ?, ?) RETURNING id""", Long.class, projectId, code, status, ts(NOW), ts(NOW));
  }

  /** Sets columns of a change request: {@code setChangeRequest(id, "approver_groups = ?", "pmo")}. */
  public void setChangeRequest(long changeId, String assignments, Object... values) {
    Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
    args[values.length] = changeId;
    jdbc.update("UPDATE change_request SET " + assignments + " WHERE id = ?", args);
  }

  /** One value read with SQL: a column the mapper under test writes but does not read back itself. */
  public <T> T read(Class<T> type, String sql, Object... args) {
    return jdbc.queryForObject(sql, type, args);
  }

  private static Timestamp ts(OffsetDateTime at) {
    return at == null ? null : Timestamp.from(at.toInstant());
  }
}
