package io.openpmo.strategy;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A strategic objective of the institution: what it wants to achieve in a period, who owns it, the KPI and target
 * that measure it, and its weight (1-5) in the value of the projects that serve it.
 */
public record Objective(Long id, String code, String name, String description, String owner, String kpi,
    String target, @JsonFormat(pattern = "yyyy-MM") LocalDate periodFrom,
    @JsonFormat(pattern = "yyyy-MM") LocalDate periodTo, Integer weight, Boolean active, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
