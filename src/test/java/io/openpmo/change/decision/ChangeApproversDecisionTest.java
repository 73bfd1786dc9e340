package io.openpmo.change.decision;

import static io.openpmo.intake.decision.DecisionTestEngine.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.decision.DecisionTestEngine;
import io.openpmo.intake.decision.DecisionTestEngine.Evaluation;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dmn/change-approvers.dmn: the approver groups of a change request by its class. Every matching rule adds a group
 * (COLLECT); the caller removes the duplicates. Each test checks the groups (as a set) and exactly which rules fired.
 */
class ChangeApproversDecisionTest {

  static final DmnDecision CHANGE_APPROVERS =
      DecisionTestEngine.decision("dmn/change-approvers.dmn", "changeApprovers");

  static Evaluation approversOf(String changeClass, double costDelta, boolean regulatoryImpact) {
    Map<String, Object> change = new HashMap<>();
    change.put("changeClass", changeClass);
    change.put("costDelta", costDelta);
    change.put("regulatoryImpact", regulatoryImpact);
    return evaluate(CHANGE_APPROVERS, change);
  }

  static Set<String> groups(Evaluation evaluation) {
    return new HashSet<>(evaluation.result().<String>collectEntries("approverGroup"));
  }

  static void assertApprovers(Evaluation evaluation, Set<String> expectedGroups, String... rules) {
    assertThat(groups(evaluation)).isEqualTo(expectedGroups);
    assertThat(evaluation.firedRules("changeApprovers"))
        .containsExactlyInAnyOrderElementsOf(Stream.of(rules).map(rule -> "Rule_" + rule).toList());
  }

  @Nested
  class Minor {

    @ParameterizedTest(name = "cost change {0} EUR, regulatory impact {1}: PMO only")
    @CsvSource({
        "0,      false",
        "20000,  false",
        "-20000, false",
        "20000,  true"})
    void pmoAloneApprovesAMinorChange(double costDelta, boolean regulatoryImpact) {
      assertApprovers(approversOf("MINOR", costDelta, regulatoryImpact), Set.of("pmo"), "PmoForMinorChange");
    }
  }

  @Nested
  class Major {

    @ParameterizedTest(name = "cost rises by {0} EUR: PMO and finance")
    @ValueSource(doubles = {0.01, 80_000})
    void financeApprovesAMajorChangeThatRaisesTheCost(double costDelta) {
      assertApprovers(approversOf("MAJOR", costDelta, false), Set.of("pmo", "finance"),
          "PmoForMajorChange", "FinanceForMajorCostIncrease");
    }

    @ParameterizedTest(name = "cost change {0} EUR: PMO only")
    @ValueSource(doubles = {0, -0.01, -80_000})
    void majorChangeWithCostFallingOrUnchangedNeedsNoFinance(double costDelta) {
      assertApprovers(approversOf("MAJOR", costDelta, false), Set.of("pmo"), "PmoForMajorChange");
    }

    @Test
    void majorChangeWithRegulatoryImpactNeedsNoCompliance() {
      assertApprovers(approversOf("MAJOR", 0, true), Set.of("pmo"), "PmoForMajorChange");
    }
  }

  @Nested
  class Critical {

    @ParameterizedTest(name = "cost change {0} EUR: steering committee and risk")
    @ValueSource(doubles = {0, 900_000, -900_000})
    void steeringCommitteeAndRiskApproveACriticalChange(double costDelta) {
      assertApprovers(approversOf("CRITICAL", costDelta, false), Set.of("steeringCommittee", "risk"),
          "SteeringCommitteeForCriticalChange", "RiskForCriticalChange");
    }

    @Test
    void criticalChangeWithoutRegulatoryImpactHasNoCompliance() {
      assertThat(groups(approversOf("CRITICAL", 100_000, false))).doesNotContain("compliance");
    }

    @Test
    void complianceAlsoApprovesACriticalChangeWithRegulatoryImpact() {
      assertApprovers(approversOf("CRITICAL", 100_000, true), Set.of("steeringCommittee", "risk", "compliance"),
          "SteeringCommitteeForCriticalChange", "RiskForCriticalChange", "ComplianceForCriticalRegulatoryChange");
    }
  }

  /** The class that dmn/change-classification.dmn gives a change, routed by this table. */
  @Nested
  class ClassifiedChanges {

    final DmnDecision classification =
        DecisionTestEngine.decision("dmn/change-classification.dmn", "changeClassification");

    Set<String> classifyAndRoute(double costDelta, double currentBudget, int delayDays, boolean regulatoryImpact) {
      Map<String, Object> change = new HashMap<>();
      change.put("costDelta", costDelta);
      change.put("currentBudget", currentBudget);
      change.put("delayDays", delayDays);
      change.put("scopeChange", false);
      change.put("regulatoryImpact", regulatoryImpact);
      change.put("criticalFunction", false);
      String changeClass = evaluate(classification, change).single("changeClass");
      return groups(approversOf(changeClass, costDelta, regulatoryImpact));
    }

    @Test
    void costSavingOf8PercentIsMajorAndNeedsNoFinance() {
      assertThat(classifyAndRoute(-80_000, 1_000_000, 0, false)).containsExactly("pmo");
    }

    @Test
    void costRiseOf8PercentIsMajorAndGoesToFinance() {
      assertThat(classifyAndRoute(80_000, 1_000_000, 0, false)).containsExactlyInAnyOrder("pmo", "finance");
    }

    @Test
    void regulatoryChangeGoesToSteeringCommitteeRiskAndCompliance() {
      assertThat(classifyAndRoute(0, 1_000_000, 0, true))
          .containsExactlyInAnyOrderElementsOf(List.of("steeringCommittee", "risk", "compliance"));
    }
  }
}
