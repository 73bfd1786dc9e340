package io.openpmo.intake.decision;

import static io.openpmo.intake.decision.DecisionTestEngine.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.decision.DecisionTestEngine.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dmn/approval-routing.dmn: every matching rule adds an approver group (COLLECT); a group can come from several rules
 * and the caller removes the duplicates. Every test starts from a project that only the PMO reviews and changes one
 * input, then checks the groups (as a set) and exactly which rules fired.
 */
class ApprovalRoutingDecisionTest {

  static final DmnDecision APPROVAL_ROUTING =
      DecisionTestEngine.decision("dmn/approval-routing.dmn", "approvalRouting");

  /** A small, low-risk internal strategic project: the PMO alone reviews it. */
  static Map<String, Object> neutralProject() {
    Map<String, Object> project = new HashMap<>();
    project.put("budget", 100_000.0);
    project.put("riskTier", "LOW");
    project.put("thirdParty", "NONE");
    project.put("criticalFunction", false);
    project.put("personalData", false);
    project.put("dataClassification", "INTERNAL");
    project.put("projectType", "STRATEGIC");
    project.put("newTechnology", false);
    return project;
  }

  static Evaluation evaluateWith(String variable, Object value) {
    Map<String, Object> project = neutralProject();
    project.put(variable, value);
    return evaluate(APPROVAL_ROUTING, project);
  }

  static Set<String> groups(Evaluation evaluation) {
    return new HashSet<>(evaluation.result().<String>collectEntries("approverGroup"));
  }

  /** The PMO rule always fires; {@code rules} are the other rules that must fire, and no more. */
  static void assertRouting(Evaluation evaluation, Set<String> expectedGroups, String... rules) {
    List<String> expectedRules = new ArrayList<>(List.of("Rule_PmoAlways"));
    for (String rule : rules) {
      expectedRules.add("Rule_" + rule);
    }
    assertThat(groups(evaluation)).isEqualTo(expectedGroups);
    assertThat(evaluation.firedRules("approvalRouting")).containsExactlyInAnyOrderElementsOf(expectedRules);
  }

  @Nested
  class Pmo {

    @Test
    void routesEveryProjectToPmo() {
      assertRouting(evaluate(APPROVAL_ROUTING, neutralProject()), Set.of("pmo"));
    }
  }

  @Nested
  class Budget {

    @Test
    void budgetJustBelow250kNeedsNoFinanceReview() {
      assertRouting(evaluateWith("budget", 249_999.99), Set.of("pmo"));
    }

    @Test
    void routesToFinanceFromBudget250k() {
      assertRouting(evaluateWith("budget", 250_000.0), Set.of("pmo", "finance"), "FinanceFromBudget250k");
    }

    @Test
    void budgetJustBelow2MNeedsNoSteeringCommittee() {
      assertRouting(evaluateWith("budget", 1_999_999.99), Set.of("pmo", "finance"), "FinanceFromBudget250k");
    }

    @Test
    void routesToSteeringCommitteeFromBudget2M() {
      assertRouting(evaluateWith("budget", 2_000_000.0), Set.of("pmo", "finance", "steeringCommittee"),
          "FinanceFromBudget250k", "SteeringCommitteeFromBudget2M");
    }

    @Test
    void budgetJustBelow10MNeedsNoExecutiveCommittee() {
      assertRouting(evaluateWith("budget", 9_999_999.99), Set.of("pmo", "finance", "steeringCommittee"),
          "FinanceFromBudget250k", "SteeringCommitteeFromBudget2M");
    }

    @Test
    void routesToExecutiveCommitteeFromBudget10M() {
      assertRouting(evaluateWith("budget", 10_000_000.0),
          Set.of("pmo", "finance", "steeringCommittee", "executiveCommittee"),
          "FinanceFromBudget250k", "SteeringCommitteeFromBudget2M", "ExecutiveCommitteeFromBudget10M");
    }
  }

  @Nested
  class RiskTier {

    @ParameterizedTest(name = "{0} risk: PMO only")
    @ValueSource(strings = {"LOW", "MEDIUM"})
    void lowOrMediumRiskAddsNoReviewer(String tier) {
      assertRouting(evaluateWith("riskTier", tier), Set.of("pmo"));
    }

    @Test
    void routesToRiskAndSteeringCommitteeWhenTierHigh() {
      assertRouting(evaluateWith("riskTier", "HIGH"), Set.of("pmo", "risk", "steeringCommittee"),
          "RiskForHighOrCriticalTier", "SteeringCommitteeForHighOrCriticalTier");
    }

    @Test
    void routesToRiskSteeringAndExecutiveCommitteeWhenTierCritical() {
      assertRouting(evaluateWith("riskTier", "CRITICAL"),
          Set.of("pmo", "risk", "steeringCommittee", "executiveCommittee"),
          "RiskForHighOrCriticalTier", "SteeringCommitteeForHighOrCriticalTier", "ExecutiveCommitteeForCriticalTier");
    }
  }

  @Nested
  class ThirdParty {

    @Test
    void noThirdPartyAddsNoReviewer() {
      assertRouting(evaluateWith("thirdParty", "NONE"), Set.of("pmo"));
    }

    @Test
    void routesToComplianceAndInfosecWhenIctService() {
      assertRouting(evaluateWith("thirdParty", "ICT_SERVICE"), Set.of("pmo", "compliance", "infosec"),
          "ComplianceForThirdParty", "InfosecForThirdParty");
    }

    @Test
    void routesToRiskComplianceAndInfosecWhenCriticalOutsourcing() {
      assertRouting(evaluateWith("thirdParty", "CRITICAL_OUTSOURCING"),
          Set.of("pmo", "risk", "compliance", "infosec"),
          "RiskForCriticalOutsourcing", "ComplianceForThirdParty", "InfosecForThirdParty");
    }
  }

  @Nested
  class CriticalFunction {

    @Test
    void routesToRiskWhenCriticalFunction() {
      assertRouting(evaluateWith("criticalFunction", true), Set.of("pmo", "risk"), "RiskForCriticalFunction");
    }
  }

  @Nested
  class PersonalData {

    @Test
    void routesToComplianceWhenPersonalData() {
      assertRouting(evaluateWith("personalData", true), Set.of("pmo", "compliance"), "ComplianceForPersonalData");
    }
  }

  @Nested
  class DataClassification {

    @ParameterizedTest(name = "{0} data: PMO only")
    @ValueSource(strings = {"PUBLIC", "INTERNAL", "CONFIDENTIAL"})
    void dataBelowStrictlyConfidentialAddsNoReviewer(String classification) {
      assertRouting(evaluateWith("dataClassification", classification), Set.of("pmo"));
    }

    @Test
    void routesToComplianceWhenStrictlyConfidential() {
      assertRouting(evaluateWith("dataClassification", "STRICTLY_CONFIDENTIAL"), Set.of("pmo", "compliance"),
          "ComplianceForStrictlyConfidentialData");
    }
  }

  @Nested
  class ProjectType {

    @ParameterizedTest(name = "{0} project: PMO only")
    @ValueSource(strings = {"STRATEGIC", "INNOVATION", "RUN"})
    void nonRegulatoryProjectAddsNoReviewer(String type) {
      assertRouting(evaluateWith("projectType", type), Set.of("pmo"));
    }

    @Test
    void routesToComplianceWhenRegulatory() {
      assertRouting(evaluateWith("projectType", "REGULATORY"), Set.of("pmo", "compliance"),
          "ComplianceForRegulatoryProject");
    }
  }

  @Nested
  class NewTechnology {

    @Test
    void routesToInfosecWhenNewTechnology() {
      assertRouting(evaluateWith("newTechnology", true), Set.of("pmo", "infosec"), "InfosecForNewTechnology");
    }
  }

  @Nested
  class RealisticProjects {

    @Test
    void groupNamedBySeveralRulesComesOnceAfterRemovingDuplicates() {
      Map<String, Object> project = neutralProject();
      project.put("personalData", true);
      project.put("dataClassification", "STRICTLY_CONFIDENTIAL");
      project.put("projectType", "REGULATORY");

      Evaluation evaluation = evaluate(APPROVAL_ROUTING, project);

      assertThat(evaluation.result().<String>collectEntries("approverGroup"))
          .containsExactlyInAnyOrder("pmo", "compliance", "compliance", "compliance");
      assertThat(groups(evaluation)).containsExactlyInAnyOrder("pmo", "compliance");
    }

    @Test
    void crmReplacementWithCloudVendorGoesToSixGroups() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 900_000.0);                  // finance
      project.put("riskTier", "HIGH");                   // risk, steeringCommittee
      project.put("thirdParty", "ICT_SERVICE");          // compliance, infosec
      project.put("criticalFunction", false);
      project.put("personalData", true);                 // compliance
      project.put("dataClassification", "CONFIDENTIAL");
      project.put("projectType", "STRATEGIC");
      project.put("newTechnology", false);

      assertRouting(evaluate(APPROVAL_ROUTING, project),
          Set.of("pmo", "finance", "risk", "compliance", "infosec", "steeringCommittee"),
          "FinanceFromBudget250k", "RiskForHighOrCriticalTier", "SteeringCommitteeForHighOrCriticalTier",
          "ComplianceForThirdParty", "InfosecForThirdParty", "ComplianceForPersonalData");
    }

    @Test
    void outsourcedCoreBankingMigrationFiresEveryRule() {
      Map<String, Object> project = neutralProject();
      project.put("budget", 12_500_000.0);
      project.put("riskTier", "CRITICAL");
      project.put("thirdParty", "CRITICAL_OUTSOURCING");
      project.put("criticalFunction", true);
      project.put("personalData", true);
      project.put("dataClassification", "STRICTLY_CONFIDENTIAL");
      project.put("projectType", "REGULATORY");
      project.put("newTechnology", true);

      Evaluation evaluation = evaluate(APPROVAL_ROUTING, project);

      assertThat(groups(evaluation)).containsExactlyInAnyOrder("pmo", "finance", "risk", "compliance", "infosec",
          "steeringCommittee", "executiveCommittee");
      assertThat(evaluation.firedRules("approvalRouting")).hasSize(15);
    }
  }
}
