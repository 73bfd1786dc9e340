package io.openpmo.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the portfolio offers a new scenario, read from the projects, baselines, status reports and resource pool. */
final class PortfolioSource {

  /** A live project with its request, baseline in force and latest actual cost. */
  record Project(Long id, String code, String title, String status, String phase, Integer priorityScore,
      BigDecimal expectedAnnualBenefit, BigDecimal budget, LocalDate startDate, Integer durationMonths,
      LocalDate regulatoryDeadline, Long currentBaselineId, BigDecimal budgetAtCompletion, LocalDate baselineStart,
      LocalDate baselineEnd, BigDecimal actualCost) {

    boolean inDelivery() {
      return "ACTIVE".equals(status) && "DELIVERY".equals(phase) && currentBaselineId != null;
    }
  }

  record Allocation(Long projectId, String role, LocalDate monthStart, BigDecimal fte) {
  }

  record RoleCapacity(String role, BigDecimal capacityFte) {
  }

  /** A candidate of a plan's scenario with its project as it is now. */
  record PlanLine(Long projectId, String code, String title, String status, String kind, Boolean funded,
      LocalDate plannedStart, BigDecimal referenceCost, String exclusion, BigDecimal budget,
      BigDecimal budgetAtCompletion, LocalDate baselineStart) {
  }

  private PortfolioSource() {
  }
}
