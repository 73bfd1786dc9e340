package io.openpmo.planning.optimiser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The books of one portfolio: which candidates are funded at which start, what they spend in total and per quarter
 * of the period, and what they take of each role in each month. Plain arithmetic, independent of the solver: it
 * checks solutions, runs the greedy baseline and explains exclusions. Spend and effort after the period's last
 * month belong to later periods and are not counted against this one.
 */
public final class Ledger {

  private final PortfolioProblem problem;
  private final Integer[] starts;
  private long spend;
  private final long[] quarterSpend;
  private final long[][] load;

  public Ledger(PortfolioProblem problem) {
    this.problem = problem;
    this.starts = new Integer[problem.candidates().size()];
    this.quarterSpend = new long[problem.quarterCount()];
    this.load = new long[problem.roles().size()][problem.months()];
  }

  /** The books of the given starts (null: not funded), one per candidate in order. */
  public static Ledger of(PortfolioProblem problem, Integer[] starts) {
    Ledger ledger = new Ledger(problem);
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] != null) {
        ledger.fund(i, starts[i]);
      }
    }
    return ledger;
  }

  public void fund(int candidate, int start) {
    if (starts[candidate] != null) {
      throw new IllegalStateException(problem.candidate(candidate).code() + " is already funded");
    }
    starts[candidate] = start;
    book(problem.candidate(candidate), start, 1);
  }

  public void unfund(int candidate) {
    Integer start = starts[candidate];
    if (start != null) {
      book(problem.candidate(candidate), start, -1);
      starts[candidate] = null;
    }
  }

  private void book(Candidate c, int start, int sign) {
    for (int k = 0; k < c.monthlyCost().length; k++) {
      int month = start + k;
      if (month < problem.months()) {
        spend += sign * c.monthlyCost()[k];
        quarterSpend[problem.quarterOf(month)] += sign * c.monthlyCost()[k];
      }
    }
    for (Candidate.Demand demand : c.demand()) {
      long[] perMonth = demand.hundredthsPerMonth();
      for (int k = 0; k < perMonth.length; k++) {
        int month = start + k;
        if (month < problem.months()) {
          load[demand.role()][month] += sign * perMonth[k];
        }
      }
    }
  }

  public Integer start(int candidate) {
    return starts[candidate];
  }

  public Integer[] starts() {
    return Arrays.copyOf(starts, starts.length);
  }

  public long spend() {
    return spend;
  }

  public long quarterSpend(int quarter) {
    return quarterSpend[quarter];
  }

  public long load(int role, int month) {
    return load[role][month];
  }

  /** The sum of the value points of the funded candidates. */
  public long value() {
    long value = 0;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] != null) {
        value += problem.candidate(i).value();
      }
    }
    return value;
  }

  /** Every hard constraint the portfolio breaks, with by how much; empty when it is feasible. */
  public List<Violation> violations() {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      Candidate c = problem.candidate(i);
      if (c.mustFund() && starts[i] == null) {
        violations.add(new Violation(Violation.Kind.MUST_FUND, c.code(), null, null, 0, 0));
      }
      if (c.pinnedOut() && starts[i] != null) {
        violations.add(new Violation(Violation.Kind.PINNED_OUT, c.code(), null, null, 0, 0));
      }
      if (starts[i] != null && (starts[i] < c.earliestStart() || starts[i] > c.latestStart())) {
        violations.add(new Violation(Violation.Kind.START_WINDOW, c.code(), null, null, starts[i], 0));
      }
    }
    violations.addAll(resourceViolations(spend, quarterSpend, load));
    return violations;
  }

  public boolean feasible() {
    return violations().isEmpty();
  }

  /**
   * What funding one more candidate at this start would break, with by how much: the budget (total or of a
   * quarter) or the capacity of a role in a month. Empty when it fits.
   */
  public List<Violation> violationsIfFunded(int candidate, int start) {
    Candidate c = problem.candidate(candidate);
    long addedSpend = 0;
    long[] addedQuarter = new long[quarterSpend.length];
    long[][] addedLoad = new long[load.length][];
    for (int k = 0; k < c.monthlyCost().length; k++) {
      int month = start + k;
      if (month < problem.months()) {
        addedSpend += c.monthlyCost()[k];
        addedQuarter[problem.quarterOf(month)] += c.monthlyCost()[k];
      }
    }
    for (Candidate.Demand demand : c.demand()) {
      if (addedLoad[demand.role()] == null) {
        addedLoad[demand.role()] = new long[problem.months()];
      }
      for (int k = 0; k < demand.hundredthsPerMonth().length; k++) {
        int month = start + k;
        if (month < problem.months()) {
          addedLoad[demand.role()][month] += demand.hundredthsPerMonth()[k];
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    if (addedSpend > 0 && spend + addedSpend > problem.budgetTotal()) {
      violations.add(new Violation(Violation.Kind.BUDGET_TOTAL, c.code(), null, null,
          spend + addedSpend - problem.budgetTotal(), Math.min(addedSpend, spend + addedSpend - problem.budgetTotal())));
    }
    for (int q = 0; q < addedQuarter.length; q++) {
      Long cap = problem.quarterBudget()[q];
      if (cap != null && addedQuarter[q] > 0 && quarterSpend[q] + addedQuarter[q] > cap) {
        long over = quarterSpend[q] + addedQuarter[q] - cap;
        violations.add(new Violation(Violation.Kind.BUDGET_QUARTER, c.code(), problem.quarterName(q), null, over,
            Math.min(addedQuarter[q], over)));
      }
    }
    for (int r = 0; r < addedLoad.length; r++) {
      if (addedLoad[r] == null) {
        continue;
      }
      for (int m = 0; m < problem.months(); m++) {
        long capacity = problem.capacity()[r][m];
        if (addedLoad[r][m] > 0 && load[r][m] + addedLoad[r][m] > capacity) {
          long over = load[r][m] + addedLoad[r][m] - capacity;
          violations.add(new Violation(Violation.Kind.CAPACITY, c.code(), problem.month(m).toString(),
              problem.roles().get(r), over, Math.min(addedLoad[r][m], over)));
        }
      }
    }
    return violations;
  }

  private List<Violation> resourceViolations(long totalSpend, long[] quarters, long[][] loads) {
    List<Violation> violations = new ArrayList<>();
    if (totalSpend > problem.budgetTotal()) {
      violations.add(new Violation(Violation.Kind.BUDGET_TOTAL, null, null, null, totalSpend - problem.budgetTotal(),
          0));
    }
    for (int q = 0; q < quarters.length; q++) {
      Long cap = problem.quarterBudget()[q];
      if (cap != null && quarters[q] > cap) {
        violations.add(new Violation(Violation.Kind.BUDGET_QUARTER, null, problem.quarterName(q), null,
            quarters[q] - cap, 0));
      }
    }
    for (int r = 0; r < loads.length; r++) {
      for (int m = 0; m < problem.months(); m++) {
        if (loads[r][m] > 0 && loads[r][m] > problem.capacity()[r][m]) {
          violations.add(new Violation(Violation.Kind.CAPACITY, null, problem.month(m).toString(),
              problem.roles().get(r), loads[r][m] - problem.capacity()[r][m], 0));
        }
      }
    }
    return violations;
  }
}
