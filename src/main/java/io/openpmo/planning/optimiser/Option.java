package io.openpmo.planning.optimiser;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate as the solver sees it, with what each of its allowed starts spends per quarter and takes per role and
 * month worked out once: the constraints then only add up these pieces (a problem fact, shared by every copy of a
 * solution).
 */
final class Option {

  /** Spend of one funded candidate in one quarter. */
  record QuarterSpend(Quarter quarter, long amount) {
  }

  /** Effort of one funded candidate in one role and month. */
  record Load(Slot slot, long hundredths) {
  }

  /** A quarter of the period and its cap (Long.MAX_VALUE without one). */
  static final class Quarter {
    final int index;
    final long cap;

    Quarter(int index, long cap) {
      this.index = index;
      this.cap = cap;
    }
  }

  /** A role in a month and the capacity left for the scenario. */
  static final class Slot {
    final int role;
    final int month;
    final long capacity;

    Slot(int role, int month, long capacity) {
      this.role = role;
      this.month = month;
      this.capacity = capacity;
    }
  }

  /** The total budget of the period (one instance per problem: the key that sums every spend). */
  static final class Period {
    final long budget;

    Period(long budget) {
      this.budget = budget;
    }
  }

  final int index;
  final Candidate candidate;
  final Period period;
  private final long[] spendInPeriod;
  private final List<List<QuarterSpend>> quarterSpends;
  private final List<List<Load>> loads;

  Option(int index, Candidate candidate, PortfolioProblem problem, Period period, Quarter[] quarters, Slot[][] slots) {
    this.index = index;
    this.candidate = candidate;
    this.period = period;
    int starts = candidate.latestStart() - candidate.earliestStart() + 1;
    this.spendInPeriod = new long[starts];
    this.quarterSpends = new ArrayList<>(starts);
    this.loads = new ArrayList<>(starts);
    for (int s = 0; s < starts; s++) {
      int start = candidate.earliestStart() + s;
      long[] perQuarter = new long[quarters.length];
      for (int k = 0; k < candidate.monthlyCost().length; k++) {
        int month = start + k;
        if (month < problem.months()) {
          spendInPeriod[s] += candidate.monthlyCost()[k];
          perQuarter[problem.quarterOf(month)] += candidate.monthlyCost()[k];
        }
      }
      List<QuarterSpend> spends = new ArrayList<>();
      for (int q = 0; q < perQuarter.length; q++) {
        if (perQuarter[q] > 0 && quarters[q].cap != Long.MAX_VALUE) {
          spends.add(new QuarterSpend(quarters[q], perQuarter[q]));
        }
      }
      quarterSpends.add(List.copyOf(spends));
      long[][] perSlot = new long[slots.length][];
      for (Candidate.Demand demand : candidate.demand()) {
        for (int k = 0; k < demand.hundredthsPerMonth().length; k++) {
          int month = start + k;
          if (month < problem.months() && demand.hundredthsPerMonth()[k] > 0) {
            if (perSlot[demand.role()] == null) {
              perSlot[demand.role()] = new long[problem.months()];
            }
            perSlot[demand.role()][month] += demand.hundredthsPerMonth()[k];
          }
        }
      }
      List<Load> effort = new ArrayList<>();
      for (int r = 0; r < perSlot.length; r++) {
        if (perSlot[r] != null) {
          for (int m = 0; m < perSlot[r].length; m++) {
            if (perSlot[r][m] > 0) {
              effort.add(new Load(slots[r][m], perSlot[r][m]));
            }
          }
        }
      }
      loads.add(List.copyOf(effort));
    }
  }

  long spendInPeriod(int start) {
    return spendInPeriod[start - candidate.earliestStart()];
  }

  List<QuarterSpend> quarterSpends(int start) {
    return quarterSpends.get(start - candidate.earliestStart());
  }

  List<Load> loads(int start) {
    return loads.get(start - candidate.earliestStart());
  }
}
