package io.openpmo.planning.optimiser;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the optimiser chooses from, in plain numbers: a period of months, a total budget and a budget per calendar
 * quarter, the capacity left per role and month, and the candidates. Money is in whole units of the base currency,
 * effort in hundredths of an FTE (so that every sum is exact).
 *
 * @param firstMonth    the first month of the period (month index 0)
 * @param months        how many months the period has
 * @param budgetTotal   what the candidates may spend within the period
 * @param quarterBudget per calendar quarter touched by the period (see {@link #quarterOf}); null where a quarter has
 *                      no cap of its own
 * @param roles         the roles of the resource pool
 * @param capacity      hundredths of an FTE left per role (index of {@code roles}) and month index: the pool's
 *                      capacity minus what plans outside the scenario already take (may be negative)
 * @param candidates    the projects to choose from
 */
public record PortfolioProblem(YearMonth firstMonth, int months, long budgetTotal, Long[] quarterBudget,
    List<String> roles, long[][] capacity, List<Candidate> candidates) {

  public PortfolioProblem {
    if (months < 1) {
      throw new IllegalArgumentException("a period has at least one month");
    }
    if (quarterBudget.length != quarterCount(firstMonth, months)) {
      throw new IllegalArgumentException("one quarter budget (or null) per quarter of the period");
    }
    if (capacity.length != roles.size()) {
      throw new IllegalArgumentException("one capacity row per role");
    }
    for (long[] row : capacity) {
      if (row.length != months) {
        throw new IllegalArgumentException("one capacity per role and month");
      }
    }
    Set<String> codes = new HashSet<>();
    for (Candidate candidate : candidates) {
      if (!codes.add(candidate.code())) {
        throw new IllegalArgumentException("candidate " + candidate.code() + " appears twice");
      }
      for (Candidate.Demand demand : candidate.demand()) {
        if (demand.role() < 0 || demand.role() >= roles.size()) {
          throw new IllegalArgumentException(candidate.code() + " needs an unknown role " + demand.role());
        }
      }
      if (candidate.latestStart() >= months) {
        throw new IllegalArgumentException(candidate.code() + " may start after the period");
      }
    }
    candidates = List.copyOf(candidates);
    roles = List.copyOf(roles);
  }

  /** The index of the calendar quarter (0 = the quarter of the first month) of a month index. */
  public int quarterOf(int month) {
    return quarterIndex(firstMonth, month);
  }

  /** The calendar quarter of a quarter index, as 2027-Q1. */
  public String quarterName(int quarter) {
    YearMonth first = firstMonth.minusMonths((firstMonth.getMonthValue() - 1) % 3).plusMonths(3L * quarter);
    return first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
  }

  public YearMonth month(int index) {
    return firstMonth.plusMonths(index);
  }

  public int quarterCount() {
    return quarterBudget.length;
  }

  /** How many calendar quarters a period touches. */
  public static int quarterCount(YearMonth firstMonth, int months) {
    return quarterIndex(firstMonth, months - 1) + 1;
  }

  private static int quarterIndex(YearMonth firstMonth, int month) {
    return ((firstMonth.getMonthValue() - 1) % 3 + month) / 3;
  }

  /** The candidates, by their position. */
  public Candidate candidate(int index) {
    return candidates.get(index);
  }

  /** The quarter budgets as a list (for messages and tests). */
  public List<Long> quarterBudgets() {
    List<Long> list = new ArrayList<>();
    for (Long cap : quarterBudget) {
      list.add(cap);
    }
    return list;
  }
}
