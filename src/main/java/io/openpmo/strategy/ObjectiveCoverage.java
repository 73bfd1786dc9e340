package io.openpmo.strategy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * What stands behind an objective: the live projects that serve it (not rejected or withdrawn), their requested
 * budget and expected annual benefit, and the annual benefit realised by those whose benefits were reviewed.
 * {@code uncovered} marks an active objective with no project behind it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ObjectiveCoverage(Objective objective, int projectCount, BigDecimal budget,
    BigDecimal expectedAnnualBenefit, BigDecimal realisedAnnualBenefit, int benefitsReviewed, boolean uncovered,
    List<ProjectLine> projects) {

  /** One project behind an objective. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ProjectLine(String objectiveCode, String code, String title, String status, String phase,
      BigDecimal budget, BigDecimal expectedAnnualBenefit, BigDecimal realisedAnnualBenefit) {
  }

  static final List<String> CSV_HEADER = List.of("objective", "name", "owner", "weight", "active", "projectCount",
      "budget", "expectedAnnualBenefit", "realisedAnnualBenefit", "benefitsReviewed", "uncovered", "projects");

  List<?> csvRow() {
    return java.util.Arrays.asList(objective.code(), objective.name(), objective.owner(), objective.weight(),
        objective.active(), projectCount, budget, expectedAnnualBenefit, realisedAnnualBenefit, benefitsReviewed,
        uncovered, String.join(" ", projects.stream().map(ProjectLine::code).toList()));
  }
}
