package io.openpmo.deputy;

import java.time.OffsetDateTime;

/** A task other than a vote that a deputy completed for the person they stood in for. */
public record DeputyAction(String taskId, Long deputyshipId, String deputy, String actingFor, Long projectId,
    String taskName, OffsetDateTime completedAt) {
}
