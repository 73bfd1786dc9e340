package io.openpmo.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The portfolio at a glance, as the dashboard reads it: totals, counts and budget by status, phase, priority
 * class, risk tier and health, one line per project, and what needs attention. Every field is always present;
 * figures that do not exist yet (no baseline, no status report) are null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PortfolioReport(Instant generatedAt, int projectCount, Totals totals, List<Group> byStatus,
    List<Group> byPhase, List<Group> byPriorityClass, List<Group> byRiskTier, List<Group> byHealth,
    List<ProjectLine> projects, List<Attention> attention) {

  /** Health of a project without any status report yet. */
  public static final String NO_HEALTH = "NONE";

  /**
   * Sums over the projects (nulls skipped); cpi = ΣEV/ΣAC and spi = ΣEV/ΣPV over the projects with a status
   * report, null when the divisor is 0.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Totals(BigDecimal budget, BigDecimal budgetAtCompletion, BigDecimal actualCost,
      BigDecimal plannedValue, BigDecimal earnedValue, BigDecimal cpi, BigDecimal spi) {
  }

  /** How many projects share a key, and their requested budget. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Group(String key, int count, BigDecimal budget) {
  }

  /**
   * One project: requested budget, BAC of the baseline in force, earned value of its latest status report,
   * and the running process that matters (lifecycle, else initiation).
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ProjectLine(String code, String title, ProjectStatus status, ProjectPhase phase,
      PriorityClass priorityClass, RiskTier riskTier, String health, BigDecimal budget, BigDecimal budgetAtCompletion,
      BigDecimal actualCost, BigDecimal plannedValue, BigDecimal earnedValue, BigDecimal cpi, BigDecimal spi,
      String projectManager, String sponsor, String processInstanceId, @JsonIgnore int missedReports) {

    static final List<String> CSV_HEADER = List.of("code", "title", "status", "phase", "priorityClass", "riskTier",
        "health", "budget", "budgetAtCompletion", "actualCost", "plannedValue", "earnedValue", "cpi", "spi",
        "projectManager", "sponsor", "processInstanceId");

    List<?> csvRow() {
      return Arrays.asList(code, title, status, phase, priorityClass, riskTier, health, budget, budgetAtCompletion,
          actualCost, plannedValue, earnedValue, cpi, spi, projectManager, sponsor, processInstanceId);
    }

    ProjectLine withProcessInstanceId(String id) {
      return new ProjectLine(code, title, status, phase, priorityClass, riskTier, health, budget, budgetAtCompletion,
          actualCost, plannedValue, earnedValue, cpi, spi, projectManager, sponsor, id, missedReports);
    }

    boolean hasStatusReport() {
      return earnedValue != null;
    }
  }

  /** Why a project needs attention: RED, MISSED_REPORTS, OVERDUE_GATE or OVERDUE_REVIEW. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Attention(String code, String title, Reason reason, String detail, Instant due, String taskId,
      String processInstanceId) {
  }

  /** Reasons for attention, in the order the report lists them. */
  public enum Reason {
    /** The latest health rating is RED and the project is not final. */
    RED,
    /** One or more status reports did not come in time. */
    MISSED_REPORTS,
    /** An open task of a stage gate review is past its due date. */
    OVERDUE_GATE,
    /** Any other open task of a group (initiation review, change approval, ...) is past its due date. */
    OVERDUE_REVIEW
  }
}
