package io.openpmo.gate;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A condition set with GO_WITH_CONDITIONS, tracked until it is met or the PMO waives it. */
public record GateCondition(Long id, Long gateReviewId, Long projectId, String description, String setBy, String owner,
    LocalDate dueDate, String status, String closedBy, OffsetDateTime closedAt, String note) {

  public static final String OPEN = "OPEN";
  public static final String MET = "MET";
  public static final String WAIVED = "WAIVED";
}
