package io.openpmo.planning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code openpmo.planning.*}: how long the optimiser may search one scenario ({@code solve-time}, default PT10S), and
 * how many scenarios it solves at once on this node ({@code parallel-solves}, default 1; a further request is 503).
 */
@ConfigurationProperties("openpmo.planning")
public record PlanningSettings(Duration solveTime, Integer parallelSolves) {

  public PlanningSettings {
    if (solveTime == null) {
      solveTime = Duration.ofSeconds(10);
    }
    if (solveTime.isNegative() || solveTime.isZero() || solveTime.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("openpmo.planning.solve-time must lie between 0 and 5 minutes");
    }
    if (parallelSolves == null) {
      parallelSolves = 1;
    }
    if (parallelSolves < 1) {
      throw new IllegalArgumentException("openpmo.planning.parallel-solves must be at least 1");
    }
  }
}
