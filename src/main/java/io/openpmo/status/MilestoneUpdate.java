package io.openpmo.status;

import java.time.LocalDate;

/** What a status report says of one milestone of the baseline. */
public record MilestoneUpdate(Long id, Long statusReportId, Long milestoneId, String status, LocalDate forecastDate,
    LocalDate actualDate) {
}
