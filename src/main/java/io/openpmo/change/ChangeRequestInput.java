package io.openpmo.change;

import io.openpmo.baseline.ProjectPlan;
import io.openpmo.core.CheckedInService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A change request as raised through the API or the Tasklist form. */
@CheckedInService
@Schema(description = "Change to scope, schedule or cost of a project in delivery")
public record ChangeRequestInput(
    @Size(max = 200) String title,
    @Size(max = 4000) String reason,
    Boolean scopeChange,
    @Size(max = 4000) String scopeDescription,
    @Schema(description = "Schedule delay in days (0 or more)") @Min(0) @Max(3650) Integer delayDays,
    @Schema(description = "Cost change in the base currency: positive when cost rises, negative when it falls")
    @Digits(integer = 17, fraction = 2) BigDecimal costDelta,
    @Schema(allowableValues = {"NONE", "LOW", "MEDIUM", "HIGH"}) String riskImpact,
    Boolean regulatoryImpact,
    @Schema(description = "Applied at once; the PMO approves it within 2 days or it is rolled back") Boolean emergency,
    @Schema(description = "Optional: the whole new baseline; without it, the baseline in force is adjusted by the"
        + " cost change and the delay") ProjectPlan plan) {
}
