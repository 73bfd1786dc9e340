package io.openpmo.project;

/**
 * Where a change request stands ({@code change_request.status}); {@link #name()} is the stored value. RAISED to
 * APPROVED are open (a project going into closure withdraws them); the others are final, except that an emergency
 * change APPLIED at once is CONFIRMED or ROLLED_BACK afterwards.
 */
public enum ChangeStatus {
  RAISED,
  ASSESSED,
  IN_APPROVAL,
  IN_REAPPROVAL,
  APPROVED,
  REJECTED,
  APPLIED,
  CONFIRMED,
  ROLLED_BACK,
  WITHDRAWN;

  /** True for a change still under way (raised, assessed, in approval or re-approval, approved). */
  public boolean isOpen() {
    return ordinal() <= APPROVED.ordinal();
  }

  /** True when the stored value is this status. */
  public boolean is(String value) {
    return name().equals(value);
  }
}
