package io.openpmo.security;

import java.util.List;

/** The Camunda group ids of docs/policy.md (letters and digits only, as the engine requires). */
public final class Groups {

  public static final String REQUESTERS = "requesters";
  public static final String PROJECT_MANAGERS = "projectManagers";
  public static final String PMO = "pmo";
  public static final String FINANCE = "finance";
  public static final String RISK = "risk";
  public static final String COMPLIANCE = "compliance";
  public static final String INFOSEC = "infosec";
  public static final String STEERING_COMMITTEE = "steeringCommittee";
  public static final String EXECUTIVE_COMMITTEE = "executiveCommittee";
  public static final String RESOURCE_MANAGERS = "resourceManagers";
  public static final String PROCESS_OWNERS = "processOwners";
  public static final String AUDITORS = "auditors";
  public static final String INTEGRATIONS = "integrations";
  public static final String ADMIN = "camunda-admin";

  /** Groups whose members review and decide in Tasklist. */
  public static final List<String> REVIEWERS = List.of(PMO, FINANCE, RISK, COMPLIANCE, INFOSEC,
      STEERING_COMMITTEE, EXECUTIVE_COMMITTEE, RESOURCE_MANAGERS, PROJECT_MANAGERS);

  /**
   * Groups that see every project of the portfolio, whatever its classification. Others see the
   * projects they are involved in (requester, sponsor, project manager, reviewer, approving group);
   * an integration sees the projects it submitted.
   */
  public static final List<String> PORTFOLIO_READERS = List.of(PMO, AUDITORS, STEERING_COMMITTEE,
      EXECUTIVE_COMMITTEE, ADMIN);

  public static final List<String> ALL = List.of(REQUESTERS, PROJECT_MANAGERS, PMO, FINANCE, RISK,
      COMPLIANCE, INFOSEC, STEERING_COMMITTEE, EXECUTIVE_COMMITTEE, RESOURCE_MANAGERS, PROCESS_OWNERS,
      AUDITORS, INTEGRATIONS, ADMIN);

  private Groups() {
  }
}
