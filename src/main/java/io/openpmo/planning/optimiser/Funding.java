package io.openpmo.planning.optimiser;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * The solver's decision for one candidate: the month it starts in, or null when it is not funded. A pinned-out
 * candidate is pinned (the solver leaves it unfunded); the start is chosen within the candidate's window.
 */
@PlanningEntity(difficultyComparatorClass = Funding.Difficulty.class)
public class Funding {

  /**
   * The order in which the construction heuristic places candidates (hardest last in the comparator's order, placed
   * first): mandatory and pinned-in ones before all others, so that what must be funded finds room first; then the
   * most valuable.
   */
  public static final class Difficulty implements java.util.Comparator<Funding> {

    public Difficulty() {
      // the solver makes it
    }

    @Override
    public int compare(Funding a, Funding b) {
      return java.util.Comparator.comparing(Funding::mustFund).thenComparingLong(Funding::value)
          .thenComparing(Funding::index, java.util.Comparator.reverseOrder()).compare(a, b);
    }
  }

  private Option option;
  @PlanningPin
  private boolean pinned;
  @PlanningVariable(valueRangeProviderRefs = "starts", allowsUnassigned = true)
  private Integer start;

  /** For the solver's copies. */
  Funding() {
  }

  Funding(Option option) {
    this.option = option;
    this.pinned = option.candidate.pinnedOut();
  }

  @ValueRangeProvider(id = "starts")
  CountableValueRange<Integer> starts() {
    return ValueRangeFactory.createIntValueRange(option.candidate.earliestStart(), option.candidate.latestStart() + 1);
  }

  int index() {
    return option.index;
  }

  Candidate candidate() {
    return option.candidate;
  }

  Option.Period period() {
    return option.period;
  }

  boolean funded() {
    return start != null;
  }

  boolean mustFund() {
    return option.candidate.mustFund();
  }

  long value() {
    return option.candidate.value();
  }

  long delay() {
    return start - option.candidate.earliestStart();
  }

  long spendInPeriod() {
    return option.spendInPeriod(start);
  }

  List<Option.QuarterSpend> quarterSpends() {
    return option.quarterSpends(start);
  }

  List<Option.Load> loads() {
    return option.loads(start);
  }

  public Integer getStart() {
    return start;
  }

  public void setStart(Integer start) {
    this.start = start;
  }

  boolean isPinned() {
    return pinned;
  }
}
