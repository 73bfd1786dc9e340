package io.openpmo.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/** One entry of the append-only audit trail: who did what, when, to which project, and why. */
public record AuditEvent(
    Long seq,
    OffsetDateTime occurredAt,
    String actor,
    String action,
    Long projectId,
    String projectCode,
    @JsonRawValue String details,
    String prevHash,
    String hash) {
}
