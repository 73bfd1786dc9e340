package io.openpmo.resource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A person of the resource pool: role, qualification and monthly capacity in FTE. */
public record Resource(Long id, String userId, String name, String role, Qualification qualification,
    BigDecimal monthlyCapacityFte, Boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
