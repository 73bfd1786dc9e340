package io.openpmo.closure;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The review of realised against expected annual benefits, due some months after closure. */
public record BenefitsReview(Long id, Long projectId, OffsetDateTime dueAt, BigDecimal expectedAnnualBenefit,
    BigDecimal realisedAnnualBenefit, BigDecimal realisationRatio, String outcome, String comment,
    String reviewedBy, OffsetDateTime reviewedAt) {

  public static final java.util.List<String> OUTCOMES = java.util.List.of("ACHIEVED", "PARTIALLY_ACHIEVED",
      "NOT_ACHIEVED");
}
