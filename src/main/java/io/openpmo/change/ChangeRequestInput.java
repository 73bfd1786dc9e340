package io.openpmo.change;

import io.openpmo.lifecycle.ProjectPlan;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** A change request as raised through the API or the Tasklist form. */
@Schema(description = "Change to scope, schedule or cost of a project in delivery")
public record ChangeRequestInput(
    String title,
    String reason,
    Boolean scopeChange,
    String scopeDescription,
    @Schema(description = "Schedule delay in days (0 or more)") Integer delayDays,
    @Schema(description = "Cost change in the base currency: positive when cost rises, negative when it falls")
    BigDecimal costDelta,
    @Schema(allowableValues = {"NONE", "LOW", "MEDIUM", "HIGH"}) String riskImpact,
    Boolean regulatoryImpact,
    @Schema(description = "Applied at once; the PMO approves it within 2 days or it is rolled back") Boolean emergency,
    @Schema(description = "Optional: the whole new baseline; without it, the baseline in force is adjusted by the"
        + " cost change and the delay") ProjectPlan plan) {
}
