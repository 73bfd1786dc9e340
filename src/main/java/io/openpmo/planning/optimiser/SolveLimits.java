package io.openpmo.planning.optimiser;

import java.time.Duration;

/**
 * How long the solver may search: at most {@code spent}, and it stops earlier once {@code unimproved} passed without
 * a better portfolio.
 */
public record SolveLimits(Duration spent, Duration unimproved) {

  public SolveLimits {
    if (spent == null || spent.isNegative() || spent.isZero()) {
      throw new IllegalArgumentException("the solve time must be positive");
    }
    if (unimproved == null || unimproved.isNegative() || unimproved.isZero() || unimproved.compareTo(spent) > 0) {
      unimproved = spent;
    }
  }

  /** At most this long; stops after a fifth of it (at least half a second) without improvement. */
  public static SolveLimits of(Duration spent) {
    Duration fifth = spent.dividedBy(5);
    return new SolveLimits(spent, fifth.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : fifth);
  }
}
