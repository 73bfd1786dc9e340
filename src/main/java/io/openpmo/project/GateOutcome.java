package io.openpmo.project;

import java.util.Arrays;
import java.util.List;

/**
 * What a stage gate decides (the gate reviewers' votes and the gate review's outcome, {@code gate_review.outcome}
 * and the {@code gateOutcome} process variable); {@link #name()} is the stored value. Declared from the most to the
 * least severe: the outcome of a gate is the most severe vote.
 */
public enum GateOutcome {
  STOP,
  HOLD,
  /** Rework and resubmit to the same gate. */
  RECYCLE,
  /** Passed, with conditions to meet by a due date. */
  GO_WITH_CONDITIONS,
  GO;

  /** True when the stored or submitted value is this outcome. */
  public boolean is(String value) {
    return name().equals(value);
  }

  /** The stored values, most severe first. */
  public static List<String> bySeverity() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** The values a gate review form offers, in the form's order (GO first). */
  public static List<String> offered() {
    return List.of(GO.name(), GO_WITH_CONDITIONS.name(), RECYCLE.name(), HOLD.name(), STOP.name());
  }
}
