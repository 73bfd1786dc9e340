package io.openpmo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Median and 90th percentile by linear interpolation between the closest ranks. */
class PercentilesTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Percentiles.median(List.of(7.0, 1.0, 3.0))).isEqualByComparingTo("3.00");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Percentiles.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualByComparingTo("2.50");
  }

  @Test
  void ninetiethPercentileInterpolatesBetweenTheClosestRanks() {
    // h = (10 - 1) * 0.9 = 8.1: x[8] + 0.1 * (x[9] - x[8]) = 9 + 0.1 * 1
    assertThat(Percentiles.p90(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0)))
        .isEqualByComparingTo("9.10");
    // h = (4 - 1) * 0.9 = 2.7: 3 + 0.7 * (100 - 3) = 70.9; one slow review pulls p90 up, not the median
    List<Double> days = List.of(1.0, 2.0, 3.0, 100.0);
    assertThat(Percentiles.p90(days)).isEqualByComparingTo("70.90");
    assertThat(Percentiles.median(days)).isEqualByComparingTo("2.50");
  }

  @Test
  void oneValueIsEveryPercentileOfItselfAndNoValuesHaveNone() {
    assertThat(Percentiles.median(List.of(1.234))).isEqualByComparingTo("1.23");
    assertThat(Percentiles.p90(List.of(1.234))).isEqualByComparingTo("1.23");
    assertThat(Percentiles.median(List.of())).isNull();
    assertThat(Percentiles.p90(List.of())).isNull();
  }

  @Test
  void theEndsAreTheSmallestAndTheLargestValue() {
    List<Double> days = List.of(2.5, 0.5, 9.75);
    assertThat(Percentiles.percentile(days, 0)).isEqualByComparingTo("0.50");
    assertThat(Percentiles.percentile(days, 1)).isEqualByComparingTo("9.75");
    assertThatThrownBy(() -> Percentiles.percentile(days, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultsAreRoundedHalfUpToTwoDecimalsAndDurationsCountInDays() {
    assertThat(Percentiles.median(List.of(0.125, 0.125))).isEqualByComparingTo("0.13");
    assertThat(Percentiles.days(36L * 60 * 60 * 1000)).isEqualTo(1.5);
  }
}
