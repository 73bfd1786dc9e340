package io.openpmo.lifecycle.decision;

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
 * dmn/project-health.dmn: RED rules first, then AMBER, else GREEN; the first matching rule wins (FIRST). Every test
 * starts from a project on budget and on schedule with nothing open and changes one or more inputs, then checks the
 * health and the one rule that decided it.
 */
class ProjectHealthDecisionTest {

  static final DmnDecision PROJECT_HEALTH = DecisionTestEngine.decision("dmn/project-health.dmn", "projectHealth");

  /** On budget, on schedule, no open critical issue or high risk, no regulatory deadline missed: GREEN. */
  static Map<String, Object> healthyProject() {
    Map<String, Object> project = new HashMap<>();
    project.put("cpi", 1.0);
    project.put("spi", 1.0);
    project.put("openCriticalIssues", 0);
    project.put("openHighRisks", 0);
    project.put("regulatoryDeadlineMissed", false);
    return project;
  }

  static Evaluation evaluateWith(String variable, Object value) {
    Map<String, Object> project = healthyProject();
    project.put(variable, value);
    return evaluate(PROJECT_HEALTH, project);
  }

  static void assertHealth(Evaluation evaluation, String health, String rule) {
    assertThat(evaluation.<String>single("health")).isEqualTo(health);
    assertThat(evaluation.firedRules("projectHealth")).containsExactly("Rule_" + rule);
  }

  @Test
  void projectOnBudgetAndOnScheduleWithNothingOpenIsGreen() {
    assertHealth(evaluate(PROJECT_HEALTH, healthyProject()), "GREEN", "GreenOtherwise");
  }

  @Nested
  class CostPerformance {

    @ParameterizedTest(name = "CPI {0}: {1}")
    @CsvSource({
        "0,      RED,   RedCpiBelow085",
        "0.5,    RED,   RedCpiBelow085",
        "0.8499, RED,   RedCpiBelow085",
        "0.85,   AMBER, AmberCpiBelow095",
        "0.9499, AMBER, AmberCpiBelow095",
        "0.95,   GREEN, GreenOtherwise",
        "1.3,    GREEN, GreenOtherwise"})
    void healthFollowsTheCostPerformanceIndex(double cpi, String health, String rule) {
      assertHealth(evaluateWith("cpi", cpi), health, rule);
    }

    @Test
    void integerCpiIsAcceptedAsNumber() {
      assertHealth(evaluateWith("cpi", 1), "GREEN", "GreenOtherwise");
    }

    @Test
    void unknownCpiBeforeAnyCostIsBookedMatchesNoCpiRule() {
      assertHealth(evaluateWith("cpi", null), "GREEN", "GreenOtherwise");
    }
  }

  @Nested
  class SchedulePerformance {

    @ParameterizedTest(name = "SPI {0}: {1}")
    @CsvSource({
        "0,      RED,   RedSpiBelow085",
        "0.5,    RED,   RedSpiBelow085",
        "0.8499, RED,   RedSpiBelow085",
        "0.85,   AMBER, AmberSpiBelow095",
        "0.9499, AMBER, AmberSpiBelow095",
        "0.95,   GREEN, GreenOtherwise",
        "1.3,    GREEN, GreenOtherwise"})
    void healthFollowsTheSchedulePerformanceIndex(double spi, String health, String rule) {
      assertHealth(evaluateWith("spi", spi), health, rule);
    }

    @Test
    void unknownSpiBeforeAnyPlanIsBaselinedMatchesNoSpiRule() {
      assertHealth(evaluateWith("spi", null), "GREEN", "GreenOtherwise");
    }

    @Test
    void unknownCpiAndSpiMatchNoIndexRule() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", null);
      project.put("spi", null);

      assertHealth(evaluate(PROJECT_HEALTH, project), "GREEN", "GreenOtherwise");
    }

    @Test
    void unknownCpiDoesNotHideALateSchedule() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", null);
      project.put("spi", 0.8);

      assertHealth(evaluate(PROJECT_HEALTH, project), "RED", "RedSpiBelow085");
    }

    @Test
    void unknownSpiDoesNotHideACostOverrun() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", 0.9);
      project.put("spi", null);

      assertHealth(evaluate(PROJECT_HEALTH, project), "AMBER", "AmberCpiBelow095");
    }
  }

  @Nested
  class OpenItems {

    @ParameterizedTest(name = "{0} open critical issues: {1}")
    @CsvSource({
        "0, GREEN, GreenOtherwise",
        "1, RED,   RedOpenCriticalIssue",
        "7, RED,   RedOpenCriticalIssue"})
    void anOpenCriticalIssueMakesTheProjectRed(int issues, String health, String rule) {
      assertHealth(evaluateWith("openCriticalIssues", issues), health, rule);
    }

    @ParameterizedTest(name = "{0} open high risks: {1}")
    @CsvSource({
        "0, GREEN, GreenOtherwise",
        "1, AMBER, AmberOpenHighRisk",
        "7, AMBER, AmberOpenHighRisk"})
    void anOpenHighRiskMakesTheProjectAmber(int risks, String health, String rule) {
      assertHealth(evaluateWith("openHighRisks", risks), health, rule);
    }
  }

  @Nested
  class RegulatoryDeadline {

    @Test
    void missedRegulatoryDeadlineMakesTheProjectRed() {
      assertHealth(evaluateWith("regulatoryDeadlineMissed", true), "RED", "RedRegulatoryDeadlineMissed");
    }

    @Test
    void regulatoryDeadlineNotMissedKeepsTheProjectGreen() {
      assertHealth(evaluateWith("regulatoryDeadlineMissed", false), "GREEN", "GreenOtherwise");
    }
  }

  @Nested
  class Precedence {

    @Test
    void lateScheduleIsRedEvenWhenCostIsOnlyAmber() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", 0.9);
      project.put("spi", 0.8);

      assertHealth(evaluate(PROJECT_HEALTH, project), "RED", "RedSpiBelow085");
    }

    @Test
    void openCriticalIssueIsRedEvenWhenBothIndicesAreAmber() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", 0.9);
      project.put("spi", 0.9);
      project.put("openHighRisks", 2);
      project.put("openCriticalIssues", 1);

      assertHealth(evaluate(PROJECT_HEALTH, project), "RED", "RedOpenCriticalIssue");
    }

    @Test
    void missedRegulatoryDeadlineIsRedEvenWithOpenHighRisks() {
      Map<String, Object> project = healthyProject();
      project.put("openHighRisks", 3);
      project.put("regulatoryDeadlineMissed", true);

      assertHealth(evaluate(PROJECT_HEALTH, project), "RED", "RedRegulatoryDeadlineMissed");
    }

    @Test
    void costOverrunIsTheFirstRedRuleWhenEverythingIsRed() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", 0.7);
      project.put("spi", 0.7);
      project.put("openCriticalIssues", 4);
      project.put("openHighRisks", 5);
      project.put("regulatoryDeadlineMissed", true);

      assertHealth(evaluate(PROJECT_HEALTH, project), "RED", "RedCpiBelow085");
    }

    @Test
    void costIsTheFirstAmberRuleWhenEverythingIsAmber() {
      Map<String, Object> project = healthyProject();
      project.put("cpi", 0.9);
      project.put("spi", 0.9);
      project.put("openHighRisks", 1);

      assertHealth(evaluate(PROJECT_HEALTH, project), "AMBER", "AmberCpiBelow095");
    }
  }
}
