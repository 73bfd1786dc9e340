package io.openpmo.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A register entry as created or updated through the API. */
@Schema(description = "Risk (probability and impact 1-5) or issue, with severity, owner and status")
public record RiskIssueInput(
    @Schema(allowableValues = {"RISK", "ISSUE"}) String kind,
    String title,
    String description,
    @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"}) String severity,
    Integer probability,
    Integer impact,
    String owner,
    @Schema(allowableValues = {"OPEN", "MITIGATING", "CLOSED", "HANDED_OVER"}) String status,
    LocalDate dueDate) {
}
