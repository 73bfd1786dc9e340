package io.openpmo.planning;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A planning scenario: a period, its budget (total; per quarter in {@link QuarterBudget}), the candidates and, once
 * solved, what the optimiser funds. DRAFT until solved; SOLVED; IN_REVIEW while a portfolio review has it; APPROVED
 * when it became the portfolio plan; REJECTED when another scenario of its review was approved.
 */
public record Scenario(Long id, String code, String name, @JsonFormat(pattern = "yyyy-MM") LocalDate periodFrom,
    Integer months, BigDecimal budgetTotal, String status, @JsonIgnore Long basedOnId, String createdBy,
    OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt, String solvedBy, OffsetDateTime solvedAt,
    Long solveMillis, String solveMethod, String score, Boolean feasible, Long valueFunded, Long greedyValue,
    BigDecimal costInPeriod, String violations, Integer version) {

  public static final String DRAFT = "DRAFT";
  public static final String SOLVED = "SOLVED";
  public static final String IN_REVIEW = "IN_REVIEW";
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";

  @JsonIgnore
  public YearMonth firstMonth() {
    return YearMonth.from(periodFrom);
  }

  @JsonFormat(pattern = "yyyy-MM")
  public LocalDate periodTo() {
    return periodFrom.plusMonths(months - 1L);
  }

  /** Whether the PMO may still change it (not while reviewed, not once decided). */
  @JsonIgnore
  public boolean editable() {
    return DRAFT.equals(status) || SOLVED.equals(status);
  }
}
