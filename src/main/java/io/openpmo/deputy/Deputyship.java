package io.openpmo.deputy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An approver ({@code principal}) who is away names a {@code deputy} for a period, both days included. The
 * deputy stands in for them while the period runs and nobody ended it early.
 */
public record Deputyship(
    Long id,
    String principal,
    String deputy,
    LocalDate validFrom,
    LocalDate validTo,
    String reason,
    String namedBy,
    OffsetDateTime namedAt,
    OffsetDateTime endedAt,
    String endedBy,
    String processInstanceId) {

  /** Whether the deputy stands in for the principal on this day. */
  public boolean activeOn(LocalDate day) {
    return endedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
  }

  /** Whether it is over on this day: ended early, or its last day passed. */
  public boolean overOn(LocalDate day) {
    return endedAt != null || day.isAfter(validTo);
  }

  /** UPCOMING, ACTIVE or ENDED on this day. */
  public String stateOn(LocalDate day) {
    return overOn(day) ? "ENDED" : activeOn(day) ? "ACTIVE" : "UPCOMING";
  }

  /** The last day the deputy stood in: the end of the period, or the day it was ended early. */
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public LocalDate lastDay() {
    if (endedAt == null) {
      return validTo;
    }
    LocalDate ended = endedAt.toLocalDate();
    return ended.isBefore(validTo) ? ended : validTo;
  }
}
