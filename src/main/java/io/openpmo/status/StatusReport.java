package io.openpmo.status;

import io.openpmo.project.Health;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A status report with its earned value and the health the projectHealth decision gave it. */
public record StatusReport(Long id, Long projectId, Long baselineId, LocalDate reportDate, BigDecimal percentComplete,
    BigDecimal actualCost, BigDecimal plannedValue, BigDecimal earnedValue, BigDecimal cpi, BigDecimal spi,
    Health health, String notes, String source, String submittedBy, OffsetDateTime submittedAt) {
}
