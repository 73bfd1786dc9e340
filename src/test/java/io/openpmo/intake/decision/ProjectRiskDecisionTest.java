package io.openpmo.intake.decision;

import static io.openpmo.intake.decision.DecisionTestEngine.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.decision.DecisionTestEngine.Evaluation;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dmn/project-risk.dmn: {@code riskPoints} adds up the points of every risk factor (one band fires per factor),
 * {@code projectRisk} turns the sum into a tier. Every test starts from a project that scores nothing and changes
 * one input, so the score is the points of that input's band.
 */
class ProjectRiskDecisionTest {

  static final String RESOURCE = "dmn/project-risk.dmn";
  static final DmnDecision PROJECT_RISK = DecisionTestEngine.decision(RESOURCE, "projectRisk");
  static final int FACTORS = 8;

  /** A small, simple, internal project on established technology: 0 points on every factor. */
  static Map<String, Object> neutralProject() {
    Map<String, Object> project = new HashMap<>();
    project.put("budget", 100_000.0);
    project.put("complexity", "LOW");
    project.put("dataClassification", "INTERNAL");
    project.put("personalData", false);
    project.put("thirdParty", "NONE");
    project.put("criticalFunction", false);
    project.put("newTechnology", false);
    project.put("durationMonths", 12);
    return project;
  }

  static Evaluation evaluateWith(String variable, Object value) {
    Map<String, Object> project = neutralProject();
    project.put(variable, value);
    return evaluate(PROJECT_RISK, project);
  }

  /** One band per factor fires; the one of {@code variable} is {@code rule} and gives the whole score. */
  static void assertPoints(String variable, Object value, int points, String rule) {
    Evaluation evaluation = evaluateWith(variable, value);
    assertThat(evaluation.firedRules("riskPoints")).hasSize(FACTORS).contains("Rule_" + rule);
    assertThat(evaluation.<Integer>single("riskScore")).isEqualTo(points);
  }

  @Test
  void neutralProjectScoresNothingAndIsLowRisk() {
    Evaluation evaluation = evaluate(PROJECT_RISK, neutralProject());

    assertThat(evaluation.firedRules("riskPoints")).containsExactly("Rule_BudgetUnder250k", "Rule_ComplexityLow",
        "Rule_DataPublicOrInternal", "Rule_NoPersonalData", "Rule_NoThirdParty", "Rule_NoCriticalFunction",
        "Rule_EstablishedTechnology", "Rule_Duration18MonthsOrLess");
    assertThat(evaluation.<Integer>single("riskScore")).isZero();
    assertThat(evaluation.<String>single("riskTier")).isEqualTo("LOW");
    assertThat(evaluation.firedRules("projectRisk")).containsExactly("Rule_TierLow");
  }

  @Nested
  class Budget {

    @ParameterizedTest(name = "budget {0} EUR scores 0 points")
    @ValueSource(doubles = {0, 100_000, 249_999.99})
    void budgetUnder250kScoresNothing(double budget) {
      assertPoints("budget", budget, 0, "BudgetUnder250k");
    }

    @ParameterizedTest(name = "budget {0} EUR scores 10 points")
    @ValueSource(doubles = {250_000, 1_000_000, 1_999_999.99})
    void budgetOf250kToUnder2MScoresTenPoints(double budget) {
      assertPoints("budget", budget, 10, "Budget250kTo2M");
    }

    @ParameterizedTest(name = "budget {0} EUR scores 20 points")
    @ValueSource(doubles = {2_000_000, 5_000_000, 9_999_999.99})
    void budgetOf2MToUnder10MScoresTwentyPoints(double budget) {
      assertPoints("budget", budget, 20, "Budget2MTo10M");
    }

    @ParameterizedTest(name = "budget {0} EUR scores 30 points")
    @ValueSource(doubles = {10_000_000, 250_000_000})
    void budgetOf10MOrMoreScoresThirtyPoints(double budget) {
      assertPoints("budget", budget, 30, "Budget10MOrMore");
    }

    @Test
    void integerBudgetIsAcceptedAsNumber() {
      assertPoints("budget", 250_000, 10, "Budget250kTo2M");
    }
  }

  @Nested
  class Complexity {

    @Test
    void lowComplexityScoresNothing() {
      assertPoints("complexity", "LOW", 0, "ComplexityLow");
    }

    @Test
    void mediumComplexityScoresTenPoints() {
      assertPoints("complexity", "MEDIUM", 10, "ComplexityMedium");
    }

    @Test
    void highComplexityScoresTwentyPoints() {
      assertPoints("complexity", "HIGH", 20, "ComplexityHigh");
    }
  }

  @Nested
  class DataClassification {

    @ParameterizedTest(name = "{0} data scores 0 points")
    @ValueSource(strings = {"PUBLIC", "INTERNAL"})
    void publicOrInternalDataScoresNothing(String classification) {
      assertPoints("dataClassification", classification, 0, "DataPublicOrInternal");
    }

    @Test
    void confidentialDataScoresTenPoints() {
      assertPoints("dataClassification", "CONFIDENTIAL", 10, "DataConfidential");
    }

    @Test
    void strictlyConfidentialDataScoresTwentyPoints() {
      assertPoints("dataClassification", "STRICTLY_CONFIDENTIAL", 20, "DataStrictlyConfidential");
    }
  }

  @Nested
  class PersonalData {

    @Test
    void noPersonalDataScoresNothing() {
      assertPoints("personalData", false, 0, "NoPersonalData");
    }

    @Test
    void personalDataScoresTenPoints() {
      assertPoints("personalData", true, 10, "PersonalData");
    }
  }

  @Nested
  class ThirdParty {

    @Test
    void noThirdPartyScoresNothing() {
      assertPoints("thirdParty", "NONE", 0, "NoThirdParty");
    }

    @Test
    void ictServiceScoresTenPoints() {
      assertPoints("thirdParty", "ICT_SERVICE", 10, "IctService");
    }

    @Test
    void criticalOutsourcingScoresTwentyFivePoints() {
      assertPoints("thirdParty", "CRITICAL_OUTSOURCING", 25, "CriticalOutsourcing");
    }
  }

  @Nested
  class CriticalFunction {

    @Test
    void noCriticalFunctionScoresNothing() {
      assertPoints("criticalFunction", false, 0, "NoCriticalFunction");
    }

    @Test
    void criticalFunctionScoresTwentyPoints() {
      assertPoints("criticalFunction", true, 20, "CriticalFunction");
    }
  }

  @Nested
  class NewTechnology {

    @Test
    void establishedTechnologyScoresNothing() {
      assertPoints("newTechnology", false, 0, "EstablishedTechnology");
    }

    @Test
    void newTechnologyScoresTenPoints() {
      assertPoints("newTechnology", true, 10, "NewTechnology");
    }
  }

  @Nested
  class Duration {

    @ParameterizedTest(name = "{0} months score 0 points")
    @ValueSource(ints = {1, 12, 18})
    void durationUpTo18MonthsScoresNothing(int months) {
      assertPoints("durationMonths", months, 0, "Duration18MonthsOrLess");
    }

    @ParameterizedTest(name = "{0} months score 10 points")
    @ValueSource(ints = {19, 36})
    void durationOver18MonthsScoresTenPoints(int months) {
      assertPoints("durationMonths", months, 10, "DurationOver18Months");
    }
  }

  /**
   * The tier table alone, fed a risk score directly: the points are multiples of 5, so no project scores 24, 49
   * or 74, but the bands must still be closed at both ends.
   */
  @Nested
  class RiskTier {

    static final DmnDecision TIER_TABLE = DecisionTestEngine.tableAlone(RESOURCE, "projectRisk");

    static void assertTier(int score, String tier) {
      Evaluation evaluation = evaluate(TIER_TABLE, Map.of("riskScore", score));
      String rule = "Rule_Tier" + tier.charAt(0) + tier.substring(1).toLowerCase();
      assertThat(evaluation.firedRules("projectRisk")).containsExactly(rule);
      assertThat(evaluation.<String>single("riskTier")).isEqualTo(tier);
      assertThat(evaluation.<Integer>single("riskScore")).as("score passed through").isEqualTo(score);
    }

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({"0, LOW", "24, LOW", "25, MEDIUM"})
    void scoreOf24IsLowAnd25IsMedium(int score, String tier) {
      assertTier(score, tier);
    }

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({"49, MEDIUM", "50, HIGH"})
    void scoreOf49IsMediumAnd50IsHigh(int score, String tier) {
      assertTier(score, tier);
    }

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({"74, HIGH", "75, CRITICAL", "145, CRITICAL"})
    void scoreOf74IsHighAnd75IsCritical(int score, String tier) {
      assertTier(score, tier);
    }
  }

  /** The whole chain: inputs to points to tier. */
  @Nested
  class Tier {

    @Test
    void twentyPointsAreLowRisk() {
      Evaluation evaluation = evaluateWith("criticalFunction", true);

      assertThat(evaluation.<Integer>single("riskScore")).isEqualTo(20);
      assertThat(evaluation.<String>single("riskTier")).isEqualTo("LOW");
    }

    @Test
    void criticalOutsourcingAloneMakesMediumRisk() {
      Evaluation evaluation = evaluateWith("thirdParty", "CRITICAL_OUTSOURCING");

      assertThat(evaluation.<Integer>single("riskScore")).isEqualTo(25);
      assertThat(evaluation.<String>single("riskTier")).isEqualTo("MEDIUM");
    }

    @Test
    void crmReplacementIsHighRisk() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 900_000.0);                  // 10
      project.put("complexity", "MEDIUM");               // 10
      project.put("dataClassification", "CONFIDENTIAL"); // 10
      project.put("personalData", true);                 // 10
      project.put("thirdParty", "ICT_SERVICE");          // 10
      project.put("criticalFunction", false);            //  0
      project.put("newTechnology", false);               //  0
      project.put("durationMonths", 14);                 //  0  -> 50: HIGH

      Evaluation evaluation = evaluate(PROJECT_RISK, project);

      assertThat(evaluation.firedRules("riskPoints")).containsExactly("Rule_Budget250kTo2M",
          "Rule_ComplexityMedium", "Rule_DataConfidential", "Rule_PersonalData", "Rule_IctService",
          "Rule_NoCriticalFunction", "Rule_EstablishedTechnology", "Rule_Duration18MonthsOrLess");
      assertThat(evaluation.<Integer>single("riskScore")).isEqualTo(50);
      assertThat(evaluation.<String>single("riskTier")).isEqualTo("HIGH");
    }

    @Test
    void coreBankingMigrationToOutsourcedPlatformIsCritical() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 12_500_000.0);                        // 30
      project.put("complexity", "HIGH");                          // 20
      project.put("dataClassification", "STRICTLY_CONFIDENTIAL"); // 20
      project.put("personalData", true);                          // 10
      project.put("thirdParty", "CRITICAL_OUTSOURCING");          // 25
      project.put("criticalFunction", true);                      // 20
      project.put("newTechnology", true);                         // 10
      project.put("durationMonths", 30);                          // 10 -> 145 (the maximum): CRITICAL

      Evaluation evaluation = evaluate(PROJECT_RISK, project);

      assertThat(evaluation.firedRules("riskPoints")).hasSize(FACTORS);
      assertThat(evaluation.<Integer>single("riskScore")).isEqualTo(145);
      assertThat(evaluation.<String>single("riskTier")).isEqualTo("CRITICAL");
    }

    @Test
    void dataPlatformPilotIsMediumRisk() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 2_000_000.0);       // 20
      project.put("thirdParty", "ICT_SERVICE"); // 10
      project.put("newTechnology", true);       // 10
      project.put("durationMonths", 18);        //  0, every other factor 0 -> 40: MEDIUM

      Evaluation evaluation = evaluate(PROJECT_RISK, project);

      assertThat(evaluation.<Integer>single("riskScore")).isEqualTo(40);
      assertThat(evaluation.<String>single("riskTier")).isEqualTo("MEDIUM");
    }
  }
}
