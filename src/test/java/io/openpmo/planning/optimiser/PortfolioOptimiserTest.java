package io.openpmo.planning.optimiser;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimiser on portfolios where the answer is known: every solution keeps every hard constraint (checked from
 * scratch, not by the solver's score), and on portfolios small enough to try every combination it finds the
 * optimum.
 */
class PortfolioOptimiserTest {

  static final PortfolioOptimiser OPTIMISER = new PortfolioOptimiser();
  static final SolveLimits QUICK = new SolveLimits(Duration.ofSeconds(3), Duration.ofMillis(300));
  static final YearMonth JAN = YearMonth.of(2027, 1);

  @ParameterizedTest(name = "random portfolio {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void findsTheOptimumOfSmallPortfoliosAndBreaksNothing(long seed) {
    // Given a random portfolio of 7 candidates over 6 months and 2 roles, one mandatory, perhaps one pinned out
    PortfolioProblem problem = SmallPortfolios.random(seed, 7, 6, 2);
    long optimum = SmallPortfolios.optimum(problem);

    // When the optimiser chooses
    PortfolioResult result = OPTIMISER.solve(problem, QUICK);

    // Then it keeps every constraint and funds as much value as the best of all combinations
    assertThat(optimum).as("this portfolio has a feasible answer").isPositive();
    assertThat(SmallPortfolios.broken(problem, result.starts())).isEmpty();
    assertThat(result.feasible()).isTrue();
    assertThat(result.value()).isEqualTo(optimum);
    // and the greedy baseline keeps them too, but never beats the optimum
    PortfolioResult greedy = new GreedyBaseline().solve(problem);
    assertThat(SmallPortfolios.broken(problem, greedy.starts())).isEmpty();
    assertThat(greedy.value()).isLessThanOrEqualTo(optimum);
  }

  @Test
  void beatsFundingByPriorityWhenTheTopPriorityCrowdsOutMore() {
    // Given one big project of top priority and three smaller ones that together are worth more
    PortfolioProblem problem = new PortfolioProblem(JAN, 3, 300_000, new Long[] {null}, List.of("DEV"),
        new long[][] {{1000, 1000, 1000}}, List.of(
            candidate("BIG", 100, 90, 0, 0, 100_000, 100_000, 100_000),
            candidate("A", 60, 50, 0, 0, 100_000),
            candidate("B", 60, 40, 0, 0, 100_000),
            candidate("C", 60, 30, 0, 0, 100_000)));

    PortfolioResult greedy = new GreedyBaseline().solve(problem);
    PortfolioResult solved = OPTIMISER.solve(problem, QUICK);

    assertThat(greedy.value()).isEqualTo(100);
    assertThat(solved.value()).isEqualTo(180);
    assertThat(solved.starts()).containsExactly(null, 0, 0, 0);
  }

  @Test
  void keepsTheQuarterlyBudgetByStartingLater() {
    // Given two projects of 3 months that both want to start in January, and 150k per quarter
    PortfolioProblem problem = new PortfolioProblem(JAN, 6, 1_000_000, new Long[] {150_000L, 150_000L},
        List.of("DEV"), new long[][] {{500, 500, 500, 500, 500, 500}}, List.of(
            candidate("A", 50, 50, 0, 3, 50_000, 50_000, 50_000),
            candidate("B", 40, 40, 0, 3, 50_000, 50_000, 50_000)));

    PortfolioResult result = OPTIMISER.solve(problem, QUICK);

    // Then both are funded, one in Q1 and one in Q2: the earliest starts that keep each quarter's budget
    assertThat(result.value()).isEqualTo(90);
    assertThat(List.of(result.starts())).containsExactlyInAnyOrder(0, 3);
    assertThat(SmallPortfolios.broken(problem, result.starts())).isEmpty();
  }

  @Test
  void keepsTheCapacityOfEachRoleInEachMonth() {
    // Given one developer (1.0 FTE) a month and two projects that each need 0.6 FTE for two months
    Candidate a = new Candidate("A", 50, 50, false, false, 0, 0, new long[] {1000, 1000},
        List.of(new Candidate.Demand(0, new long[] {60, 60})));
    Candidate b = new Candidate("B", 40, 40, false, false, 0, 1, new long[] {1000, 1000},
        List.of(new Candidate.Demand(0, new long[] {60, 60})));
    PortfolioProblem problem = new PortfolioProblem(JAN, 3, 1_000_000, new Long[] {null}, List.of("DEV"),
        new long[][] {{100, 100, 100}}, List.of(a, b));

    PortfolioResult result = OPTIMISER.solve(problem, QUICK);

    // Then only A is funded, and B's exclusion names the capacity, the month and by how much
    assertThat(result.starts()).containsExactly(0, null);
    Exclusion exclusion = result.exclusions().get(0);
    assertThat(exclusion.code()).isEqualTo("B");
    assertThat(exclusion.bestStart()).isEqualTo(1);
    assertThat(exclusion.wouldBreak()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Violation.Kind.CAPACITY);
      assertThat(v.role()).isEqualTo("DEV");
      assertThat(v.where()).isEqualTo("2027-02");
      assertThat(v.overBy()).isEqualTo(20);
    });
    assertThat(exclusion.describe()).isEqualTo("Capacity DEV 2027-02 over by 0.20 FTE");
  }

  @Test
  void explainsAnExclusionByTheBudgetAndByHowMuch() {
    PortfolioProblem problem = new PortfolioProblem(JAN, 3, 250_000, new Long[] {null}, List.of("DEV"),
        new long[][] {{100, 100, 100}}, List.of(
            candidate("A", 50, 50, 0, 0, 100_000, 100_000),
            candidate("B", 40, 40, 0, 0, 80_000)));

    PortfolioResult result = OPTIMISER.solve(problem, QUICK);

    assertThat(result.starts()).containsExactly(0, null);
    assertThat(result.exclusions()).singleElement().satisfies(e -> {
      assertThat(e.wouldBreak()).singleElement().satisfies(v -> {
        assertThat(v.kind()).isEqualTo(Violation.Kind.BUDGET_TOTAL);
        assertThat(v.overBy()).isEqualTo(30_000);
      });
      assertThat(e.describe()).isEqualTo("Total budget over by 30000");
    });
  }

  @Nested
  class MandatoryAndPins {

    @Test
    void fundsMandatoryAndPinnedInEvenWhenOthersAreWorthMore() {
      PortfolioProblem problem = new PortfolioProblem(JAN, 2, 100_000, new Long[] {null}, List.of("DEV"),
          new long[][] {{100, 100}}, List.of(
              new Candidate("REG", 5, 10, true, false, 0, 1, new long[] {50_000}, List.of()),
              candidate("RICH", 90, 90, 0, 1, 60_000),
              new Candidate("PINNED", 1, 1, true, false, 0, 0, new long[] {50_000}, List.of())));

      PortfolioResult result = OPTIMISER.solve(problem, QUICK);

      assertThat(result.starts()[0]).isNotNull();
      assertThat(result.starts()[2]).isEqualTo(0);
      assertThat(result.starts()[1]).isNull();
      assertThat(result.feasible()).isTrue();
    }

    @Test
    void neverFundsWhatIsPinnedOut() {
      PortfolioProblem problem = new PortfolioProblem(JAN, 2, 1_000_000, new Long[] {null}, List.of("DEV"),
          new long[][] {{100, 100}}, List.of(
              new Candidate("OUT", 99, 99, false, true, 0, 1, new long[] {1}, List.of()),
              candidate("IN", 1, 1, 0, 1, 1)));

      PortfolioResult result = OPTIMISER.solve(problem, QUICK);

      assertThat(result.starts()).containsExactly(null, 0);
      assertThat(result.exclusions()).singleElement().satisfies(e -> {
        assertThat(e.pinnedOut()).isTrue();
        assertThat(e.describe()).isEqualTo("Pinned out by the PMO");
      });
    }

    @Test
    void reportsWhatMandatoryProjectsAloneBreak() {
      // Given two mandatory projects that together exceed the budget
      PortfolioProblem problem = new PortfolioProblem(JAN, 2, 100_000, new Long[] {null}, List.of("DEV"),
          new long[][] {{100, 100}}, List.of(
              new Candidate("REG1", 5, 10, true, false, 0, 0, new long[] {70_000}, List.of()),
              new Candidate("REG2", 5, 10, true, false, 0, 1, new long[] {70_000}, List.of())));

      PortfolioResult result = OPTIMISER.solve(problem, QUICK);

      // Then both are in and the result says it is not feasible, by how much
      assertThat(result.starts()).doesNotContainNull();
      assertThat(result.feasible()).isFalse();
      assertThat(result.violations()).singleElement().satisfies(v -> {
        assertThat(v.kind()).isEqualTo(Violation.Kind.BUDGET_TOTAL);
        assertThat(v.overBy()).isEqualTo(40_000);
      });
    }
  }

  @Test
  void startsEveryFundedCandidateWithinItsWindowAndCountsOnlyThePeriod() {
    // Given a project of 4 months that may start in month 2 or 3 of a 4-month period: part of it falls after
    Candidate late = new Candidate("LATE", 10, 10, false, false, 2, 3, new long[] {100, 100, 100, 100},
        List.of(new Candidate.Demand(0, new long[] {50, 50, 50, 50})));
    PortfolioProblem problem = new PortfolioProblem(JAN, 4, 150, new Long[] {null, null}, List.of("DEV"),
        new long[][] {{100, 100, 100, 100}}, List.of(late));

    PortfolioResult result = OPTIMISER.solve(problem, QUICK);

    // Then it starts in month 3: only one month (100) falls in the period, within 150; month 2 would spend 200
    assertThat(result.starts()).containsExactly(3);
    assertThat(result.spend()).isEqualTo(100);
  }

  @ParameterizedTest(name = "generated portfolio {0}")
  @ValueSource(longs = {11, 12})
  void localSearchKeepsEveryConstraintAndFundsMoreThanThePriorityOrder(long seed) {
    // Given a portfolio too large to search exhaustively: 80 candidates, 12 months, 8 roles (the benchmark, short)
    PortfolioProblem problem = GeneratedPortfolios.generate(seed, 80, 12, 8);
    assertThat(PortfolioOptimiser.combinations(problem)).isGreaterThan(PortfolioOptimiser.EXACT_SEARCH_LIMIT);

    PortfolioResult solved = OPTIMISER.solve(problem, new SolveLimits(Duration.ofSeconds(3), Duration.ofSeconds(1)));
    PortfolioResult greedy = new GreedyBaseline().solve(problem);

    assertThat(SmallPortfolios.broken(problem, solved.starts())).isEmpty();
    assertThat(SmallPortfolios.broken(problem, greedy.starts())).isEmpty();
    assertThat(solved.value()).isGreaterThanOrEqualTo(greedy.value());
    // every candidate left out is pinned out or would break a named constraint at its best start
    assertThat(solved.exclusions()).allSatisfy(e -> assertThat(e.pinnedOut() || !e.wouldBreak().isEmpty()).isTrue());
  }

  @Test
  void incrementalScoreAgreesWithAFullRecalculation() {
    // FULL_ASSERT recalculates the score from scratch after every move and fails on any difference
    PortfolioOptimiser asserting = new PortfolioOptimiser(EnvironmentMode.FULL_ASSERT);
    PortfolioProblem problem = SmallPortfolios.random(42, 12, 8, 3);

    PortfolioResult result = asserting.solve(problem, new SolveLimits(Duration.ofSeconds(2), Duration.ofSeconds(1)));

    assertThat(SmallPortfolios.broken(problem, result.starts())).isEmpty();
  }

  static Candidate candidate(String code, long value, int priority, int earliest, int latest, long... monthlyCost) {
    return new Candidate(code, value, priority, false, false, earliest, latest, monthlyCost, List.of());
  }
}
