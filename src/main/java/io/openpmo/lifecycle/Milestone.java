package io.openpmo.lifecycle;

import java.time.LocalDate;

/** A dated milestone of a baseline. */
public record Milestone(Long id, Long baselineId, String name, LocalDate dueDate, Integer ordinal) {
}
