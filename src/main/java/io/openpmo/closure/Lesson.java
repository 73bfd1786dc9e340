package io.openpmo.closure;

import java.time.OffsetDateTime;
import java.util.List;

/** A lesson learned, with the project it comes from. */
public record Lesson(Long id, Long projectId, String projectCode, String projectTitle, String wentWell,
    String toImprove, String recommendations, List<String> tags, String author, OffsetDateTime createdAt) {
}
