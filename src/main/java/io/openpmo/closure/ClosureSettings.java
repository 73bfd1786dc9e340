package io.openpmo.closure;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the sponsor reviews the realised benefits of a delivered project ({@code openpmo.closure.benefits-review-after},
 * an ISO 8601 period such as P6M or a duration such as PT1H; 6 months by default).
 */
@ConfigurationProperties(prefix = "openpmo.closure")
public record ClosureSettings(String benefitsReviewAfter) {

  public ClosureSettings {
    benefitsReviewAfter = benefitsReviewAfter == null ? "P6M" : benefitsReviewAfter;
    due(benefitsReviewAfter, OffsetDateTime.now());   // a wrong setting stops the start, not a closure
  }

  public OffsetDateTime benefitsReviewDue(OffsetDateTime closedAt) {
    return due(benefitsReviewAfter, closedAt);
  }

  private static OffsetDateTime due(String benefitsReviewAfter, OffsetDateTime closedAt) {
    try {
      return benefitsReviewAfter.contains("T") ? closedAt.plus(Duration.parse(benefitsReviewAfter))
          : closedAt.plus(Period.parse(benefitsReviewAfter));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("openpmo.closure.benefits-review-after must be an ISO 8601 period or"
          + " duration such as P6M (was " + benefitsReviewAfter + ")", e);
    }
  }
}
