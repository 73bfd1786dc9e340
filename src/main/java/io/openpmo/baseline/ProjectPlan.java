package io.openpmo.baseline;

import io.openpmo.core.CheckedInService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The plan a project manager submits for G1 (and a change proposes): the future baseline. */
@CheckedInService
@Schema(description = "Baseline proposal: budget at completion, dates, milestones and resource plan")
public record ProjectPlan(
    @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal budgetAtCompletion,
    @NotNull LocalDate startDate,
    @NotNull LocalDate endDate,
    @Size(max = 50) List<@NotNull @Valid PlannedMilestone> milestones,
    @Size(max = 200) List<@NotNull @Valid PlannedAllocation> allocations) {

  public record PlannedMilestone(@NotNull @Size(max = 200) String name, @NotNull LocalDate dueDate) {
  }

  /** A named resource (by id or user id) or a role to staff, for a month (YYYY-MM), in FTE. */
  public record PlannedAllocation(@Size(max = 50) String role, Long resourceId, @Size(max = 64) String resourceUserId,
      @Schema(example = "2027-03") @Size(max = 10) String month,
      @NotNull @Positive @DecimalMin("0.01") @Digits(integer = 2, fraction = 2) BigDecimal fte) {
  }
}
