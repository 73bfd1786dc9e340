package io.openpmo.planning;

import java.util.Arrays;
import java.util.List;

/**
 * What the portfolio review's reviewers (ENDORSE or REWORK a scenario) and its approver (APPROVE or REWORK) decide,
 * as the forms offer it and {@code portfolio_review_decision} stores it; {@link #name()} is the stored value.
 */
public enum PortfolioDecision {
  ENDORSE,
  APPROVE,
  REWORK;

  /** True when the stored or submitted value is this decision. */
  public boolean is(String value) {
    return name().equals(value);
  }

  static List<String> names(PortfolioDecision... decisions) {
    return Arrays.stream(decisions).map(Enum::name).toList();
  }
}
