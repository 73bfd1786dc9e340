package io.openpmo.project;

/**
 * A project's health as the projectHealth table rates a status report ({@code status_report.health},
 * {@code project.health}); {@link #name()} is the stored value.
 */
public enum Health {
  GREEN,
  AMBER,
  RED;

  /** True when the stored value is this health. */
  public boolean is(String value) {
    return name().equals(value);
  }
}
