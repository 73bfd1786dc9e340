package io.openpmo.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Median and percentiles of durations in days.
 *
 * <p>Definition: linear interpolation between the closest ranks (type 7 of Hyndman and Fan, as Excel's
 * PERCENTILE.INC and NumPy's default). For the n values sorted ascending, x[0] .. x[n-1], and p between 0 and
 * 1: h = (n - 1) p, and the percentile is x[⌊h⌋] + (h - ⌊h⌋) (x[⌊h⌋ + 1] - x[⌊h⌋]). So the median (p = 0.5)
 * of an even count is the mean of the two middle values, and the 90th percentile of 1..10 is 9.1. One value is
 * every percentile of itself; no values have none (null). Results are rounded half up to 2 decimals.
 */
final class Percentiles {

  static final int SCALE = 2;
  static final double MILLIS_PER_DAY = 86_400_000d;

  static BigDecimal median(List<Double> values) {
    return percentile(values, 0.5);
  }

  static BigDecimal p90(List<Double> values) {
    return percentile(values, 0.9);
  }

  static BigDecimal percentile(List<Double> values, double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("p must lie between 0 and 1: " + p);
    }
    if (values.isEmpty()) {
      return null;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double h = (sorted.length - 1) * p;
    int below = (int) Math.floor(h);
    int above = Math.min(below + 1, sorted.length - 1);
    return round(sorted[below] + (h - below) * (sorted[above] - sorted[below]));
  }

  /** A duration in milliseconds as days. */
  static double days(long millis) {
    return millis / MILLIS_PER_DAY;
  }

  static BigDecimal round(double days) {
    return BigDecimal.valueOf(days).setScale(SCALE, RoundingMode.HALF_UP);
  }

  private Percentiles() {
  }
}
