package io.openpmo.intake;

import java.util.List;

/** Variables of the projectInitiation process: references and what gateways need, nothing more. */
public final class InitiationVariables {

  public static final String PROCESS_KEY = "projectInitiation";

  public static final String PROJECT_ID = io.openpmo.core.ProcessVariables.PROJECT_ID;
  public static final String PROJECT_CODE = io.openpmo.core.ProcessVariables.PROJECT_CODE;
  /** Set by the start event from the authenticated user (camunda:initiator). */
  public static final String REQUESTER = "requester";
  public static final String SPONSOR = "sponsor";
  public static final String CHANNEL = "submissionChannel";

  // decision results (BRT result variables, removed once recorded on the project)
  public static final String RISK_ASSESSMENT = "riskAssessment";
  public static final String PRIORITY_ASSESSMENT = "priorityAssessment";
  public static final String APPROVER_GROUPS = "approverGroups";
  // kept for gateways, Cockpit and Tasklist filters (the functional review groups only while the reviews start)
  public static final String RISK_TIER = "riskTier";
  public static final String PRIORITY_CLASS = "priorityClass";
  public static final String FUNCTIONAL_REVIEW_GROUPS = "functionalReviewGroups";
  public static final String COMMITTEE_GROUPS = "committeeGroups";
  public static final String REVIEW_OUTCOME = "reviewOutcome";
  public static final String REJECTED = "rejected";
  public static final String REWORK_REQUESTED = "reworkRequested";
  public static final String REWORK_ROUND = "reworkRound";
  public static final String PMO_DECISION = "pmoDecision";
  public static final String REVISION_ACTION = "revisionAction";

  /** The inputs of the three decisions, present only while the request is scored. */
  public static final List<String> ASSESSMENT_FACTS = List.of("budget", "expectedAnnualBenefit", "complexity",
      "dataClassification", "personalData", "thirdParty", "criticalFunction", "newTechnology", "durationMonths",
      "projectType", "strategicAlignment", "monthsToRegulatoryDeadline");

  /** The request fields as the start form and the revision form name them (docs/policy.md). */
  public static final List<String> REQUEST_FIELDS = List.of("title", "description", "businessUnit", "sponsor",
      "projectType", "strategicAlignment", "expectedAnnualBenefit", "budget", "currency", "startDate",
      "durationMonths", "complexity", "personalData", "dataClassification", "thirdParty", "criticalFunction",
      "newTechnology", "regulatoryDeadline", "externalReference", "objectives");

  private InitiationVariables() {
  }
}
