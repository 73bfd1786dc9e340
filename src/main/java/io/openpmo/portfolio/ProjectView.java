package io.openpmo.portfolio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.openpmo.closure.ClosureSummary;
import io.openpmo.deputy.DeputyAction;
import io.openpmo.gate.GateCondition;
import io.openpmo.gate.GateReview;
import io.openpmo.baseline.Baseline;
import io.openpmo.project.Project;
import io.openpmo.status.StatusReport;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A project as the API shows it: the request, its scores and why, its approvals, every vote of every decision
 * (request, gates, changes), its open tasks, and what deputies did for absent people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectView(
    @JsonUnwrapped Project project,
    List<Approval> requiredApprovals,
    List<Review> reviews,
    List<OpenTask> openTasks,
    List<DecisionEvaluation> decisionRules,
    Baseline currentBaseline,
    List<GateReview> gates,
    List<GateCondition> gateConditions,
    Health latestHealth,
    List<StatusReport> statusReports,
    ClosureSummary closure,
    List<DecisionUse> decisionVersions,
    List<DeputyAction> deputyActions) {

  /** The latest health rating with its earned value indices. */
  public record Health(String health, java.time.LocalDate reportDate, java.math.BigDecimal percentComplete,
      java.math.BigDecimal cpi, java.math.BigDecimal spi) {
  }

  public record Approval(String group, String stage) {
  }

  /**
   * One vote or conflict-of-interest declaration on the request, a gate or a change: {@code subject} says which
   * ("Request (G0)", "G1", "PRJ-2026-0003-CR1"), {@code actingFor} whom a deputy stood in for.
   */
  public record Review(String subjectType, Long subjectId, String subject, int round, String stage, String group,
      String reviewer, String actingFor, String decision, String comment, OffsetDateTime decidedAt) {
  }

  public record OpenTask(String id, String name, String taskDefinitionKey, List<String> candidateGroups,
      String assignee, OffsetDateTime created, OffsetDateTime due) {
  }

  /**
   * One evaluation of a decision table and the rules that fired, with their descriptions, and the version of the
   * decision that decided (deployed version, version tag, and the model change that approved it).
   */
  public record DecisionEvaluation(String decision, String decisionName, OffsetDateTime evaluatedAt,
      List<FiredRule> rules, DecisionVersion decidedBy) {

    public DecisionEvaluation(String decision, String decisionName, OffsetDateTime evaluatedAt, List<FiredRule> rules) {
      this(decision, decisionName, evaluatedAt, rules, null);
    }
  }

  /**
   * A deployed version of a decision: its engine version and id, the version tag the process owner gave it, the
   * deployment, and how it came into force: the model change that approved it (origin APPROVED or EMERGENCY), or
   * shipped with the application (SHIPPED, ADOPTED). With it an auditor can fetch the very table that decided
   * ({@code GET /engine-rest/decision-definition/{decisionDefinitionId}/xml}) and reproduce the decision.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DecisionVersion(int version, String versionTag, String decisionDefinitionId, String deploymentId,
      String origin, String modelChange) {

    /** "v3 (tag 2026.2, MC-7)". */
    public String label() {
      return "v" + version + (versionTag == null ? "" : " (tag " + versionTag + ")")
          + (modelChange == null ? (origin == null ? "" : " " + origin.toLowerCase(java.util.Locale.ROOT))
          : " " + modelChange);
    }
  }

  /**
   * Every evaluation of a decision for the project, oldest first: which version decided each score, route, class and
   * health rating, in which process step, with what outcome.
   */
  public record DecisionUse(OffsetDateTime evaluatedAt, String decision, String process, String step, String outcome,
      DecisionVersion decidedBy) {
  }

  public record FiredRule(String ruleId, String description, Map<String, Object> outputs) {
  }
}
