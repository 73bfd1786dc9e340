package io.openpmo.planning.optimiser;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The portfolio a PMO gets without an optimiser: fund by priority until the money runs out. Mandatory and
 * pinned-in candidates first, at their earliest start; then the others by priority score, highest first (value
 * points break ties), each at the earliest start of its window where it still fits every budget and capacity, or
 * not at all. The benchmark compares the optimiser against it.
 */
public final class GreedyBaseline {

  public PortfolioResult solve(PortfolioProblem problem) {
    long started = System.nanoTime();
    Ledger ledger = new Ledger(problem);
    int[] order = IntStream.range(0, problem.candidates().size()).boxed()
        .sorted(Comparator.<Integer>comparingInt(i -> problem.candidate(i).mustFund() ? 0 : 1)
            .thenComparing(i -> -problem.candidate(i).priority())
            .thenComparing(i -> -problem.candidate(i).value()))
        .mapToInt(Integer::intValue).toArray();
    for (int i : order) {
      Candidate c = problem.candidate(i);
      if (c.pinnedOut()) {
        continue;
      }
      if (c.mustFund()) {
        ledger.fund(i, firstFit(ledger, i, c).orElse(c.earliestStart()));
        continue;
      }
      firstFit(ledger, i, c).ifPresent(start -> ledger.fund(i, start));
    }
    return PortfolioResult.of("greedy", problem, ledger, "n/a", Duration.ofNanos(System.nanoTime() - started));
  }

  private static java.util.Optional<Integer> firstFit(Ledger ledger, int index, Candidate c) {
    for (int start = c.earliestStart(); start <= c.latestStart(); start++) {
      if (ledger.violationsIfFunded(index, start).isEmpty()) {
        return java.util.Optional.of(start);
      }
    }
    return java.util.Optional.empty();
  }
}
