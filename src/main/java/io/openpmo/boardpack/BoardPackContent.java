package io.openpmo.boardpack;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openpmo.report.PortfolioReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the management body's pack says about a period, assembled by {@link BoardPackContents} and printed by
 * {@link BoardPackPdf} and {@link BoardPackCsv}: plain data.
 *
 * @param health      portfolio health now (projects by RAG) and its trend: the latest rating of each project at the
 *                    end of each of the last six months
 * @param budget      budget against plan: the portfolio totals, what the plan in force planned for the period's
 *                    months, and one line per live project
 * @param topRisks    the ten open risks with the highest probability x impact
 * @param criticalIssues open issues of severity CRITICAL
 * @param dora        projects that support a critical or important function or depend on an ICT third party
 * @param decisions   decisions and changes of the period, from the audit trail
 * @param overdue     decisions waiting past their due date (open tasks of groups)
 * @param benefits    benefits realised against expected, from the benefits reviews
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BoardPackContent(Instant generatedAt, LocalDate periodFrom, LocalDate periodTo, Health health,
    Budget budget, List<RiskLine> topRisks, List<RiskLine> criticalIssues, List<DoraLine> dora,
    List<DecisionLine> decisions, List<OverdueLine> overdue, Benefits benefits) {

  public record Health(Map<String, Integer> now, List<HealthMonth> trend) {
  }

  public record HealthMonth(String month, int green, int amber, int red, int notRated) {
  }

  public record Budget(PortfolioReport.Totals totals, String plan, BigDecimal plannedSpendInPeriod,
      List<ProjectBudget> projects) {
  }

  /** A live project: requested budget, BAC, actual cost and CPI, and what the plan in force says of it. */
  public record ProjectBudget(String code, String title, String health, BigDecimal budget,
      BigDecimal budgetAtCompletion, BigDecimal actualCost, BigDecimal cpi, String inPlan, BigDecimal plannedCost) {
  }

  public record RiskLine(String code, String project, String kind, String title, String severity, Integer score,
      String owner, String status, LocalDate dueDate) {
  }

  public record DoraLine(String code, String title, String thirdParty, boolean criticalFunction, String status,
      String phase, String health, String riskTier) {
  }

  public record DecisionLine(OffsetDateTime at, String code, String action, String actor, String details) {
  }

  public record OverdueLine(String code, String task, String groups, String assignee, Instant due, long daysOverdue) {
  }

  public record Benefits(BigDecimal expected, BigDecimal realised, BigDecimal ratio, List<BenefitLine> reviews) {
  }

  public record BenefitLine(String code, String title, BigDecimal expected, BigDecimal realised, BigDecimal ratio,
      String outcome, OffsetDateTime dueAt, OffsetDateTime reviewedAt) {
  }
}
