package io.openpmo.planning.optimiser;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a candidate is not funded: pinned out by the PMO, or what funding it at its best start (the one that breaks
 * the fewest constraints, by the least) would break, with by how much.
 *
 * @param code       the candidate
 * @param pinnedOut  the PMO pinned it out
 * @param bestStart  the month index of the best start; null when pinned out
 * @param wouldBreak the constraints funding it at that start would break
 */
public record Exclusion(String code, boolean pinnedOut, Integer bestStart, List<Violation> wouldBreak) {

  public Exclusion {
    wouldBreak = List.copyOf(wouldBreak);
  }

  /** In words, for people: "Pinned out by the PMO", or the broken constraints joined by "; ". */
  public String describe() {
    if (pinnedOut) {
      return "Pinned out by the PMO";
    }
    if (wouldBreak.isEmpty()) {
      return "Fits, but was not chosen";
    }
    return wouldBreak.stream().map(Violation::describe).collect(Collectors.joining("; "));
  }
}
