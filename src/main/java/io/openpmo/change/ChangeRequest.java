package io.openpmo.change;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.openpmo.project.ChangeStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A requested change to scope, schedule or cost of a project in delivery, and what was decided. */
public record ChangeRequest(Long id, Long projectId, String code, String title, String reason, Boolean scopeChange,
    String scopeDescription, Integer delayDays, BigDecimal costDelta, String riskImpact, Boolean regulatoryImpact,
    Boolean emergency, ChangeStatus status, String changeClass, String approverGroups, Boolean reapprovalRequired,
    String requestedBy, String raisedVia, String impactNotes, @JsonIgnore String proposedPlan,
    String processInstanceId, Long baselineBeforeId, Long baselineAfterId, OffsetDateTime createdAt,
    OffsetDateTime updatedAt, OffsetDateTime decidedAt) {
}
