package io.openpmo.baseline;

import java.time.LocalDate;

/** A dated milestone of a baseline. */
public record Milestone(Long id, Long baselineId, String name, LocalDate dueDate, Integer ordinal) {
}
