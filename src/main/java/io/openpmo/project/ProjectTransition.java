package io.openpmo.project;

import static io.openpmo.project.ProjectStatus.ACTIVE;
import static io.openpmo.project.ProjectStatus.APPROVED;
import static io.openpmo.project.ProjectStatus.CANCELLED;
import static io.openpmo.project.ProjectStatus.IN_REVIEW;
import static io.openpmo.project.ProjectStatus.ON_HOLD;
import static io.openpmo.project.ProjectStatus.REWORK;
import static io.openpmo.project.ProjectStatus.STOPPED;
import static io.openpmo.project.ProjectStatus.SUBMITTED;

import java.util.Set;

/**
 * The moves of a project's state machine: from which statuses each is allowed, and the name the audit trail
 * gives it. Where the project lands (status and phase) and what must be on record first is decided by
 * {@link ProjectGovernance}.
 */
public enum ProjectTransition {
  START_REVIEW("REVIEW_STARTED", Set.of(SUBMITTED)),
  RETURN_FOR_REWORK("RETURNED_FOR_REWORK", Set.of(IN_REVIEW)),
  RESUBMIT("REQUEST_RESUBMITTED", Set.of(REWORK)),
  /** From REWORK only by the PMO's decision after the last rework round. */
  APPROVE("PROJECT_APPROVED", Set.of(IN_REVIEW, REWORK)),
  REJECT("PROJECT_REJECTED", Set.of(IN_REVIEW, REWORK)),
  WITHDRAW("REQUEST_WITHDRAWN", Set.of(SUBMITTED, IN_REVIEW, REWORK)),
  START_DELIVERY("DELIVERY_STARTED", Set.of(APPROVED)),
  HOLD("PROJECT_ON_HOLD", Set.of(APPROVED, ACTIVE)),
  RESUME("PROJECT_RESUMED", Set.of(ON_HOLD)),
  STOP("PROJECT_STOPPED", Set.of(APPROVED, ACTIVE, ON_HOLD)),
  CANCEL("PROJECT_CANCELLED", Set.of(APPROVED, ACTIVE, ON_HOLD)),
  HAND_OVER_TO_CLOSURE("DELIVERY_COMPLETED", Set.of(ACTIVE)),
  CLOSE("PROJECT_CLOSED", Set.of(ACTIVE, STOPPED, CANCELLED));

  private final String auditAction;
  private final Set<ProjectStatus> from;

  ProjectTransition(String auditAction, Set<ProjectStatus> from) {
    this.auditAction = auditAction;
    this.from = from;
  }

  public String auditAction() {
    return auditAction;
  }

  public boolean allowedFrom(ProjectStatus status) {
    return from.contains(status);
  }

  public Set<ProjectStatus> from() {
    return from;
  }
}
