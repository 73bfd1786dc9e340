package io.openpmo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The value points of a candidate, which the optimiser maximises: its priority score (0-100, the projectPriority
 * decision: alignment, benefit ratio, type, regulatory deadline), plus 10 per weight point of the strategic objectives
 * it serves (weight 1-5 each), plus 1 per 10,000 of expected annual benefit, at most 100. So a P2 request (score 60)
 * serving two objectives of weight 4 and 3 (70) with 450,000 of annual benefit (45) is worth 175 points.
 */
public final class CandidateValue {

  public static final int POINTS_PER_OBJECTIVE_WEIGHT = 10;
  public static final BigDecimal BENEFIT_PER_POINT = new BigDecimal("10000");
  public static final int MAX_BENEFIT_POINTS = 100;

  public static long points(Integer priorityScore, int objectiveWeight, BigDecimal expectedAnnualBenefit) {
    long benefit = expectedAnnualBenefit == null ? 0
        : expectedAnnualBenefit.divide(BENEFIT_PER_POINT, 0, RoundingMode.DOWN).min(BigDecimal.valueOf(MAX_BENEFIT_POINTS))
            .longValue();
    return (priorityScore == null ? 0 : priorityScore) + (long) POINTS_PER_OBJECTIVE_WEIGHT * objectiveWeight
        + Math.max(0, benefit);
  }

  private CandidateValue() {
  }
}
