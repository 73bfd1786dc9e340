package io.openpmo.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Earned value of one status report against the baseline in force on the report date.
 * <ul>
 *   <li>PV, planned value: BAC times the share of the baseline's duration elapsed at the report date
 *       (linear plan; 0 before the start, BAC after the end);</li>
 *   <li>EV, earned value: BAC times percent complete;</li>
 *   <li>AC, actual cost to date;</li>
 *   <li>CPI = EV / AC and SPI = EV / PV; undefined (null) while AC or PV is zero, never a division by zero.</li>
 * </ul>
 */
public record EarnedValue(BigDecimal plannedValue, BigDecimal earnedValue, BigDecimal actualCost, BigDecimal cpi,
    BigDecimal spi) {

  private static final int MONEY = 2;
  private static final int INDEX = 4;

  public static EarnedValue of(BigDecimal budgetAtCompletion, LocalDate start, LocalDate end, LocalDate reportDate,
      BigDecimal percentComplete, BigDecimal actualCost) {
    if (budgetAtCompletion == null || budgetAtCompletion.signum() <= 0) {
      throw new IllegalArgumentException("budget at completion must be positive");
    }
    if (start == null || end == null || !end.isAfter(start)) {
      throw new IllegalArgumentException("the baseline must end after it starts");
    }
    BigDecimal percent = percentComplete == null ? BigDecimal.ZERO : percentComplete;
    if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("percent complete must be between 0 and 100");
    }
    BigDecimal ac = actualCost == null ? BigDecimal.ZERO : actualCost;
    if (ac.signum() < 0) {
      throw new IllegalArgumentException("actual cost must not be negative");
    }
    long total = ChronoUnit.DAYS.between(start, end);
    long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, reportDate)));
    BigDecimal pv = budgetAtCompletion.multiply(BigDecimal.valueOf(elapsed))
        .divide(BigDecimal.valueOf(total), MONEY, RoundingMode.HALF_UP);
    BigDecimal ev = budgetAtCompletion.multiply(percent).divide(BigDecimal.valueOf(100), MONEY, RoundingMode.HALF_UP);
    BigDecimal cpi = ac.signum() == 0 ? null : ev.divide(ac, INDEX, RoundingMode.HALF_UP);
    BigDecimal spi = pv.signum() == 0 ? null : ev.divide(pv, INDEX, RoundingMode.HALF_UP);
    return new EarnedValue(pv, ev, ac.setScale(MONEY, RoundingMode.HALF_UP), cpi, spi);
  }
}
