package io.openpmo.planning.optimiser;

import java.util.List;

/**
 * A project the portfolio may fund: what it is worth, what it costs in each of its months, what it needs of each role
 * in each of its months, and the months it may start in (indexes of the period; an allowed start of 0 with costs
 * counted from the period's first month is how a project already running comes in).
 *
 * @param code          the project code
 * @param value         value points (see {@code CandidateValue}); the optimiser maximises their sum
 * @param priority      the priority score of the request (0-100): the order of the greedy baseline
 * @param mustFund      mandatory (regulatory deadline, already committed) or pinned in by the PMO: always funded
 * @param pinnedOut     pinned out by the PMO: never funded
 * @param earliestStart the first month index it may start in
 * @param latestStart   the last month index it may start in (at least earliestStart, within the period)
 * @param monthlyCost   cost of each month of the project, from its start (whole currency units)
 * @param demand        hundredths of an FTE per role and month of the project, from its start
 */
public record Candidate(String code, long value, int priority, boolean mustFund, boolean pinnedOut, int earliestStart,
    int latestStart, long[] monthlyCost, List<Demand> demand) {

  /** Effort one role gives the project, per month of the project (index 0 = its first month). */
  public record Demand(int role, long[] hundredthsPerMonth) {
  }

  public Candidate {
    if (earliestStart < 0 || latestStart < earliestStart) {
      throw new IllegalArgumentException(code + ": the start window must be 0 <= earliest <= latest");
    }
    if (mustFund && pinnedOut) {
      throw new IllegalArgumentException(code + " cannot be both pinned out and funded for sure");
    }
    if (value < 0) {
      throw new IllegalArgumentException(code + ": value must not be negative");
    }
    demand = List.copyOf(demand);
  }

  public int duration() {
    return monthlyCost.length;
  }

  /** The whole cost of the project, within the period or after it. */
  public long totalCost() {
    long total = 0;
    for (long cost : monthlyCost) {
      total += cost;
    }
    return total;
  }
}
