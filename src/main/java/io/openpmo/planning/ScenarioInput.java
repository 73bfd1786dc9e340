package io.openpmo.planning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Inputs of the scenario API. */
public final class ScenarioInput {

  /** A new scenario: for a period, or a variant of another scenario (same candidates, pins and period). */
  public record NewScenario(
      @Schema(example = "2027: growth") String name,
      @Schema(description = "First month, YYYY-MM (not with basedOn)", example = "2027-01") YearMonth periodFrom,
      @Schema(description = "Months of the period, 1-36 (default 12)", example = "12") Integer months,
      @Schema(description = "Budget of the period", example = "9000000") BigDecimal budgetTotal,
      @Schema(description = "Budget per calendar quarter of the period, e.g. {\"2027-Q1\": 2500000}")
      Map<String, BigDecimal> quarterBudgets,
      @Schema(description = "Code of a scenario to copy (candidates, pins, windows, demand)") String basedOn) {
  }

  /** Changes to the budget of a scenario (the quarter budgets, when given, replace the previous ones). */
  public record ScenarioChange(String name, BigDecimal budgetTotal, Map<String, BigDecimal> quarterBudgets) {
  }

  /** What the PMO sets on one candidate; absent fields stay as they are. */
  public record CandidateChange(
      @Schema(description = "IN (always funded), OUT (never) or NONE") String pin,
      @Schema(description = "Always funded, with a reason") Boolean mandatory,
      String mandatoryReason,
      @Schema(description = "First month it may start, YYYY-MM") YearMonth earliestStart,
      @Schema(description = "Last month it may start, YYYY-MM") YearMonth latestStart,
      @Schema(description = "An estimate of effort per role, the same FTE in each month of the project; replaces"
          + " the demand it had") List<DemandEstimate> demand) {
  }

  /** FTE of a role in every month of a project. */
  public record DemandEstimate(String role, BigDecimal fte) {
  }

  private ScenarioInput() {
  }
}
