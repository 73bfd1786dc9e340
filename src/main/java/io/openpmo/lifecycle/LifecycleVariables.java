package io.openpmo.lifecycle;

/** Variables of the projectLifecycle process. */
public final class LifecycleVariables {

  public static final String PROJECT_ID = io.openpmo.core.ProcessVariables.PROJECT_ID;
  public static final String PROJECT_CODE = io.openpmo.core.ProcessVariables.PROJECT_CODE;
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String CAPACITY_SUFFICIENT = "capacitySufficient";
  public static final String PM_QUALIFIED = "pmQualified";
  public static final String PM_EXCEPTION = "pmException";
  public static final String GATE_OUTCOME = "gateOutcome";
  public static final String HOLD_AT = "holdAt";
  public static final String HOLD_DECISION = "holdDecision";
  public static final String STATUS_REPORT_CYCLE = "statusReportCycle";
  public static final String STATUS_REPORT_GRACE = "statusReportGrace";
  public static final String MISSED_REPORTS = "missedReports";
  public static final String HEALTH = "health";
  public static final String INTERVENTION = "intervention";

  private LifecycleVariables() {
  }
}
