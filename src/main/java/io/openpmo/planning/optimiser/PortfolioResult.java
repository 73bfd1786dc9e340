package io.openpmo.planning.optimiser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A portfolio chosen for a problem: the start of each candidate (null: not funded), its value and spend, whether it
 * breaks anything (only when mandatory and pinned-in candidates alone do not fit), and why each candidate left out
 * is left out.
 *
 * @param method     how it was chosen: "exhaustive search" or "local search" (the optimiser), "greedy"
 * @param starts     month index per candidate, in the problem's order; null when not funded
 * @param value      the value points funded
 * @param spend      what the funded candidates spend within the period
 * @param violations what the portfolio breaks; empty when feasible
 * @param exclusions one per candidate left out, in the problem's order
 * @param score      the solver's score ("n/a" for the greedy baseline)
 * @param elapsed    how long choosing took
 */
public record PortfolioResult(String method, Integer[] starts, long value, long spend, List<Violation> violations,
    List<Exclusion> exclusions, String score, Duration elapsed) {

  public boolean feasible() {
    return violations.isEmpty();
  }

  public long fundedCount() {
    long count = 0;
    for (Integer start : starts) {
      if (start != null) {
        count++;
      }
    }
    return count;
  }

  /** The result for the portfolio in the ledger, with the exclusions explained. */
  static PortfolioResult of(String method, PortfolioProblem problem, Ledger ledger, String score, Duration elapsed) {
    List<Exclusion> exclusions = new ArrayList<>();
    for (int i = 0; i < problem.candidates().size(); i++) {
      if (ledger.start(i) == null) {
        exclusions.add(explain(problem, ledger, i));
      }
    }
    return new PortfolioResult(method, ledger.starts(), ledger.value(), ledger.spend(), ledger.violations(),
        exclusions, score, elapsed);
  }

  /**
   * Re-checks what adding the candidate would break at each start of its window and keeps the start that breaks
   * the fewest constraints, then by the smallest share of its own.
   */
  public static Exclusion explain(PortfolioProblem problem, Ledger ledger, int candidate) {
    Candidate c = problem.candidate(candidate);
    if (c.pinnedOut()) {
      return new Exclusion(c.code(), true, null, List.of());
    }
    Integer bestStart = null;
    List<Violation> best = null;
    Comparator<List<Violation>> fewest = Comparator.<List<Violation>>comparingInt(List::size)
        .thenComparingLong(list -> list.stream().mapToLong(Violation::ownShare).sum());
    for (int start = c.earliestStart(); start <= c.latestStart(); start++) {
      List<Violation> wouldBreak = ledger.violationsIfFunded(candidate, start);
      if (best == null || fewest.compare(wouldBreak, best) < 0) {
        best = wouldBreak;
        bestStart = start;
      }
    }
    return new Exclusion(c.code(), false, bestStart, best);
  }
}
