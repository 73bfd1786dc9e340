package io.openpmo.project;

/** Where a project stands in its life, from request to closure. */
public enum ProjectStatus {
  /** Request received, being validated and scored. */
  SUBMITTED,
  /** Reviews under way. */
  IN_REVIEW,
  /** Sent back to the requester for rework. */
  REWORK,
  /** Approved at G0 and registered. */
  APPROVED,
  REJECTED,
  WITHDRAWN,
  /** Planned and in delivery. */
  ACTIVE,
  ON_HOLD,
  /** Stopped at a gate; closure follows. */
  STOPPED,
  /** Cancelled by its sponsor, the PMO or a committee; closure follows. */
  CANCELLED,
  CLOSED;

  /** No process works on the project any more. */
  public boolean isFinal() {
    return this == REJECTED || this == WITHDRAWN || this == CLOSED;
  }
}
