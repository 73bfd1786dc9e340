package io.openpmo.planning;

import io.openpmo.intake.ProjectRequest;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Requests for planning tests, in a year of their own (no other test plans there). */
final class PlanningRequests {

  /** A request of 6 months from the given start, budget and annual benefit; a regulatory deadline when given. */
  static ProjectRequest request(String title, LocalDate start, String budget, String benefit, LocalDate deadline) {
    return new ProjectRequest(title, "Planning candidate", "Operations", "sam",
        deadline == null ? ProjectType.STRATEGIC : ProjectType.REGULATORY, 3, new BigDecimal(benefit),
        new BigDecimal(budget), "EUR", start, 6, Complexity.LOW, false, DataClassification.INTERNAL, ThirdParty.NONE,
        false, false, deadline, null);
  }

  private PlanningRequests() {
  }
}
