package io.openpmo.planning.optimiser;

/**
 * A hard constraint broken, or one that funding a candidate would break.
 *
 * @param kind      which constraint
 * @param candidate the candidate it concerns (null for a constraint of the whole portfolio)
 * @param where     the quarter (2027-Q2) or month (2027-05) where it binds; null for the total budget
 * @param role      the role, for capacity
 * @param overBy    by how much the portfolio is over: currency units for budgets, hundredths of an FTE for capacity
 * @param ownShare  of that, how much the candidate itself brings (for an exclusion: the overrun is also caused by
 *                  what else is funded; at most what the candidate adds)
 */
public record Violation(Kind kind, String candidate, String where, String role, long overBy, long ownShare) {

  public enum Kind {
    /** A mandatory or pinned-in candidate is not funded. */
    MUST_FUND,
    /** A pinned-out candidate is funded. */
    PINNED_OUT,
    /** A candidate starts outside its window. */
    START_WINDOW,
    BUDGET_TOTAL,
    BUDGET_QUARTER,
    CAPACITY
  }

  /** In words: "Budget 2027-Q2 over by 120000", "Capacity DEVELOPER 2027-05 over by 0.50 FTE". */
  public String describe() {
    return switch (kind) {
      case MUST_FUND -> candidate + " is mandatory or pinned in but not funded";
      case PINNED_OUT -> candidate + " is pinned out but funded";
      case START_WINDOW -> candidate + " starts outside its window (month index " + overBy + ")";
      case BUDGET_TOTAL -> "Total budget over by " + overBy;
      case BUDGET_QUARTER -> "Budget " + where + " over by " + overBy;
      case CAPACITY -> "Capacity " + role + " " + where + " over by " + fte(overBy) + " FTE";
    };
  }

  /** Hundredths of an FTE as "0.50". */
  public static String fte(long hundredths) {
    return java.math.BigDecimal.valueOf(hundredths, 2).toPlainString();
  }
}
