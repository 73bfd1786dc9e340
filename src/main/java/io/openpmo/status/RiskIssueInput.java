package io.openpmo.status;

import io.openpmo.core.CheckedInService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A register entry as created or updated through the API. */
@CheckedInService
@Schema(description = "Risk (probability and impact 1-5) or issue, with severity, owner and status")
public record RiskIssueInput(
    @Schema(allowableValues = {"RISK", "ISSUE"}) String kind,
    @Size(max = 200) String title,
    @Size(max = 4000) String description,
    @Schema(allowableValues = {"LOW", "MEDIUM", "HIGH", "CRITICAL"}) String severity,
    @Min(1) @Max(5) Integer probability,
    @Min(1) @Max(5) Integer impact,
    @Size(max = 64) String owner,
    @Schema(allowableValues = {"OPEN", "MITIGATING", "CLOSED", "HANDED_OVER"}) String status,
    LocalDate dueDate) {
}
