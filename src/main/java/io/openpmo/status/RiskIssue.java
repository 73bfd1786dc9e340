package io.openpmo.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An entry of a project's risk and issue register. */
public record RiskIssue(Long id, Long projectId, String kind, String title, String description, String severity,
    Integer probability, Integer impact, String owner, RegisterStatus status, LocalDate dueDate, String createdBy,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
