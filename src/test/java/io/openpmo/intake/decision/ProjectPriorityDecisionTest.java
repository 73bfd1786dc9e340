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
 * dmn/project-priority.dmn: {@code priorityPoints} adds up alignment, benefit ratio, project type and regulatory
 * deadline points; {@code projectPriority} classes the project P1 to P4 (first matching rule wins). Every test starts
 * from a neutral project and changes one input.
 */
class ProjectPriorityDecisionTest {

  static final String RESOURCE = "dmn/project-priority.dmn";
  static final DmnDecision PROJECT_PRIORITY = DecisionTestEngine.decision(RESOURCE, "projectPriority");

  /** The points of the neutral project: a RUN project (5), every other factor 0. */
  static final int RUN_POINTS = 5;

  /**
   * A run-the-bank project, weakly aligned, with no measurable benefit and no regulatory deadline: 5 points, P4.
   * The budget is 3M, so the benefit ratio (3 x annual benefit / budget) is the annual benefit in millions.
   */
  static Map<String, Object> neutralProject() {
    Map<String, Object> project = new HashMap<>();
    project.put("projectType", "RUN");
    project.put("strategicAlignment", 1);
    project.put("budget", 3_000_000.0);
    project.put("expectedAnnualBenefit", 0.0);
    project.put("monthsToRegulatoryDeadline", null);
    return project;
  }

  static Evaluation evaluateWith(String variable, Object value) {
    Map<String, Object> project = neutralProject();
    project.put(variable, value);
    return evaluate(PROJECT_PRIORITY, project);
  }

  static void assertScore(Evaluation evaluation, int score) {
    assertThat(evaluation.<Integer>single("priorityScore")).isEqualTo(score);
  }

  @Test
  void neutralProjectScoresFivePointsAndIsP4() {
    Evaluation evaluation = evaluate(PROJECT_PRIORITY, neutralProject());

    assertThat(evaluation.firedRules("priorityPoints"))
        .containsExactly("Rule_Alignment1", "Rule_BenefitRatioBelow1", "Rule_TypeRun");
    assertScore(evaluation, RUN_POINTS);
    assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P4");
    assertThat(evaluation.firedRules("projectPriority")).containsExactly("Rule_Otherwise");
  }

  @Nested
  class StrategicAlignment {

    @ParameterizedTest(name = "alignment {0} scores {1} points")
    @CsvSource({
        "1,  0, Rule_Alignment1",
        "2,  8, Rule_Alignment2",
        "3, 15, Rule_Alignment3",
        "4, 23, Rule_Alignment4",
        "5, 30, Rule_Alignment5"})
    void eachAlignmentValueScoresItsPoints(int alignment, int points, String rule) {
      Evaluation evaluation = evaluateWith("strategicAlignment", alignment);

      assertThat(evaluation.firedRules("priorityPoints")).contains(rule);
      assertScore(evaluation, RUN_POINTS + points);
    }
  }

  /** Budget 3M in the neutral project: a ratio of 0.99 is an annual benefit of 990k. */
  @Nested
  class BenefitRatio {

    @ParameterizedTest(name = "annual benefit {0} EUR on 3M: ratio below 1, 0 points")
    @ValueSource(doubles = {0, 500_000, 990_000})
    void ratioBelowOneScoresNothing(double annualBenefit) {
      assertRatioPoints(annualBenefit, 0, "Rule_BenefitRatioBelow1");
    }

    @ParameterizedTest(name = "annual benefit {0} EUR on 3M: ratio 1 to under 2, 10 points")
    @ValueSource(doubles = {1_000_000, 1_990_000})
    void ratioOfOneToUnderTwoScoresTenPoints(double annualBenefit) {
      assertRatioPoints(annualBenefit, 10, "Rule_BenefitRatio1To2");
    }

    @ParameterizedTest(name = "annual benefit {0} EUR on 3M: ratio 2 to under 4, 20 points")
    @ValueSource(doubles = {2_000_000, 3_990_000})
    void ratioOfTwoToUnderFourScoresTwentyPoints(double annualBenefit) {
      assertRatioPoints(annualBenefit, 20, "Rule_BenefitRatio2To4");
    }

    @ParameterizedTest(name = "annual benefit {0} EUR on 3M: ratio 4 or more, 30 points")
    @ValueSource(doubles = {4_000_000, 25_000_000})
    void ratioOfFourOrMoreScoresThirtyPoints(double annualBenefit) {
      assertRatioPoints(annualBenefit, 30, "Rule_BenefitRatio4OrMore");
    }

    @Test
    void ratioUsesThreeYearsOfBenefitOverTheBudget() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 450_000.0);
      project.put("expectedAnnualBenefit", 300_000.0); // 3 x 300k / 450k = 2

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertThat(evaluation.firedRules("priorityPoints")).contains("Rule_BenefitRatio2To4");
      assertScore(evaluation, RUN_POINTS + 20);
    }

    @Test
    void zeroBudgetGivesRatioZeroInsteadOfDividingByZero() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 0.0);
      project.put("expectedAnnualBenefit", 1_000_000.0);

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertThat(evaluation.firedRules("priorityPoints")).contains("Rule_BenefitRatioBelow1");
      assertScore(evaluation, RUN_POINTS);
    }

    private void assertRatioPoints(double annualBenefit, int points, String rule) {
      Evaluation evaluation = evaluateWith("expectedAnnualBenefit", annualBenefit);

      assertThat(evaluation.firedRules("priorityPoints")).contains(rule);
      assertScore(evaluation, RUN_POINTS + points);
    }
  }

  @Nested
  class ProjectType {

    @ParameterizedTest(name = "{0} scores {1} points")
    @CsvSource({
        "REGULATORY, 25, Rule_TypeRegulatory",
        "STRATEGIC,  15, Rule_TypeStrategic",
        "INNOVATION, 10, Rule_TypeInnovation",
        "RUN,         5, Rule_TypeRun"})
    void eachProjectTypeScoresItsPoints(String type, int points, String rule) {
      Evaluation evaluation = evaluateWith("projectType", type);

      assertThat(evaluation.firedRules("priorityPoints")).contains(rule);
      assertScore(evaluation, points);
    }
  }

  /** Deadlines belong to regulatory projects: 25 points for the type, plus the deadline's. */
  @Nested
  class RegulatoryDeadline {

    static final int REGULATORY_POINTS = 25;

    static Evaluation regulatoryProjectWithDeadlineIn(Integer months) {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "REGULATORY");
      project.put("monthsToRegulatoryDeadline", months);
      return evaluate(PROJECT_PRIORITY, project);
    }

    @ParameterizedTest(name = "deadline in {0} months scores 15 points")
    @ValueSource(ints = {-1, 0, 3, 6})
    void deadlineWithin6MonthsScoresFifteenPoints(int months) {
      Evaluation evaluation = regulatoryProjectWithDeadlineIn(months);

      assertThat(evaluation.firedRules("priorityPoints"))
          .contains("Rule_DeadlineWithin6Months").doesNotContain("Rule_DeadlineWithin12Months");
      assertScore(evaluation, REGULATORY_POINTS + 15);
    }

    @ParameterizedTest(name = "deadline in {0} months scores 10 points")
    @ValueSource(ints = {7, 12})
    void deadlineIn7To12MonthsScoresTenPoints(int months) {
      Evaluation evaluation = regulatoryProjectWithDeadlineIn(months);

      assertThat(evaluation.firedRules("priorityPoints"))
          .contains("Rule_DeadlineWithin12Months").doesNotContain("Rule_DeadlineWithin6Months");
      assertScore(evaluation, REGULATORY_POINTS + 10);
    }

    @ParameterizedTest(name = "deadline in {0} months scores nothing")
    @ValueSource(ints = {13, 36})
    void deadlineBeyond12MonthsScoresNothing(int months) {
      Evaluation evaluation = regulatoryProjectWithDeadlineIn(months);

      assertThat(evaluation.firedRules("priorityPoints"))
          .containsExactly("Rule_Alignment1", "Rule_BenefitRatioBelow1", "Rule_TypeRegulatory");
      assertScore(evaluation, REGULATORY_POINTS);
    }

    @Test
    void noDeadlineMatchesNoDeadlineRuleAndDoesNotFail() {
      Evaluation evaluation = regulatoryProjectWithDeadlineIn(null);

      assertThat(evaluation.firedRules("priorityPoints"))
          .containsExactly("Rule_Alignment1", "Rule_BenefitRatioBelow1", "Rule_TypeRegulatory");
      assertScore(evaluation, REGULATORY_POINTS);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P4");
    }
  }

  @Nested
  class PriorityClass {

    @ParameterizedTest(name = "regulatory, deadline in {0} months, {1} points: P1")
    @CsvSource({
        " 0, 40",  // 25 type + 15 deadline
        " 6, 40",
        " 7, 35",  // 25 type + 10 deadline: P3 by score
        "12, 35"})
    void regulatoryDeadlineWithin12MonthsIsP1WhateverTheScore(int months, int score) {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "REGULATORY");
      project.put("monthsToRegulatoryDeadline", months);

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertScore(evaluation, score);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P1");
      assertThat(evaluation.firedRules("projectPriority")).containsExactly("Rule_RegulatoryDeadlineWithin12Months");
    }

    @Test
    void regulatoryDeadlineIn13MonthsIsClassedByScore() {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "REGULATORY");
      project.put("monthsToRegulatoryDeadline", 13);
      project.put("strategicAlignment", 2); // 25 + 8 = 33: P3

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertScore(evaluation, 33);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P3");
      assertThat(evaluation.firedRules("projectPriority")).containsExactly("Rule_Score30To49");
    }

    @Test
    void nonRegulatoryProjectWithDeadlineIsClassedByScore() {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "STRATEGIC");
      project.put("monthsToRegulatoryDeadline", 3); // 15 type + 15 deadline = 30: P3

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertScore(evaluation, 30);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P3");
    }

    /**
     * The class table alone, fed the score directly, to reach every boundary; the rule of regulatory deadlines is
     * checked with a score of 0 to show it ignores the score.
     */
    @Nested
    class ScoreBoundaries {

      static final DmnDecision CLASS_TABLE = DecisionTestEngine.tableAlone(RESOURCE, "projectPriority");

      static Evaluation classify(String type, Integer months, int score) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("projectType", type);
        variables.put("monthsToRegulatoryDeadline", months);
        variables.put("priorityScore", score);
        return evaluate(CLASS_TABLE, variables);
      }

      static void assertClass(int score, String priorityClass, String rule) {
        Evaluation evaluation = classify("STRATEGIC", null, score);

        assertThat(evaluation.<String>single("priorityClass")).isEqualTo(priorityClass);
        assertThat(evaluation.<Integer>single("priorityScore")).as("score passed through").isEqualTo(score);
        assertThat(evaluation.firedRules("projectPriority")).containsExactly(rule);
      }

      @ParameterizedTest(name = "score {0} is {1}")
      @CsvSource({"0, P4, Rule_Otherwise", "29, P4, Rule_Otherwise", "30, P3, Rule_Score30To49"})
      void scoreOf29IsP4And30IsP3(int score, String priorityClass, String rule) {
        assertClass(score, priorityClass, rule);
      }

      @ParameterizedTest(name = "score {0} is {1}")
      @CsvSource({"49, P3, Rule_Score30To49", "50, P2, Rule_Score50To69"})
      void scoreOf49IsP3And50IsP2(int score, String priorityClass, String rule) {
        assertClass(score, priorityClass, rule);
      }

      @ParameterizedTest(name = "score {0} is {1}")
      @CsvSource({"69, P2, Rule_Score50To69", "70, P1, Rule_Score70OrMore", "100, P1, Rule_Score70OrMore"})
      void scoreOf69IsP2And70IsP1(int score, String priorityClass, String rule) {
        assertClass(score, priorityClass, rule);
      }

      @ParameterizedTest(name = "regulatory, deadline in {0} months, score 0: {1}")
      @CsvSource({"12, P1", "13, P4"})
      void regulatoryDeadlineOf12MonthsIsP1And13IsNot(int months, String priorityClass) {
        assertThat(classify("REGULATORY", months, 0).<String>single("priorityClass")).isEqualTo(priorityClass);
      }

      @Test
      void regulatoryProjectWithoutDeadlineIsClassedByScore() {
        assertThat(classify("REGULATORY", null, 0).<String>single("priorityClass")).isEqualTo("P4");
      }
    }
  }

  @Nested
  class RealisticProjects {

    @Test
    void doraComplianceProjectWithNearDeadlineIsP1() {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "REGULATORY");           // 25
      project.put("strategicAlignment", 4);               // 23
      project.put("budget", 1_200_000.0);
      project.put("expectedAnnualBenefit", 200_000.0);    // ratio 3 x 200k / 1.2M = 0.5: 0
      project.put("monthsToRegulatoryDeadline", 9);       // 10 -> 58, P2 by score, P1 by the deadline rule

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertThat(evaluation.firedRules("priorityPoints")).containsExactly("Rule_Alignment4",
          "Rule_BenefitRatioBelow1", "Rule_TypeRegulatory", "Rule_DeadlineWithin12Months");
      assertScore(evaluation, 58);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P1");
    }

    @Test
    void crmReplacementIsP2() {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "STRATEGIC");            // 15
      project.put("strategicAlignment", 4);               // 23
      project.put("budget", 900_000.0);
      project.put("expectedAnnualBenefit", 750_000.0);    // ratio 3 x 750k / 900k = 2.5: 20 -> 58: P2

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertScore(evaluation, 58);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P2");
    }

    @Test
    void highlyAlignedHighReturnStrategicProjectIsP1ByScore() {
      Map<String, Object> project = neutralProject();
      project.put("projectType", "STRATEGIC");            // 15
      project.put("strategicAlignment", 5);               // 30
      project.put("budget", 2_000_000.0);
      project.put("expectedAnnualBenefit", 3_000_000.0);  // ratio 3 x 3M / 2M = 4.5: 30 -> 75: P1

      Evaluation evaluation = evaluate(PROJECT_PRIORITY, project);

      assertScore(evaluation, 75);
      assertThat(evaluation.<String>single("priorityClass")).isEqualTo("P1");
      assertThat(evaluation.firedRules("projectPriority")).containsExactly("Rule_Score70OrMore");
    }
  }
}
