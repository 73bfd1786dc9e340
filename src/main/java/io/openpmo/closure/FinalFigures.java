package io.openpmo.closure;

import io.openpmo.baseline.Baseline;
import io.openpmo.status.EarnedValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The final figures of a project against the baseline in force at its end: cost variance (BAC - final
 * cost, negative when over budget), schedule variance in days (actual end - baseline end, positive when
 * late), final CPI (EV/AC) and SPI (EV/PV with PV at the actual end date). Without a baseline (stopped
 * before G1) only the cost is known.
 */
public record FinalFigures(BigDecimal finalCost, BigDecimal percentComplete, LocalDate actualEndDate,
    BigDecimal budgetAtCompletion, LocalDate baselineEndDate, BigDecimal costVariance, Integer scheduleVarianceDays,
    BigDecimal cpi, BigDecimal spi) {

  public static FinalFigures of(Baseline baseline, BigDecimal finalCost, BigDecimal percentComplete,
      LocalDate actualEndDate) {
    if (baseline == null) {
      return new FinalFigures(finalCost, percentComplete, actualEndDate, null, null, null, null, null, null);
    }
    EarnedValue ev = EarnedValue.of(baseline.budgetAtCompletion(), baseline.startDate(), baseline.endDate(),
        actualEndDate, percentComplete, finalCost);
    return new FinalFigures(finalCost, percentComplete, actualEndDate, baseline.budgetAtCompletion(),
        baseline.endDate(), baseline.budgetAtCompletion().subtract(finalCost).setScale(2, RoundingMode.HALF_UP),
        Math.toIntExact(ChronoUnit.DAYS.between(baseline.endDate(), actualEndDate)), ev.cpi(), ev.spi());
  }
}
