package io.openpmo.planning.optimiser;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small portfolios for tests, and what is known about them by other means: an independent check of every hard
 * constraint, and the optimum found by trying every combination of funding and start month (brute force).
 */
final class SmallPortfolios {

  /** A random portfolio small enough for brute force: a few candidates with windows of up to three months. */
  static PortfolioProblem random(long seed, int candidates, int months, int roles) {
    Random random = new Random(seed);
    YearMonth first = YearMonth.of(2027, 1 + random.nextInt(12));
    List<String> roleNames = new ArrayList<>();
    for (int r = 0; r < roles; r++) {
      roleNames.add("ROLE_" + r);
    }
    long[][] capacity = new long[roles][months];
    for (int r = 0; r < roles; r++) {
      for (int m = 0; m < months; m++) {
        capacity[r][m] = 100 + 50L * random.nextInt(4);
      }
    }
    List<Candidate> list = new ArrayList<>();
    long totalCost = 0;
    for (int i = 0; i < candidates; i++) {
      int duration = 1 + random.nextInt(Math.max(1, months / 2));
      long[] cost = new long[duration];
      for (int k = 0; k < duration; k++) {
        cost[k] = 10_000L * (1 + random.nextInt(5));
        totalCost += cost[k];
      }
      List<Candidate.Demand> demand = new ArrayList<>();
      int role = random.nextInt(roles);
      long[] effort = new long[duration];
      for (int k = 0; k < duration; k++) {
        effort[k] = 25L * (1 + random.nextInt(4));
      }
      demand.add(new Candidate.Demand(role, effort));
      int earliest = random.nextInt(Math.max(1, months - 2));
      int latest = Math.min(months - 1, earliest + random.nextInt(3));
      boolean mandatory = i == 0;
      boolean pinnedOut = i == candidates - 1 && random.nextBoolean();
      list.add(new Candidate("C" + i, 10 + random.nextInt(90), random.nextInt(100), mandatory, pinnedOut, earliest,
          latest, cost, demand));
    }
    int quarters = PortfolioProblem.quarterCount(first, months);
    Long[] quarterBudget = new Long[quarters];
    for (int q = 0; q < quarters; q++) {
      quarterBudget[q] = random.nextInt(3) == 0 ? null : totalCost / (quarters + 1) + 10_000L * random.nextInt(4);
    }
    return new PortfolioProblem(first, months, totalCost * 55 / 100, quarterBudget, roleNames, capacity, list);
  }

  /** Every hard constraint, checked from scratch (on purpose not with {@link Ledger}). */
  static List<String> broken(PortfolioProblem problem, Integer[] starts) {
    List<String> broken = new ArrayList<>();
    long total = 0;
    long[] perQuarter = new long[problem.quarterCount()];
    long[][] load = new long[problem.roles().size()][problem.months()];
    for (int i = 0; i < starts.length; i++) {
      Candidate c = problem.candidate(i);
      Integer start = starts[i];
      if (start == null) {
        if (c.mustFund()) {
          broken.add(c.code() + " is mandatory but not funded");
        }
        continue;
      }
      if (c.pinnedOut()) {
        broken.add(c.code() + " is pinned out but funded");
      }
      if (start < c.earliestStart() || start > c.latestStart()) {
        broken.add(c.code() + " starts outside its window");
      }
      for (int k = 0; k < c.monthlyCost().length; k++) {
        YearMonth month = problem.firstMonth().plusMonths(start + k);
        int index = start + k;
        if (index < problem.months()) {
          total += c.monthlyCost()[k];
          int quarter = (month.getYear() * 4 + (month.getMonthValue() - 1) / 3)
              - (problem.firstMonth().getYear() * 4 + (problem.firstMonth().getMonthValue() - 1) / 3);
          perQuarter[quarter] += c.monthlyCost()[k];
        }
      }
      for (Candidate.Demand d : c.demand()) {
        for (int k = 0; k < d.hundredthsPerMonth().length; k++) {
          if (start + k < problem.months()) {
            load[d.role()][start + k] += d.hundredthsPerMonth()[k];
          }
        }
      }
    }
    if (total > problem.budgetTotal()) {
      broken.add("total budget over by " + (total - problem.budgetTotal()));
    }
    for (int q = 0; q < perQuarter.length; q++) {
      if (problem.quarterBudget()[q] != null && perQuarter[q] > problem.quarterBudget()[q]) {
        broken.add("quarter " + q + " over by " + (perQuarter[q] - problem.quarterBudget()[q]));
      }
    }
    for (int r = 0; r < load.length; r++) {
      for (int m = 0; m < problem.months(); m++) {
        if (load[r][m] > problem.capacity()[r][m]) {
          broken.add(problem.roles().get(r) + " month " + m + " over by " + (load[r][m] - problem.capacity()[r][m]));
        }
      }
    }
    return broken;
  }

  /** The best value of any feasible portfolio (every combination tried); -1 when none is feasible. */
  static long optimum(PortfolioProblem problem) {
    return optimum(problem, 0, new Integer[problem.candidates().size()]);
  }

  private static long optimum(PortfolioProblem problem, int index, Integer[] starts) {
    if (index == starts.length) {
      if (!broken(problem, starts).isEmpty()) {
        return -1;
      }
      long value = 0;
      for (int i = 0; i < starts.length; i++) {
        value += starts[i] == null ? 0 : problem.candidate(i).value();
      }
      return value;
    }
    Candidate c = problem.candidate(index);
    long best = -1;
    if (!c.mustFund()) {
      starts[index] = null;
      best = optimum(problem, index + 1, starts);
    }
    if (!c.pinnedOut()) {
      for (int start = c.earliestStart(); start <= c.latestStart(); start++) {
        starts[index] = start;
        best = Math.max(best, optimum(problem, index + 1, starts));
      }
    }
    starts[index] = null;
    return best;
  }

  private SmallPortfolios() {
  }
}
