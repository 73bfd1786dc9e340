package io.openpmo.resource;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Part of a resource plan: a named resource or a role to staff, in one month (first day), in FTE. */
public record Allocation(Long id, Long baselineId, Long projectId, String role, Long resourceId, LocalDate monthStart,
    BigDecimal fte) {
}
