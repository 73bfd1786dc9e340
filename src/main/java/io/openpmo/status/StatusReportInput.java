package io.openpmo.status;

import io.openpmo.core.CheckedInService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A status report as a project manager submits it (Tasklist form or API). */
@CheckedInService
@Schema(description = "Status report: percent complete, actual cost to date, milestone updates, notes")
public record StatusReportInput(
    @Schema(description = "Defaults to today") LocalDate reportDate,
    @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percentComplete,
    @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal actualCostToDate,
    @Size(max = 500) List<@NotNull @Valid MilestoneStatus> milestones,
    @Size(max = 4000) String notes) {

  /** ON_TRACK, AT_RISK, LATE or DONE, with a forecast or actual date. */
  public record MilestoneStatus(@NotNull Long milestoneId,
      @NotNull @Schema(allowableValues = {"ON_TRACK", "AT_RISK", "LATE", "DONE"}) String status,
      LocalDate forecastDate, LocalDate actualDate) {
  }
}
