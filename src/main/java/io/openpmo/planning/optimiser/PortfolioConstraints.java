package io.openpmo.planning.optimiser;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The rules of the portfolio as constraint streams (Timefold), incremental: a move that shifts one candidate only
 * re-adds that candidate's pieces. Hard: mandatory funded, budget total and per quarter, capacity per role and month.
 * Soft: value funded, then early starts. The start window and pins out are not constraints: the value range of each
 * candidate is its window, and a pinned-out candidate is never moved.
 */
public class PortfolioConstraints implements ConstraintProvider {

  static final String MUST_FUND = "Mandatory or pinned in";
  static final String BUDGET_TOTAL = "Budget of the period";
  static final String BUDGET_QUARTER = "Budget of a quarter";
  static final String CAPACITY = "Capacity of a role in a month";
  static final String VALUE = "Value funded";
  static final String EARLY_START = "Early start";

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {mustFund(factory), budgetTotal(factory), budgetPerQuarter(factory),
        capacity(factory), value(factory), earlyStart(factory)};
  }

  Constraint mustFund(ConstraintFactory factory) {
    return factory.forEachIncludingUnassigned(Funding.class)
        .filter(f -> f.mustFund() && !f.funded())
        .penalizeLong(hard(0))
        .asConstraint(MUST_FUND);
  }

  Constraint budgetTotal(ConstraintFactory factory) {
    return factory.forEach(Funding.class)
        .filter(Funding::funded)
        .groupBy(Funding::period, sumLong(Funding::spendInPeriod))
        .filter((period, spend) -> spend > period.budget)
        .penalizeLong(hard(1), (period, spend) -> spend - period.budget)
        .asConstraint(BUDGET_TOTAL);
  }

  Constraint budgetPerQuarter(ConstraintFactory factory) {
    return factory.forEach(Funding.class)
        .filter(Funding::funded)
        .flattenLast(Funding::quarterSpends)
        .groupBy(Option.QuarterSpend::quarter, sumLong(Option.QuarterSpend::amount))
        .filter((quarter, spend) -> spend > quarter.cap)
        .penalizeLong(hard(1), (quarter, spend) -> spend - quarter.cap)
        .asConstraint(BUDGET_QUARTER);
  }

  Constraint capacity(ConstraintFactory factory) {
    return factory.forEach(Funding.class)
        .filter(Funding::funded)
        .flattenLast(Funding::loads)
        .groupBy(Option.Load::slot, sumLong(Option.Load::hundredths))
        .filter((slot, load) -> load > slot.capacity)
        .penalizeLong(hard(2), (slot, load) -> load - slot.capacity)
        .asConstraint(CAPACITY);
  }

  Constraint value(ConstraintFactory factory) {
    return factory.forEach(Funding.class)
        .filter(Funding::funded)
        .rewardLong(soft(0), Funding::value)
        .asConstraint(VALUE);
  }

  Constraint earlyStart(ConstraintFactory factory) {
    return factory.forEach(Funding.class)
        .filter(Funding::funded)
        .penalizeLong(soft(1), Funding::delay)
        .asConstraint(EARLY_START);
  }

  private static BendableLongScore hard(int level) {
    return BendableLongScore.ofHard(PortfolioSolution.HARD_LEVELS, PortfolioSolution.SOFT_LEVELS, level, 1);
  }

  private static BendableLongScore soft(int level) {
    return BendableLongScore.ofSoft(PortfolioSolution.HARD_LEVELS, PortfolioSolution.SOFT_LEVELS, level, 1);
  }
}
