package io.openpmo.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Scenarios side by side: each scenario's view (value, cost, quarters, utilisation per role and month), and per
 * candidate what each scenario does with it (the planned start month, or "cut"), marked where they differ.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScenarioComparison(List<ScenarioView> scenarios, List<CandidateRow> candidates) {

  /** One candidate across the scenarios: scenario code to "2027-03" (funded, start) or "cut" (with the reason). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record CandidateRow(String projectCode, String title, Map<String, String> decisions,
      Map<String, String> exclusions, boolean differs) {
  }
}
