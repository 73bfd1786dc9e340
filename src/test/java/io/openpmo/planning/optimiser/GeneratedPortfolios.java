package io.openpmo.planning.optimiser;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated portfolios the size of a large bank's demand, for the benchmark and its short version: candidates of 3 to
 * 18 months costing 20k to 250k a month, each needing 1 to 4 roles at 0.2 to 2.0 FTE, start windows of up to six
 * months, 4% mandatory, 1% pinned in, 1% pinned out; a pool of 3 to 12 FTE per role with up to 30% already taken;
 * a budget of 30% of what everything would spend in the period, and per quarter an eighth of it plus 15%.
 */
public final class GeneratedPortfolios {

  public static PortfolioProblem generate(long seed, int candidates, int months, int roles) {
    Random random = new Random(seed);
    YearMonth first = YearMonth.of(2027, 1);
    List<String> roleNames = new ArrayList<>();
    long[][] capacity = new long[roles][months];
    for (int r = 0; r < roles; r++) {
      roleNames.add("ROLE_" + (r + 1));
      long pool = 300 + 100L * random.nextInt(10);
      for (int m = 0; m < months; m++) {
        capacity[r][m] = pool - pool * random.nextInt(31) / 100;
      }
    }
    List<Candidate> list = new ArrayList<>();
    long demandInPeriod = 0;
    for (int i = 0; i < candidates; i++) {
      int duration = 3 + random.nextInt(16);
      long base = 20_000L + 10_000L * random.nextInt(24);
      long[] cost = new long[duration];
      for (int k = 0; k < duration; k++) {
        cost[k] = base * (80 + random.nextInt(41)) / 100;
      }
      List<Candidate.Demand> demand = new ArrayList<>();
      int roleCount = 1 + random.nextInt(4);
      List<Integer> taken = new ArrayList<>();
      for (int d = 0; d < roleCount; d++) {
        int role = random.nextInt(roles);
        if (taken.contains(role)) {
          continue;
        }
        taken.add(role);
        long fte = 20 + 10L * random.nextInt(19);
        long[] effort = new long[duration];
        java.util.Arrays.fill(effort, fte);
        demand.add(new Candidate.Demand(role, effort));
      }
      int earliest = random.nextInt(Math.max(1, months * 3 / 4));
      int latest = Math.min(months - 1, earliest + random.nextInt(7));
      for (int k = 0; k < duration && earliest + k < months; k++) {
        demandInPeriod += cost[k];
      }
      int priority = random.nextInt(101);
      int objectives = random.nextInt(4);
      long value = priority + 10L * objectives * (1 + random.nextInt(5)) / 2 + random.nextInt(101);
      int kind = random.nextInt(100);
      boolean mandatory = kind < 4;
      boolean pinnedIn = kind == 4;
      boolean pinnedOut = kind == 5;
      list.add(new Candidate(String.format("PRJ-%04d", i + 1), value, priority, mandatory || pinnedIn, pinnedOut,
          earliest, latest, cost, demand));
    }
    // what is mandatory must fit: the pool grows where mandatory projects alone would need more
    Ledger mandatory = new Ledger(new PortfolioProblem(first, months, Long.MAX_VALUE,
        new Long[PortfolioProblem.quarterCount(first, months)], roleNames, capacity, list));
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).mustFund()) {
        mandatory.fund(i, list.get(i).earliestStart());
      }
    }
    for (int r = 0; r < roles; r++) {
      for (int m = 0; m < months; m++) {
        capacity[r][m] = Math.max(capacity[r][m], mandatory.load(r, m) * 12 / 10);
      }
    }
    long budget = Math.max(demandInPeriod * 30 / 100, mandatory.spend() * 12 / 10);
    int quarters = PortfolioProblem.quarterCount(first, months);
    Long[] quarterBudget = new Long[quarters];
    for (int q = 0; q < quarters; q++) {
      quarterBudget[q] = Math.max(budget / quarters * 115 / 100, mandatory.quarterSpend(q) * 12 / 10);
    }
    return new PortfolioProblem(first, months, budget, quarterBudget, roleNames, capacity, list);
  }

  private GeneratedPortfolios() {
  }
}
