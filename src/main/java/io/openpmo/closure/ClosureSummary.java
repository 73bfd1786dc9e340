package io.openpmo.closure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What closure produced for a project: the closure record, its archived documents, lessons, benefits review. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosureSummary(Closure closure, List<ProjectDocument> documents, List<Lesson> lessons,
    BenefitsReview benefitsReview) {
}
