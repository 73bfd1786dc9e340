package io.openpmo.closure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A lesson as recorded in the closure form or through the API. */
@Schema(description = "What went well, what to improve, recommendations (required) and tags")
public record LessonInput(String wentWell, String toImprove, String recommendations,
    @Schema(description = "Lower-case words or short phrases, e.g. vendor-management, testing") List<String> tags) {
}
