package io.openpmo.support;

import io.openpmo.intake.ProjectRequest;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Project requests for tests: a small, low-risk baseline that only the PMO reviews, and variations; and the body of a
 * change request.
 */
public final class Requests {

  /** Today as the engine's clock says (tests move it): a request starts today or later. */
  static LocalDate today() {
    return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
        .atZone(java.time.ZoneId.systemDefault()).toLocalDate();
  }

  /** Budget 100k, nothing sensitive: risk LOW, routed to the PMO alone. */
  public static ProjectRequest small(String title) {
    return new ProjectRequest(title, "Automate the monthly reconciliation", "Operations", "sam", ProjectType.RUN, 3,
        new BigDecimal("60000"), new BigDecimal("100000"), "EUR", today().plusMonths(2), 6, Complexity.LOW,
        false, DataClassification.INTERNAL, ThirdParty.NONE, false, false, null, null);
  }

  /** Budget 1.5M with personal data: routed to PMO, finance and compliance. */
  public static ProjectRequest withFinanceAndCompliance(String title) {
    return new ProjectRequest(title, "Replace the customer onboarding flow", "Retail", "sam", ProjectType.STRATEGIC, 4,
        new BigDecimal("900000"), new BigDecimal("1500000"), "EUR", today().plusMonths(3), 12,
        Complexity.MEDIUM, true, DataClassification.CONFIDENTIAL, ThirdParty.NONE, false, false, null, null);
  }

  /** Budget 3M: functional reviews, then the steering committee. */
  public static ProjectRequest withSteeringCommittee(String title) {
    return new ProjectRequest(title, "Consolidate the data centres", "IT", "sam", ProjectType.STRATEGIC, 5,
        new BigDecimal("2000000"), new BigDecimal("3000000"), "EUR", today().plusMonths(3), 18,
        Complexity.MEDIUM, false, DataClassification.INTERNAL, ThirdParty.NONE, false, false, null, null);
  }

  /** Budget 12M: steering, then executive committee. */
  public static ProjectRequest withBothCommittees(String title) {
    return new ProjectRequest(title, "New core banking platform", "IT", "sam", ProjectType.STRATEGIC, 5,
        new BigDecimal("9000000"), new BigDecimal("12000000"), "EUR", today().plusMonths(6), 24,
        Complexity.HIGH, true, DataClassification.CONFIDENTIAL, ThirdParty.ICT_SERVICE, true, true, null, null);
  }

  /** The request as the Tasklist start form submits it: one variable per field. */
  public static Map<String, Object> asFormVariables(ProjectRequest r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", r.title());
    v.put("description", r.description());
    v.put("businessUnit", r.businessUnit());
    v.put("sponsor", r.sponsor());
    v.put("projectType", r.projectType().name());
    v.put("strategicAlignment", r.strategicAlignment());
    v.put("expectedAnnualBenefit", r.expectedAnnualBenefit().doubleValue());
    v.put("budget", r.budget().doubleValue());
    v.put("startDate", r.startDate().toString());
    v.put("durationMonths", r.durationMonths());
    v.put("complexity", r.complexity().name());
    v.put("personalData", r.personalData());
    v.put("dataClassification", r.dataClassification().name());
    v.put("thirdParty", r.thirdParty().name());
    v.put("criticalFunction", r.criticalFunction());
    v.put("newTechnology", r.newTechnology());
    return v;
  }

  public static ProjectRequest withBudget(ProjectRequest r, String budget) {
    return new ProjectRequest(r.title(), r.description(), r.businessUnit(), r.sponsor(), r.projectType(),
        r.strategicAlignment(), r.expectedAnnualBenefit(), new BigDecimal(budget), r.currency(), r.startDate(),
        r.durationMonths(), r.complexity(), r.personalData(), r.dataClassification(), r.thirdParty(),
        r.criticalFunction(), r.newTechnology(), r.regulatoryDeadline(), r.externalReference());
  }

  public static ProjectRequest withSponsor(ProjectRequest r, String sponsor) {
    return new ProjectRequest(r.title(), r.description(), r.businessUnit(), sponsor, r.projectType(),
        r.strategicAlignment(), r.expectedAnnualBenefit(), r.budget(), r.currency(), r.startDate(),
        r.durationMonths(), r.complexity(), r.personalData(), r.dataClassification(), r.thirdParty(),
        r.criticalFunction(), r.newTechnology(), r.regulatoryDeadline(), r.externalReference());
  }

  public static ProjectRequest withExternalReference(ProjectRequest r, String reference) {
    return new ProjectRequest(r.title(), r.description(), r.businessUnit(), r.sponsor(), r.projectType(),
        r.strategicAlignment(), r.expectedAnnualBenefit(), r.budget(), r.currency(), r.startDate(),
        r.durationMonths(), r.complexity(), r.personalData(), r.dataClassification(), r.thirdParty(),
        r.criticalFunction(), r.newTechnology(), r.regulatoryDeadline(), reference);
  }

  /**
   * The body of a change request a project manager raises (no scope change, low risk): its delay and cost decide
   * how the change is classified and who approves it.
   */
  public static Map<String, Object> change(int delayDays, int costDelta) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("title", "Extend the data migration");
    change.put("reason", "Legacy data quality is worse than assumed");
    change.put("scopeChange", false);
    change.put("delayDays", delayDays);
    change.put("costDelta", costDelta);
    change.put("riskImpact", "LOW");
    change.put("regulatoryImpact", false);
    change.put("emergency", false);
    return change;
  }

  private Requests() {
  }
}
