package io.openpmo.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A status report as a project manager submits it (Tasklist form or API). */
@Schema(description = "Status report: percent complete, actual cost to date, milestone updates, notes")
public record StatusReportInput(
    @Schema(description = "Defaults to today") LocalDate reportDate,
    BigDecimal percentComplete,
    BigDecimal actualCostToDate,
    List<MilestoneStatus> milestones,
    String notes) {

  /** ON_TRACK, AT_RISK, LATE or DONE, with a forecast or actual date. */
  public record MilestoneStatus(Long milestoneId, String status, LocalDate forecastDate, LocalDate actualDate) {
  }
}
