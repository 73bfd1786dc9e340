package io.openpmo.resource;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How much of a resource's capacity the plans in force take in a month. */
public record Utilisation(Long resourceId, String name, String role, LocalDate monthStart, BigDecimal capacityFte,
    BigDecimal allocatedFte, BigDecimal utilisation) {
}
