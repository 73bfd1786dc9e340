package io.openpmo.change.decision;

import static io.openpmo.intake.decision.DecisionTestEngine.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.decision.DecisionTestEngine;
import io.openpmo.intake.decision.DecisionTestEngine.Evaluation;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dmn/change-classification.dmn: CRITICAL rules first, then MAJOR, else MINOR; the first matching rule wins (FIRST).
 * A cost change counts by its size, whether the cost rises or falls: the table compares {@code abs(costDelta)} and
 * {@code abs(costDelta) / currentBudget}. Every test starts from a change that costs nothing, takes no time and
 * touches no scope, and changes one fact; the budgets are chosen so that only the boundary under test is near.
 */
class ChangeClassificationDecisionTest {

  static final DmnDecision CHANGE_CLASSIFICATION =
      DecisionTestEngine.decision("dmn/change-classification.dmn", "changeClassification");

  /** No cost, no delay, no scope change, no regulatory impact, on a project of 1M: MINOR. */
  static Map<String, Object> minorChange() {
    Map<String, Object> change = new HashMap<>();
    change.put("costDelta", 0.0);
    change.put("currentBudget", 1_000_000.0);
    change.put("delayDays", 0);
    change.put("scopeChange", false);
    change.put("regulatoryImpact", false);
    change.put("criticalFunction", false);
    return change;
  }

  static Evaluation evaluateWith(String variable, Object value) {
    Map<String, Object> change = minorChange();
    change.put(variable, value);
    return evaluate(CHANGE_CLASSIFICATION, change);
  }

  static Evaluation evaluateCost(Double costDelta, Double currentBudget) {
    Map<String, Object> change = minorChange();
    change.put("costDelta", costDelta);
    change.put("currentBudget", currentBudget);
    return evaluate(CHANGE_CLASSIFICATION, change);
  }

  static void assertClass(Evaluation evaluation, String changeClass, String rule) {
    assertThat(evaluation.<String>single("changeClass")).isEqualTo(changeClass);
    assertThat(evaluation.firedRules("changeClassification")).containsExactly("Rule_" + rule);
  }

  @Test
  void changeWithoutCostDelayOrScopeIsMinor() {
    assertClass(evaluate(CHANGE_CLASSIFICATION, minorChange()), "MINOR", "MinorOtherwise");
  }

  @Nested
  class RegulatoryImpact {

    @Test
    void changeWithRegulatoryImpactIsCritical() {
      assertClass(evaluateWith("regulatoryImpact", true), "CRITICAL", "CriticalForRegulatoryImpact");
    }
  }

  @Nested
  class Scope {

    @Test
    void scopeChangeIsMajor() {
      assertClass(evaluateWith("scopeChange", true), "MAJOR", "MajorForScopeChange");
    }

    @Test
    void scopeChangeOfACriticalFunctionIsCritical() {
      Map<String, Object> change = minorChange();
      change.put("scopeChange", true);
      change.put("criticalFunction", true);

      assertClass(evaluate(CHANGE_CLASSIFICATION, change), "CRITICAL", "CriticalForScopeChangeOfCriticalFunction");
    }

    @Test
    void criticalFunctionWithoutScopeChangeIsMinor() {
      assertClass(evaluateWith("criticalFunction", true), "MINOR", "MinorOtherwise");
    }
  }

  @Nested
  class CostRatio {

    /** On a budget of 500k the absolute amounts stay far below 500k, and below 50k at the 5 % boundary. */
    @ParameterizedTest(name = "cost change {0} EUR on a budget of {1} EUR: {2}")
    @CsvSource({
        "25000,      500000, MINOR,    MinorOtherwise",
        "25000.01,   500000, MAJOR,    MajorFromCostRatioAbove5Percent",
        "100000,     500000, MAJOR,    MajorFromCostRatioAbove5Percent",
        "100000.01,  500000, CRITICAL, CriticalFromCostRatioAbove20Percent"})
    void costRiseIsWeighedAgainstTheCurrentBudget(double costDelta, double budget, String changeClass, String rule) {
      assertClass(evaluateCost(costDelta, budget), changeClass, rule);
    }

    @ParameterizedTest(name = "cost change {0} EUR on a budget of {1} EUR: {2}")
    @CsvSource({
        "-25000,     500000, MINOR,    MinorOtherwise",
        "-25000.01,  500000, MAJOR,    MajorFromCostRatioAbove5Percent",
        "-100000,    500000, MAJOR,    MajorFromCostRatioAbove5Percent",
        "-100000.01, 500000, CRITICAL, CriticalFromCostRatioAbove20Percent"})
    void costFallCountsByItsSizeAgainstTheCurrentBudget(double costDelta, double budget, String changeClass,
        String rule) {
      assertClass(evaluateCost(costDelta, budget), changeClass, rule);
    }
  }

  @Nested
  class AbsoluteCost {

    /** On a budget of 20M even 500k is 2.5 %: the ratio rules stay out of the way. */
    @ParameterizedTest(name = "cost change {0} EUR on a budget of 20M EUR: {1}")
    @CsvSource({
        "50000,      MINOR,    MinorOtherwise",
        "50000.01,   MAJOR,    MajorFromCostChangeAbove50k",
        "500000,     MAJOR,    MajorFromCostChangeAbove50k",
        "500000.01,  CRITICAL, CriticalFromCostChangeAbove500k"})
    void costRiseCountsByItsAmount(double costDelta, String changeClass, String rule) {
      assertClass(evaluateCost(costDelta, 20_000_000.0), changeClass, rule);
    }

    @ParameterizedTest(name = "cost change {0} EUR on a budget of 20M EUR: {1}")
    @CsvSource({
        "-50000,     MINOR,    MinorOtherwise",
        "-50000.01,  MAJOR,    MajorFromCostChangeAbove50k",
        "-500000,    MAJOR,    MajorFromCostChangeAbove50k",
        "-500000.01, CRITICAL, CriticalFromCostChangeAbove500k"})
    void costFallCountsByItsSize(double costDelta, String changeClass, String rule) {
      assertClass(evaluateCost(costDelta, 20_000_000.0), changeClass, rule);
    }
  }

  @Nested
  class CurrentBudgetZero {

    @ParameterizedTest(name = "cost change {0} EUR without a budget: {1}")
    @CsvSource({
        "0,          MINOR,    MinorOtherwise",
        "10000,      MINOR,    MinorOtherwise",
        "60000,      MAJOR,    MajorFromCostChangeAbove50k",
        "-600000,    CRITICAL, CriticalFromCostChangeAbove500k"})
    void projectWithoutBudgetIsClassifiedByTheAmountAloneAndDoesNotFail(double costDelta, String changeClass,
        String rule) {
      assertClass(evaluateCost(costDelta, 0.0), changeClass, rule);
    }
  }

  @Nested
  class Delay {

    @ParameterizedTest(name = "delay of {0} days: {1}")
    @CsvSource({
        "0,  MINOR,    MinorOtherwise",
        "10, MINOR,    MinorOtherwise",
        "11, MAJOR,    MajorFromDelayAbove10Days",
        "60, MAJOR,    MajorFromDelayAbove10Days",
        "61, CRITICAL, CriticalFromDelayAbove60Days"})
    void delayIsMajorAfter10DaysAndCriticalAfter60(int delayDays, String changeClass, String rule) {
      assertClass(evaluateWith("delayDays", delayDays), changeClass, rule);
    }
  }

  @Nested
  class Precedence {

    @Test
    void regulatoryImpactDecidesBeforeEveryOtherFact() {
      Map<String, Object> change = minorChange();
      change.put("regulatoryImpact", true);
      change.put("scopeChange", true);
      change.put("criticalFunction", true);
      change.put("costDelta", 900_000.0);
      change.put("delayDays", 90);

      assertClass(evaluate(CHANGE_CLASSIFICATION, change), "CRITICAL", "CriticalForRegulatoryImpact");
    }

    @Test
    void longDelayMakesAMajorCostChangeCritical() {
      Map<String, Object> change = minorChange();
      change.put("costDelta", 100_000.0);    // 10 % of 1M: MAJOR alone
      change.put("delayDays", 61);

      assertClass(evaluate(CHANGE_CLASSIFICATION, change), "CRITICAL", "CriticalFromDelayAbove60Days");
    }

    @Test
    void costRatioIsTheFirstMajorRuleWhenRatioAndAmountAreBothMajor() {
      Map<String, Object> change = minorChange();
      change.put("costDelta", 100_000.0);    // 10 % and above 50k
      change.put("delayDays", 20);
      change.put("scopeChange", true);

      assertClass(evaluate(CHANGE_CLASSIFICATION, change), "MAJOR", "MajorFromCostRatioAbove5Percent");
    }
  }
}
