package io.openpmo.baseline;

import io.openpmo.resource.Allocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changed from one baseline version to the next: budget, dates, milestones, resource plan. */
public record BaselineDiff(int fromVersion, int toVersion, Long changeRequestId, BigDecimal budgetDelta,
    long startShiftDays, long endShiftDays, List<String> milestonesAdded, List<String> milestonesRemoved,
    List<MilestoneMove> milestonesMoved, List<AllocationChange> allocationChanges) {

  public record MilestoneMove(String name, LocalDate from, LocalDate to) {
  }

  public record AllocationChange(String role, Long resourceId, String month, BigDecimal fteBefore,
      BigDecimal fteAfter) {
  }

  public static BaselineDiff between(Baseline from, List<Milestone> fromMilestones, List<Allocation> fromAllocations,
      Baseline to, List<Milestone> toMilestones, List<Allocation> toAllocations) {
    Map<String, LocalDate> before = new LinkedHashMap<>();
    fromMilestones.forEach(m -> before.put(m.name(), m.dueDate()));
    Map<String, LocalDate> after = new LinkedHashMap<>();
    toMilestones.forEach(m -> after.put(m.name(), m.dueDate()));
    List<String> added = after.keySet().stream().filter(name -> !before.containsKey(name)).toList();
    List<String> removed = before.keySet().stream().filter(name -> !after.containsKey(name)).toList();
    List<MilestoneMove> moved = after.entrySet().stream()
        .filter(e -> before.containsKey(e.getKey()) && !before.get(e.getKey()).equals(e.getValue()))
        .map(e -> new MilestoneMove(e.getKey(), before.get(e.getKey()), e.getValue())).toList();
    Map<String, BigDecimal> fteBefore = ftes(fromAllocations);
    Map<String, BigDecimal> fteAfter = ftes(toAllocations);
    List<AllocationChange> changes = new ArrayList<>();
    for (String key : new TreeSet<>(union(fteBefore, fteAfter))) {
      BigDecimal was = fteBefore.get(key);
      BigDecimal is = fteAfter.get(key);
      if (was == null || is == null || was.compareTo(is) != 0) {
        String[] parts = key.split("\\|", -1);
        changes.add(new AllocationChange(parts[0], parts[1].isEmpty() ? null : Long.valueOf(parts[1]), parts[2], was, is));
      }
    }
    return new BaselineDiff(from.version(), to.version(), to.changeRequestId(),
        to.budgetAtCompletion().subtract(from.budgetAtCompletion()),
        ChronoUnit.DAYS.between(from.startDate(), to.startDate()), ChronoUnit.DAYS.between(from.endDate(), to.endDate()),
        added, removed, moved, changes);
  }

  private static Map<String, BigDecimal> ftes(List<Allocation> allocations) {
    Map<String, BigDecimal> ftes = new LinkedHashMap<>();
    for (Allocation a : allocations) {
      String key = a.role() + "|" + Objects.toString(a.resourceId(), "") + "|" + YearMonth.from(a.monthStart());
      ftes.merge(key, a.fte(), BigDecimal::add);
    }
    return ftes;
  }

  private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
    java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }
}
