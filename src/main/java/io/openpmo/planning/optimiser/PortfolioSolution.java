package io.openpmo.planning.optimiser;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.util.List;

/**
 * The solver's view of a portfolio: one {@link Funding} per candidate. The score has three hard levels, in order of
 * importance: mandatory and pinned-in candidates funded; budget (currency units over the total or a quarter's cap);
 * capacity (hundredths of an FTE over what a role has left in a month). Its two soft levels: the value points funded
 * (maximised), then how many months the funded candidates wait after their earliest start (minimised).
 */
@PlanningSolution
public class PortfolioSolution {

  static final int HARD_LEVELS = 3;
  static final int SOFT_LEVELS = 2;

  @PlanningEntityCollectionProperty
  private List<Funding> fundings;
  @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
  private BendableLongScore score;

  /** For the solver's copies. */
  PortfolioSolution() {
  }

  PortfolioSolution(List<Funding> fundings) {
    this.fundings = fundings;
  }

  List<Funding> fundings() {
    return fundings;
  }

  BendableLongScore score() {
    return score;
  }
}
