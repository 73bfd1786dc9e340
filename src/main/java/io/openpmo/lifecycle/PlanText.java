package io.openpmo.lifecycle;

import io.openpmo.baseline.ProjectPlan;

import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Milestones and resource plan as lines of text, for the Tasklist planning form: one milestone per line
 * ({@code 2027-03-31 Design signed off}), one allocation per line ({@code DEVELOPER dana 2027-02 0.5},
 * with {@code -} as the person when the role is still to staff). Every unreadable line is named.
 */
final class PlanText {

  static String milestones(List<ProjectPlan.PlannedMilestone> milestones) {
    return milestones.stream().map(m -> m.dueDate() + " " + m.name()).collect(Collectors.joining("\n"));
  }

  static String allocations(List<ProjectPlan.PlannedAllocation> allocations) {
    return allocations.stream().map(a -> a.role() + " " + (a.resourceUserId() == null || a.resourceUserId().isBlank()
            ? "-" : a.resourceUserId()) + " " + a.month() + " " + a.fte().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining("\n"));
  }

  static List<ProjectPlan.PlannedMilestone> parseMilestones(String text) {
    List<ProjectPlan.PlannedMilestone> milestones = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    int n = 0;
    for (String line : lines(text)) {
      n++;
      String[] parts = line.split("\\s+", 2);
      try {
        if (parts.length < 2) {
          throw new IllegalArgumentException();
        }
        milestones.add(new ProjectPlan.PlannedMilestone(parts[1].strip(), LocalDate.parse(parts[0])));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        problems.add(new FieldProblem("milestonesText", "line " + n + " must read YYYY-MM-DD name (was \"" + line
            + "\")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return milestones;
  }

  static List<ProjectPlan.PlannedAllocation> parseAllocations(String text) {
    List<ProjectPlan.PlannedAllocation> allocations = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    int n = 0;
    for (String line : lines(text)) {
      n++;
      String[] parts = line.split("[\\s;,]+");
      try {
        if (parts.length != 4) {
          throw new IllegalArgumentException();
        }
        allocations.add(new ProjectPlan.PlannedAllocation(parts[0], null, "-".equals(parts[1]) ? null : parts[1],
            parts[2], new BigDecimal(parts[3])));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("allocationsText", "line " + n + " must read ROLE person YYYY-MM FTE, person -"
            + " when still to staff (was \"" + line + "\")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return allocations;
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private PlanText() {
  }
}
