package io.openpmo.status;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a risk or an issue of the register stands ({@code risk_issue.status}); {@link #name()} is the stored value.
 * OPEN and MITIGATING are still open: closure settles them as CLOSED or HANDED_OVER.
 */
public enum RegisterStatus {
  OPEN,
  MITIGATING,
  CLOSED,
  /** Handed over to a new owner at closure (e.g. operations). */
  HANDED_OVER;

  /** The stored values. */
  public static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  /** True for an item that still needs attention (OPEN or MITIGATING). */
  public boolean isOpen() {
    return this == OPEN || this == MITIGATING;
  }
}
