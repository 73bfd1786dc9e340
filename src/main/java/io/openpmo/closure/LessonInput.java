package io.openpmo.closure;

import io.openpmo.core.CheckedInService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A lesson as recorded in the closure form or through the API. */
@CheckedInService
@Schema(description = "What went well, what to improve, recommendations (required) and tags")
public record LessonInput(@Size(max = 4000) String wentWell, @Size(max = 4000) String toImprove,
    @Size(max = 4000) String recommendations,
    @Schema(description = "Lower-case words or short phrases, e.g. vendor-management, testing")
    @Size(max = 20) List<@NotNull @Size(max = 50) String> tags) {
}
