package io.openpmo.lifecycle.decision;

import static io.openpmo.intake.decision.DecisionTestEngine.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.decision.DecisionTestEngine;
import io.openpmo.intake.decision.DecisionTestEngine.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dmn/gate-reviewers.dmn: the reviewer groups of a lifecycle gate (G1 plan approval, G2 delivery readiness, G3
 * closure). Every matching rule adds a group (COLLECT); a group can come from several rules and the caller removes
 * the duplicates. Every test starts from a project that only the PMO reviews at any gate and changes one input,
 * then checks the groups (as a set) and exactly which rules fired.
 */
class GateReviewersDecisionTest {

  static final DmnDecision GATE_REVIEWERS = DecisionTestEngine.decision("dmn/gate-reviewers.dmn", "gateReviewers");

  /** A small, low-risk, internal strategic project on established technology: the PMO alone reviews its gates. */
  static Map<String, Object> neutralProject(String gate) {
    Map<String, Object> project = new HashMap<>();
    project.put("gate", gate);
    project.put("riskTier", "LOW");
    project.put("budget", 100_000.0);
    project.put("thirdParty", "NONE");
    project.put("personalData", false);
    project.put("criticalFunction", false);
    project.put("newTechnology", false);
    project.put("projectType", "STRATEGIC");
    return project;
  }

  static Evaluation evaluateAt(String gate, String variable, Object value) {
    Map<String, Object> project = neutralProject(gate);
    project.put(variable, value);
    return evaluate(GATE_REVIEWERS, project);
  }

  static Set<String> groups(Evaluation evaluation) {
    return new HashSet<>(evaluation.result().<String>collectEntries("reviewerGroup"));
  }

  /** The PMO rule always fires; {@code rules} are the other rules that must fire, and no more. */
  static void assertReviewers(Evaluation evaluation, Set<String> expectedGroups, String... rules) {
    List<String> expectedRules = new ArrayList<>(List.of("Rule_PmoEveryGate"));
    for (String rule : rules) {
      expectedRules.add("Rule_" + rule);
    }
    assertThat(groups(evaluation)).isEqualTo(expectedGroups);
    assertThat(evaluation.firedRules("gateReviewers")).containsExactlyInAnyOrderElementsOf(expectedRules);
  }

  /** The facts that only the delivery readiness gate (G2) looks at. */
  static Stream<Arguments> deliveryReadinessFacts() {
    return Stream.of(
        Arguments.of("thirdParty", "ICT_SERVICE"),
        Arguments.of("thirdParty", "CRITICAL_OUTSOURCING"),
        Arguments.of("newTechnology", true),
        Arguments.of("personalData", true),
        Arguments.of("projectType", "REGULATORY"),
        Arguments.of("criticalFunction", true));
  }

  @Nested
  class EveryGate {

    @ParameterizedTest(name = "{0}: PMO only")
    @ValueSource(strings = {"G1", "G2", "G3"})
    void pmoReviewsEveryGateOfASmallLowRiskProject(String gate) {
      assertReviewers(evaluate(GATE_REVIEWERS, neutralProject(gate)), Set.of("pmo"));
    }
  }

  @Nested
  class PlanApprovalG1 {

    @Test
    void budgetJustBelow250kNeedsNoFinanceReview() {
      assertReviewers(evaluateAt("G1", "budget", 249_999.99), Set.of("pmo"));
    }

    @Test
    void financeReviewsThePlanFromBudget250k() {
      assertReviewers(evaluateAt("G1", "budget", 250_000.0), Set.of("pmo", "finance"), "G1FinanceFromBudget250k");
    }

    @Test
    void integerBudgetIsAcceptedAsNumber() {
      assertReviewers(evaluateAt("G1", "budget", 250_000), Set.of("pmo", "finance"), "G1FinanceFromBudget250k");
    }

    @Test
    void budgetJustBelow2MNeedsNoSteeringCommittee() {
      assertReviewers(evaluateAt("G1", "budget", 1_999_999.99), Set.of("pmo", "finance"), "G1FinanceFromBudget250k");
    }

    @Test
    void steeringCommitteeReviewsThePlanFromBudget2M() {
      assertReviewers(evaluateAt("G1", "budget", 2_000_000.0), Set.of("pmo", "finance", "steeringCommittee"),
          "G1FinanceFromBudget250k", "G1SteeringCommitteeFromBudget2M");
    }

    @ParameterizedTest(name = "{0} risk: PMO only")
    @ValueSource(strings = {"LOW", "MEDIUM"})
    void lowOrMediumRiskAddsNoReviewerToThePlan(String tier) {
      assertReviewers(evaluateAt("G1", "riskTier", tier), Set.of("pmo"));
    }

    @ParameterizedTest(name = "{0} risk: risk and steering committee")
    @ValueSource(strings = {"HIGH", "CRITICAL"})
    void riskAndSteeringCommitteeReviewThePlanOfAHighOrCriticalRiskProject(String tier) {
      assertReviewers(evaluateAt("G1", "riskTier", tier), Set.of("pmo", "risk", "steeringCommittee"),
          "G1RiskForHighOrCriticalTier", "G1SteeringCommitteeForHighOrCriticalTier");
    }

    @ParameterizedTest(name = "{0} = {1}: PMO only")
    @MethodSource("io.openpmo.lifecycle.decision.GateReviewersDecisionTest#deliveryReadinessFacts")
    void deliveryReadinessFactsAddNoReviewerToThePlan(String variable, Object value) {
      assertReviewers(evaluateAt("G1", variable, value), Set.of("pmo"));
    }

    @Test
    void largeHighRiskCloudProjectHasItsPlanReviewedByFourGroups() {
      Map<String, Object> project = neutralProject("G1");
      project.put("budget", 3_000_000.0);          // finance, steeringCommittee
      project.put("riskTier", "HIGH");             // risk, steeringCommittee
      project.put("thirdParty", "ICT_SERVICE");    // only at G2
      project.put("personalData", true);           // only at G2

      Evaluation evaluation = evaluate(GATE_REVIEWERS, project);

      assertReviewers(evaluation, Set.of("pmo", "finance", "risk", "steeringCommittee"),
          "G1FinanceFromBudget250k", "G1RiskForHighOrCriticalTier", "G1SteeringCommitteeFromBudget2M",
          "G1SteeringCommitteeForHighOrCriticalTier");
      assertThat(evaluation.result().<String>collectEntries("reviewerGroup"))
          .containsExactlyInAnyOrder("pmo", "finance", "risk", "steeringCommittee", "steeringCommittee");
    }
  }

  @Nested
  class DeliveryReadinessG2 {

    @Test
    void noThirdPartyAddsNoReviewer() {
      assertReviewers(evaluateAt("G2", "thirdParty", "NONE"), Set.of("pmo"));
    }

    @ParameterizedTest(name = "{0}: information security")
    @ValueSource(strings = {"ICT_SERVICE", "CRITICAL_OUTSOURCING"})
    void infosecReviewsDeliveryWithAThirdParty(String thirdParty) {
      assertReviewers(evaluateAt("G2", "thirdParty", thirdParty), Set.of("pmo", "infosec"),
          "G2InfosecForThirdParty");
    }

    @Test
    void infosecReviewsDeliveryOfNewTechnology() {
      assertReviewers(evaluateAt("G2", "newTechnology", true), Set.of("pmo", "infosec"),
          "G2InfosecForNewTechnology");
    }

    @Test
    void complianceReviewsDeliveryWithPersonalData() {
      assertReviewers(evaluateAt("G2", "personalData", true), Set.of("pmo", "compliance"),
          "G2ComplianceForPersonalData");
    }

    @Test
    void complianceReviewsDeliveryOfARegulatoryProject() {
      assertReviewers(evaluateAt("G2", "projectType", "REGULATORY"), Set.of("pmo", "compliance"),
          "G2ComplianceForRegulatoryProject");
    }

    @ParameterizedTest(name = "{0} project: PMO only")
    @ValueSource(strings = {"STRATEGIC", "INNOVATION", "RUN"})
    void nonRegulatoryProjectAddsNoReviewer(String type) {
      assertReviewers(evaluateAt("G2", "projectType", type), Set.of("pmo"));
    }

    @ParameterizedTest(name = "{0} risk: PMO only")
    @ValueSource(strings = {"LOW", "MEDIUM"})
    void lowOrMediumRiskAddsNoReviewer(String tier) {
      assertReviewers(evaluateAt("G2", "riskTier", tier), Set.of("pmo"));
    }

    @ParameterizedTest(name = "{0} risk: risk and steering committee")
    @ValueSource(strings = {"HIGH", "CRITICAL"})
    void riskAndSteeringCommitteeReviewDeliveryOfAHighOrCriticalRiskProject(String tier) {
      assertReviewers(evaluateAt("G2", "riskTier", tier), Set.of("pmo", "risk", "steeringCommittee"),
          "G2RiskForHighOrCriticalTier", "G2SteeringCommitteeForHighOrCriticalTier");
    }

    @Test
    void riskReviewsDeliveryForACriticalFunction() {
      assertReviewers(evaluateAt("G2", "criticalFunction", true), Set.of("pmo", "risk"),
          "G2RiskForCriticalFunction");
    }

    @ParameterizedTest(name = "budget {0} EUR: PMO only")
    @ValueSource(doubles = {249_999.99, 250_000})
    void financeDoesNotReviewDeliveryWhateverTheBudget(double budget) {
      assertReviewers(evaluateAt("G2", "budget", budget), Set.of("pmo"));
    }

    @Test
    void budgetJustBelow2MNeedsNoSteeringCommittee() {
      assertReviewers(evaluateAt("G2", "budget", 1_999_999.99), Set.of("pmo"));
    }

    @Test
    void steeringCommitteeReviewsDeliveryFromBudget2M() {
      assertReviewers(evaluateAt("G2", "budget", 2_000_000.0), Set.of("pmo", "steeringCommittee"),
          "G2SteeringCommitteeFromBudget2M");
    }

    @Test
    void outsourcedRegulatoryCoreBankingMigrationFiresEveryDeliveryRule() {
      Map<String, Object> project = neutralProject("G2");
      project.put("budget", 12_500_000.0);
      project.put("riskTier", "CRITICAL");
      project.put("thirdParty", "CRITICAL_OUTSOURCING");
      project.put("personalData", true);
      project.put("criticalFunction", true);
      project.put("newTechnology", true);
      project.put("projectType", "REGULATORY");

      Evaluation evaluation = evaluate(GATE_REVIEWERS, project);

      assertReviewers(evaluation, Set.of("pmo", "infosec", "compliance", "risk", "steeringCommittee"),
          "G2InfosecForThirdParty", "G2InfosecForNewTechnology", "G2ComplianceForPersonalData",
          "G2ComplianceForRegulatoryProject", "G2RiskForHighOrCriticalTier", "G2RiskForCriticalFunction",
          "G2SteeringCommitteeFromBudget2M", "G2SteeringCommitteeForHighOrCriticalTier");
      assertThat(evaluation.result().<String>collectEntries("reviewerGroup")).containsExactlyInAnyOrder("pmo",
          "infosec", "infosec", "compliance", "compliance", "risk", "risk", "steeringCommittee", "steeringCommittee");
    }
  }

  @Nested
  class ClosureG3 {

    @Test
    void closureOfALowRiskProjectIsReviewedByPmoAlone() {
      Evaluation evaluation = evaluateAt("G3", "riskTier", "LOW");

      assertThat(evaluation.result().<String>collectEntries("reviewerGroup")).containsExactly("pmo");
      assertThat(evaluation.firedRules("gateReviewers")).containsExactly("Rule_PmoEveryGate");
    }

    @ParameterizedTest(name = "{0} risk: PMO only")
    @ValueSource(strings = {"LOW", "MEDIUM", "HIGH"})
    void riskBelowCriticalAddsNoReviewerToClosure(String tier) {
      assertReviewers(evaluateAt("G3", "riskTier", tier), Set.of("pmo"));
    }

    @Test
    void steeringCommitteeReviewsClosureOfACriticalRiskProject() {
      assertReviewers(evaluateAt("G3", "riskTier", "CRITICAL"), Set.of("pmo", "steeringCommittee"),
          "G3SteeringCommitteeForCriticalTier");
    }

    @ParameterizedTest(name = "budget {0} EUR: PMO only")
    @ValueSource(doubles = {249_999.99, 250_000, 1_999_999.99, 2_000_000})
    void budgetAddsNoReviewerToClosure(double budget) {
      assertReviewers(evaluateAt("G3", "budget", budget), Set.of("pmo"));
    }

    @ParameterizedTest(name = "{0} = {1}: PMO only")
    @MethodSource("io.openpmo.lifecycle.decision.GateReviewersDecisionTest#deliveryReadinessFacts")
    void deliveryReadinessFactsAddNoReviewerToClosure(String variable, Object value) {
      assertReviewers(evaluateAt("G3", variable, value), Set.of("pmo"));
    }

    @Test
    void closureOfAnOutsourcedCriticalMigrationGoesToPmoAndSteeringCommitteeOnly() {
      Map<String, Object> project = neutralProject("G3");
      project.put("budget", 12_500_000.0);
      project.put("riskTier", "CRITICAL");
      project.put("thirdParty", "CRITICAL_OUTSOURCING");
      project.put("personalData", true);
      project.put("criticalFunction", true);
      project.put("newTechnology", true);
      project.put("projectType", "REGULATORY");

      assertReviewers(evaluate(GATE_REVIEWERS, project), Set.of("pmo", "steeringCommittee"),
          "G3SteeringCommitteeForCriticalTier");
    }
  }

  @Nested
  class ExtraordinaryGx {

    @Test
    void steeringCommitteeAndPmoReviewAnExtraordinaryGateWhateverTheProject() {
      assertReviewers(evaluateAt("GX", "riskTier", "LOW"), Set.of("pmo", "steeringCommittee"),
          "GxSteeringCommittee");
    }

    @Test
    void budgetAndRiskAddNobodyElseToAnExtraordinaryGate() {
      Map<String, Object> project = neutralProject("GX");
      project.put("budget", 3_000_000.0);
      project.put("riskTier", "HIGH");
      assertReviewers(evaluate(GATE_REVIEWERS, project), Set.of("pmo", "steeringCommittee"),
          "GxSteeringCommittee");
    }
  }
}
