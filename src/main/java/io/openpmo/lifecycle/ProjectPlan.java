package io.openpmo.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plan a project manager submits for G1 (and a change proposes): the future baseline. */
@Schema(description = "Baseline proposal: budget at completion, dates, milestones and resource plan")
public record ProjectPlan(
    BigDecimal budgetAtCompletion,
    LocalDate startDate,
    LocalDate endDate,
    List<PlannedMilestone> milestones,
    List<PlannedAllocation> allocations) {

  public record PlannedMilestone(String name, LocalDate dueDate) {
  }

  /** A named resource (by id or user id) or a role to staff, for a month (YYYY-MM), in FTE. */
  public record PlannedAllocation(String role, Long resourceId, String resourceUserId,
      @Schema(example = "2027-03") String month, BigDecimal fte) {
  }
}
