package io.openpmo.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Earned value arithmetic: PV from the baseline, EV from percent complete, CPI and SPI without divisions by zero. */
class EarnedValueTest {

  static final BigDecimal BAC = new BigDecimal("1000000");
  static final LocalDate START = LocalDate.of(2027, 1, 1);
  static final LocalDate END = LocalDate.of(2027, 12, 31);   // 364 days

  static EarnedValue at(LocalDate date, String percent, String actualCost) {
    return EarnedValue.of(BAC, START, END, date, new BigDecimal(percent), new BigDecimal(actualCost));
  }

  @Test
  void halfwayOnPlanAndOnBudgetGivesIndicesOfOne() {
    EarnedValue ev = at(START.plusDays(182), "50", "500000");
    assertThat(ev.plannedValue()).isEqualByComparingTo("500000");
    assertThat(ev.earnedValue()).isEqualByComparingTo("500000");
    assertThat(ev.cpi()).isEqualByComparingTo("1");
    assertThat(ev.spi()).isEqualByComparingTo("1");
  }

  @Test
  void overspendAndDelayShowBelowOne() {
    // a quarter of the time gone (91/364), 20 % done, 300k spent
    EarnedValue ev = at(START.plusDays(91), "20", "300000");
    assertThat(ev.plannedValue()).isEqualByComparingTo("250000.00");
    assertThat(ev.earnedValue()).isEqualByComparingTo("200000.00");
    assertThat(ev.cpi()).isEqualByComparingTo("0.6667");
    assertThat(ev.spi()).isEqualByComparingTo("0.8000");
  }

  @Nested
  class NoDivisionByZero {

    @Test
    void nothingSpentYetLeavesCpiUndefined() {
      EarnedValue ev = at(START.plusDays(30), "5", "0");
      assertThat(ev.cpi()).isNull();
      assertThat(ev.spi()).isNotNull();
    }

    @Test
    void onTheStartDayThereIsNoPlannedValueAndNoSpi() {
      EarnedValue ev = at(START, "0", "1000");
      assertThat(ev.plannedValue()).isEqualByComparingTo("0");
      assertThat(ev.spi()).isNull();
      assertThat(ev.cpi()).isEqualByComparingTo("0");
    }

    @Test
    void beforeTheStartPlannedValueIsZero() {
      assertThat(at(START.minusDays(10), "0", "0").plannedValue()).isEqualByComparingTo("0");
    }

    @Test
    void afterTheEndPlannedValueIsTheWholeBudget() {
      EarnedValue ev = at(END.plusDays(40), "90", "1200000");
      assertThat(ev.plannedValue()).isEqualByComparingTo("1000000");
      assertThat(ev.spi()).isEqualByComparingTo("0.9");
      assertThat(ev.cpi()).isEqualByComparingTo("0.75");
    }

    @Test
    void missingPercentAndCostCountAsZero() {
      EarnedValue ev = EarnedValue.of(BAC, START, END, START.plusDays(100), null, null);
      assertThat(ev.earnedValue()).isEqualByComparingTo("0");
      assertThat(ev.actualCost()).isEqualByComparingTo("0");
      assertThat(ev.cpi()).isNull();
      assertThat(ev.spi()).isEqualByComparingTo("0");
    }
  }

  @Nested
  class Refused {

    @Test
    void percentOutsideZeroToHundred() {
      assertThatThrownBy(() -> at(START.plusDays(1), "101", "0")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> at(START.plusDays(1), "-1", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeCost() {
      assertThatThrownBy(() -> at(START.plusDays(1), "10", "-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baselineWithoutBudgetOrDuration() {
      assertThatThrownBy(() -> EarnedValue.of(BigDecimal.ZERO, START, END, END, BigDecimal.TEN, BigDecimal.ONE))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> EarnedValue.of(BAC, START, START, END, BigDecimal.TEN, BigDecimal.ONE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
