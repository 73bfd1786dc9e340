package io.openpmo.planning;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A scenario as the PMO and the committees read it: its head and summary, budget and spend per quarter, every
 * candidate with what the optimiser made of it, and utilisation per role and month (capacity, what plans outside
 * the scenario take, what the scenario's funded projects take).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScenarioView(Scenario scenario, Summary summary, List<QuarterLine> quarters,
    List<ScenarioRows.Candidate> candidates, List<UtilisationLine> utilisation) {

  /** The figures of the scenario at a glance. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Summary(int candidates, int mandatory, int funded, int cut, Long valueFunded, Long greedyValue,
      BigDecimal budgetTotal, BigDecimal spendInPeriod, Boolean feasible, String violations, boolean solved) {
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record QuarterLine(String quarter, BigDecimal budget, BigDecimal spend) {
  }

  /** A role in a month; utilisation = (committed + scenario) / capacity, null without capacity. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record UtilisationLine(String role, @JsonFormat(pattern = "yyyy-MM") LocalDate month, BigDecimal capacityFte,
      BigDecimal committedFte, BigDecimal scenarioFte, BigDecimal utilisation) {
  }
}
