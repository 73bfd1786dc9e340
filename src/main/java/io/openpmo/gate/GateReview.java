package io.openpmo.gate;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.openpmo.project.GateOutcome;
import java.time.OffsetDateTime;

/** One review of one gate of a project (a RECYCLE leads to another attempt). */
public record GateReview(Long id, Long projectId, String gate, Integer attempt, String status, GateOutcome outcome,
    String reviewerGroups, @JsonRawValue String checklist, String processInstanceId, OffsetDateTime openedAt,
    OffsetDateTime decidedAt) {

  /** {@code gate_review.status} while the reviewers decide; then DECIDED (with a {@code GateOutcome}) or CANCELLED. */
  public static final String OPEN = "OPEN";
  public static final String DECIDED = "DECIDED";
  public static final String CANCELLED = "CANCELLED";
}
