package io.openpmo.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A month in which a plan asks more of a resource (or of a role's pool) than is left, and its resolution. */
public record CapacityConflict(Long id, Long projectId, Long baselineId, Long resourceId, String role, LocalDate monthStart,
    BigDecimal requestedFte, BigDecimal availableFte, String resolution, String resolvedBy, OffsetDateTime resolvedAt,
    String note) {

  public String describe(String resourceName) {
    String who = resourceId == null ? "role " + role : resourceName + " (" + role + ")";
    return who + " in " + monthStart.getYear() + "-" + String.format("%02d", monthStart.getMonthValue()) + ": "
        + requestedFte.stripTrailingZeros().toPlainString() + " FTE requested, "
        + availableFte.stripTrailingZeros().toPlainString() + " available";
  }
}
