package io.openpmo.report;

import io.openpmo.closure.ClosureSummary;
import io.openpmo.gate.GateCondition;
import io.openpmo.baseline.Baseline;
import io.openpmo.portfolio.ProjectView;
import io.openpmo.project.GateOutcome;
import io.openpmo.project.Project;
import io.openpmo.status.RiskIssue;
import io.openpmo.status.StatusReport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a printable project report shows, assembled by {@link ProjectReportService} and printed by
 * {@link ProjectReportPdf}: plain data, so that the renderer needs neither Spring nor a database.
 *
 * <p>Only {@code generatedAt} and {@code project} are required. Every other part is optional: a null part is
 * left out of the report, an empty list prints as "None recorded". To add a section (e.g. closure figures or
 * lessons learned): add a nullable component here, fill it where the report is assembled, and add one method
 * to {@link ProjectReportPdf} that prints it.
 *
 * @param generatedAt     when the report was made
 * @param project         the project: title block (code, title, status, phase, sponsor, PM, business unit) and
 *                        scores (risk score and tier, priority score and class)
 * @param decisionRules   the latest evaluation of each decision table and the rules that fired: why the scores
 * @param requiredApprovals the groups whose approval the request needed
 * @param reviews         every review decision on the project (request, gates, changes), oldest first
 * @param gates           the gate reviews with outcome and checklist
 * @param gateConditions  conditions set by GO_WITH_CONDITIONS and their status
 * @param baselines       every baseline version
 * @param statusReports   the status history with earned value and health, oldest first
 * @param register        risks and issues of the register
 * @param closure         closure figures, lessons learned and the benefits review (null before any of them)
 * @param decisionVersions every evaluation of a decision for the project with the version (and version tag, and
 *                        approving model change) that decided it
 */
public record ProjectReport(
    Instant generatedAt,
    Project project,
    List<ProjectView.DecisionEvaluation> decisionRules,
    List<ProjectView.Approval> requiredApprovals,
    List<Review> reviews,
    List<Gate> gates,
    List<GateCondition> gateConditions,
    List<Baseline> baselines,
    List<StatusReport> statusReports,
    List<RiskIssue> register,
    ClosureSummary closure,
    List<ProjectView.DecisionUse> decisionVersions) {

  public ProjectReport(Instant generatedAt, Project project, List<ProjectView.DecisionEvaluation> decisionRules,
      List<ProjectView.Approval> requiredApprovals, List<Review> reviews, List<Gate> gates,
      List<GateCondition> gateConditions, List<Baseline> baselines, List<StatusReport> statusReports,
      List<RiskIssue> register, ClosureSummary closure) {
    this(generatedAt, project, decisionRules, requiredApprovals, reviews, gates, gateConditions, baselines,
        statusReports, register, closure, null);
  }

  public ProjectReport {
    if (generatedAt == null || project == null) {
      throw new IllegalArgumentException("a project report needs the project and when it was generated");
    }
  }

  /**
   * One vote or conflict-of-interest declaration; subject names what was reviewed ("Request (G0)", "G1", ...);
   * {@code actingFor} whom a deputy stood in for.
   */
  public record Review(String subject, Integer round, String stage, String group, String reviewer, String decision,
      String comment, OffsetDateTime decidedAt, String actingFor) {

    public Review(String subject, Integer round, String stage, String group, String reviewer, String decision,
        String comment, OffsetDateTime decidedAt) {
      this(subject, round, stage, group, reviewer, decision, comment, decidedAt, null);
    }
  }

  /** One gate review (attempt) with the project manager's checklist. */
  public record Gate(String gate, Integer attempt, String status, GateOutcome outcome, String reviewerGroups,
      OffsetDateTime openedAt, OffsetDateTime decidedAt, List<ChecklistItem> checklist, String checklistNotes) {
  }

  public record ChecklistItem(String item, boolean done) {
  }
}
