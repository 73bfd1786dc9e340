package io.openpmo.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A version of what was approved: budget at completion, dates; milestones and resource plan hang off it. */
public record Baseline(Long id, Long projectId, Integer version, String status, BigDecimal budgetAtCompletion,
    LocalDate startDate, LocalDate endDate, String reason, String createdBy, OffsetDateTime createdAt,
    OffsetDateTime effectiveFrom, Long changeRequestId) {

  public static final String DRAFT = "DRAFT";
  public static final String IN_FORCE = "IN_FORCE";
  public static final String SUPERSEDED = "SUPERSEDED";
  public static final String DISCARDED = "DISCARDED";
  public static final String ROLLED_BACK = "ROLLED_BACK";
}
