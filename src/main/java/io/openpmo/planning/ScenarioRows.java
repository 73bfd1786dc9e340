package io.openpmo.planning;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The rows of a scenario besides its head: quarter budgets, capacity, candidates with their costs and demand. */
public final class ScenarioRows {

  /** The budget of a calendar quarter of the period, e.g. 2027-Q2. */
  public record QuarterBudget(String quarter, BigDecimal budget) {
  }

  /** A role in a month: what the pool has, and what plans of projects outside the scenario already take. */
  public record Capacity(String role, @JsonFormat(pattern = "yyyy-MM") LocalDate monthStart, BigDecimal capacityFte,
      BigDecimal committedFte) {
  }

  /** A project the scenario may fund, and what the optimiser made of it (funded, start, or why not). */
  public record Candidate(@JsonIgnore Long scenarioId, @JsonIgnore Long projectId, String projectCode, String title,
      String kind, Integer priorityScore, BigDecimal expectedAnnualBenefit, Integer objectiveWeight, Long valuePoints,
      Boolean mandatory, String mandatoryReason, String pin, @JsonFormat(pattern = "yyyy-MM") LocalDate earliestStart,
      @JsonFormat(pattern = "yyyy-MM") LocalDate latestStart, Integer durationMonths, BigDecimal totalCost,
      BigDecimal referenceCost, Boolean funded, @JsonFormat(pattern = "yyyy-MM") LocalDate plannedStart, BigDecimal costInPeriod,
      String exclusion) {

    public static final String IN_DELIVERY = "IN_DELIVERY";
    public static final String APPROVED = "APPROVED";
    public static final String REQUEST = "REQUEST";

    public boolean mustFund() {
      return Boolean.TRUE.equals(mandatory) || "IN".equals(pin);
    }
  }

  /** Cost of a candidate in one month of it (0 = its first month). */
  public record Cost(Long projectId, Integer monthOffset, BigDecimal amount) {
  }

  /** Effort of one role on a candidate in one month of it (0 = its first month). */
  public record Demand(Long projectId, String role, Integer monthOffset, BigDecimal fte) {
  }

  private ScenarioRows() {
  }
}
