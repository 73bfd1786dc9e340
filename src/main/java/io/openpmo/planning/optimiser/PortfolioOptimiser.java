package io.openpmo.planning.optimiser;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.exhaustivesearch.ExhaustiveSearchPhaseConfig;
import ai.timefold.solver.core.config.exhaustivesearch.ExhaustiveSearchType;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Chooses which candidates to fund and in which month each starts, maximising value points within the budget (total
 * and per quarter) and the capacity of each role in each month, with mandatory and pinned-in candidates always in
 * and pinned-out ones never: Timefold Solver on {@link PortfolioConstraints}, for at most the given time.
 * <ul>
 *   <li>A portfolio with at most {@value #EXACT_SEARCH_LIMIT} combinations of funding and start (a quarterly review
 *       of a dozen requests) is searched exhaustively (branch and bound): the answer is the optimum.</li>
 *   <li>A larger one gets a construction heuristic (mandatory and pinned-in candidates first, then by value), then late acceptance local search over three kinds of moves:
 *       change one candidate (fund, drop or shift it), swap the starts of two, and change two at once (drop one and
 *       fund another in its place, which a budget that is just used up needs).</li>
 * </ul>
 *
 * <p>Afterwards every candidate left out is checked once more: one that still fits anywhere in its window is added
 * (the highest value first), so that every exclusion has a constraint behind it; then each exclusion is explained
 * by what adding the candidate at its best start would break (see {@link PortfolioResult}). Plain Java, thread
 * safe: one instance serves every solve.
 */
public final class PortfolioOptimiser {

  /** Up to this many combinations the search is exhaustive. */
  public static final long EXACT_SEARCH_LIMIT = 200_000;
  private static final int LATE_ACCEPTANCE_SIZE = 400;
  private static final Duration MIN_SEARCH = Duration.ofMillis(100);
  public static final String EXHAUSTIVE = "exhaustive search";
  public static final String LOCAL_SEARCH = "local search";

  private final SolverFactory<PortfolioSolution> exact;
  private final SolverFactory<PortfolioSolution> local;

  public PortfolioOptimiser() {
    this(null);
  }

  /** With an environment mode of the solver (tests use FULL_ASSERT to check the incremental score). */
  public PortfolioOptimiser(EnvironmentMode mode) {
    this.exact = SolverFactory.create(config(mode, new ExhaustiveSearchPhaseConfig()
        .withExhaustiveSearchType(ExhaustiveSearchType.BRANCH_AND_BOUND)));
    this.local = SolverFactory.create(config(mode, new ConstructionHeuristicPhaseConfig()
        .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING), new LocalSearchPhaseConfig()
        .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig(),
            new SwapMoveSelectorConfig(), new CartesianProductMoveSelectorConfig()
                .withMoveSelectors(new ChangeMoveSelectorConfig(), new ChangeMoveSelectorConfig())))
        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))));
  }

  private static SolverConfig config(EnvironmentMode mode, PhaseConfig<?>... phases) {
    SolverConfig config = new SolverConfig()
        .withSolutionClass(PortfolioSolution.class)
        .withEntityClasses(Funding.class)
        .withConstraintProviderClass(PortfolioConstraints.class)
        .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(5)))
        .withPhases(phases);
    if (mode != null) {
      config.setEnvironmentMode(mode);
    }
    return config;
  }

  /** How many combinations of funding and start the portfolio has (capped at Long.MAX_VALUE). */
  static long combinations(PortfolioProblem problem) {
    long combinations = 1;
    for (Candidate c : problem.candidates()) {
      long choices = c.pinnedOut() ? 1 : c.latestStart() - c.earliestStart() + 1 + (c.mustFund() ? 0 : 1);
      if (combinations > Long.MAX_VALUE / choices) {
        return Long.MAX_VALUE;
      }
      combinations *= choices;
    }
    return combinations;
  }

  public PortfolioResult solve(PortfolioProblem problem, SolveLimits limits) {
    long started = System.nanoTime();
    Option.Period period = new Option.Period(problem.budgetTotal());
    Option.Quarter[] quarters = new Option.Quarter[problem.quarterCount()];
    for (int q = 0; q < quarters.length; q++) {
      Long cap = problem.quarterBudget()[q];
      quarters[q] = new Option.Quarter(q, cap == null ? Long.MAX_VALUE : cap);
    }
    Option.Slot[][] slots = new Option.Slot[problem.roles().size()][problem.months()];
    for (int r = 0; r < slots.length; r++) {
      for (int m = 0; m < problem.months(); m++) {
        slots[r][m] = new Option.Slot(r, m, problem.capacity()[r][m]);
      }
    }
    List<Funding> fundings = new ArrayList<>();
    for (int i = 0; i < problem.candidates().size(); i++) {
      fundings.add(new Funding(new Option(i, problem.candidate(i), problem, period, quarters, slots)));
    }
    String score = "n/a";
    String method = "none: every candidate is pinned out";
    Integer[] starts = new Integer[fundings.size()];
    if (fundings.stream().anyMatch(f -> !f.isPinned())) {
      boolean small = combinations(problem) <= EXACT_SEARCH_LIMIT;
      SolverFactory<PortfolioSolution> factory = small ? exact : local;
      method = small ? EXHAUSTIVE : LOCAL_SEARCH;
      // the whole answer stays within the limit: the solver gets it less what building and explaining take
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      Duration search = Duration.ofMillis(limits.spent().minus(elapsed).minus(afterSearch(limits.spent())).toMillis());
      if (search.compareTo(MIN_SEARCH) < 0) {
        search = MIN_SEARCH;
      }
      // stop at the limit, or earlier once the best portfolio is feasible and has not improved for a while
      Duration unimproved = Duration.ofMillis((limits.unimproved().compareTo(search) < 0 ? limits.unimproved()
          : search).toMillis());
      Solver<PortfolioSolution> solver = factory.buildSolver(new SolverConfigOverride<PortfolioSolution>()
          .withTerminationConfig(new TerminationConfig().withTerminationConfigList(List.of(
              new TerminationConfig().withSpentLimit(search),
              new TerminationConfig().withTerminationCompositionStyle(TerminationCompositionStyle.AND)
                  .withTerminationConfigList(List.of(new TerminationConfig().withUnimprovedSpentLimit(unimproved),
                      new TerminationConfig().withBestScoreFeasible(true)))))));
      PortfolioSolution best = solver.solve(new PortfolioSolution(fundings));
      score = String.valueOf(best.score());
      for (Funding funding : best.fundings()) {
        starts[funding.index()] = funding.getStart();
      }
    }
    Ledger ledger = Ledger.of(problem, starts);
    addWhatStillFits(problem, ledger);
    return PortfolioResult.of(method, problem, ledger, score, Duration.ofNanos(System.nanoTime() - started));
  }

  /** What the work after the search may take: a twentieth of the limit, between 0.2 and 2 seconds. */
  static Duration afterSearch(Duration limit) {
    Duration twentieth = limit.dividedBy(20);
    return twentieth.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200)
        : twentieth.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : twentieth;
  }

  /** Funds, highest value first, every candidate left out that fits somewhere in its window without breaking anything. */
  static void addWhatStillFits(PortfolioProblem problem, Ledger ledger) {
    int[] leftOut = IntStream.range(0, problem.candidates().size())
        .filter(i -> ledger.start(i) == null && !problem.candidate(i).pinnedOut()).boxed()
        .sorted(Comparator.comparingLong(i -> -problem.candidate(i).value()))
        .mapToInt(Integer::intValue).toArray();
    for (int i : leftOut) {
      Candidate c = problem.candidate(i);
      for (int start = c.earliestStart(); start <= c.latestStart(); start++) {
        if (ledger.violationsIfFunded(i, start).isEmpty()) {
          ledger.fund(i, start);
          break;
        }
      }
    }
  }
}
