package io.openpmo.planning;

import io.openpmo.planning.optimiser.Candidate;
import io.openpmo.planning.optimiser.PortfolioProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A stored scenario as the optimiser's problem: money in whole units (rounded up, so that a plan never looks cheaper
 * than it is), effort in hundredths of an FTE, months as indexes of the period. Candidates in the order of the
 * stored rows (by project code).
 */
record ScenarioProblem(Scenario scenario, List<ScenarioRows.Candidate> candidates, PortfolioProblem problem) {

  static ScenarioProblem of(Scenario scenario, List<ScenarioRows.QuarterBudget> quarters,
      List<ScenarioRows.Capacity> capacity, List<ScenarioRows.Candidate> candidates, List<ScenarioRows.Cost> costs,
      List<ScenarioRows.Demand> demand) {
    YearMonth first = scenario.firstMonth();
    int months = scenario.months();
    TreeSet<String> roleSet = new TreeSet<>();
    capacity.forEach(c -> roleSet.add(c.role()));
    demand.forEach(d -> roleSet.add(d.role()));
    List<String> roles = new ArrayList<>(roleSet);
    long[][] left = new long[roles.size()][months];
    for (ScenarioRows.Capacity c : capacity) {
      int m = monthIndex(first, c.monthStart());
      if (m >= 0 && m < months) {
        left[roles.indexOf(c.role())][m] = hundredths(c.capacityFte().subtract(c.committedFte()));
      }
    }
    int quarterCount = PortfolioProblem.quarterCount(first, months);
    Long[] quarterBudget = new Long[quarterCount];
    PortfolioProblem probe = new PortfolioProblem(first, months, 0, new Long[quarterCount], roles, left, List.of());
    for (ScenarioRows.QuarterBudget q : quarters) {
      for (int i = 0; i < quarterCount; i++) {
        if (probe.quarterName(i).equals(q.quarter())) {
          quarterBudget[i] = whole(q.budget());
        }
      }
    }
    Map<Long, List<ScenarioRows.Cost>> costsOf = new HashMap<>();
    costs.forEach(c -> costsOf.computeIfAbsent(c.projectId(), id -> new ArrayList<>()).add(c));
    Map<Long, List<ScenarioRows.Demand>> demandOf = new HashMap<>();
    demand.forEach(d -> demandOf.computeIfAbsent(d.projectId(), id -> new ArrayList<>()).add(d));
    List<Candidate> list = new ArrayList<>();
    for (ScenarioRows.Candidate c : candidates) {
      int duration = c.durationMonths();
      long[] monthly = new long[duration];
      for (ScenarioRows.Cost cost : costsOf.getOrDefault(c.projectId(), List.of())) {
        if (cost.monthOffset() < duration) {
          monthly[cost.monthOffset()] = whole(cost.amount());
        }
      }
      Map<Integer, long[]> byRole = new HashMap<>();
      for (ScenarioRows.Demand d : demandOf.getOrDefault(c.projectId(), List.of())) {
        if (d.monthOffset() < duration) {
          byRole.computeIfAbsent(roles.indexOf(d.role()), r -> new long[duration])[d.monthOffset()] = hundredths(d.fte());
        }
      }
      List<Candidate.Demand> needs = byRole.entrySet().stream()
          .map(e -> new Candidate.Demand(e.getKey(), e.getValue())).toList();
      list.add(new Candidate(c.projectCode(), c.valuePoints(), c.priorityScore(), c.mustFund(), "OUT".equals(c.pin()),
          monthIndex(first, c.earliestStart()), monthIndex(first, c.latestStart()), monthly, needs));
    }
    return new ScenarioProblem(scenario, candidates, new PortfolioProblem(first, months,
        whole(scenario.budgetTotal()), quarterBudget, roles, left, list));
  }

  static int monthIndex(YearMonth first, LocalDate month) {
    return (int) ChronoUnit.MONTHS.between(first, YearMonth.from(month));
  }

  static long whole(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  static long hundredths(BigDecimal fte) {
    return fte.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** The starts of the stored result, as month indexes (null: not funded). */
  Integer[] storedStarts() {
    Integer[] starts = new Integer[candidates.size()];
    for (int i = 0; i < starts.length; i++) {
      ScenarioRows.Candidate c = candidates.get(i);
      starts[i] = Boolean.TRUE.equals(c.funded()) && c.plannedStart() != null
          ? monthIndex(scenario.firstMonth(), c.plannedStart()) : null;
    }
    return starts;
  }
}
