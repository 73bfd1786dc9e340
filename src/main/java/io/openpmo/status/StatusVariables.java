package io.openpmo.status;

/** Variables of the status cycle and health check in projectLifecycle. */
public final class StatusVariables {

  public static final String REPORT_RECORDED_MESSAGE = "StatusReportRecorded";
  public static final String STATUS_REPORT_ID = "statusReportId";
  /** Task-local: the report that came through the API and fulfils this report task. */
  public static final String FULFILLED_BY_REPORT = "fulfilledByReportId";
  public static final String PERCENT_COMPLETE = "percentComplete";
  public static final String ACTUAL_COST = "actualCostToDate";
  public static final String NOTES = "notes";
  public static final String MILESTONES_DONE = "milestonesDone";
  public static final String MILESTONE_OPTIONS = "milestoneOptions";
  public static final String MISSED_REPORTS = "missedReports";
  public static final String HEALTH = "health";
  /** Transient, set with the health: whether the project's RED intervention is already open (RED only). */
  public static final String INTERVENTION_OPEN = "interventionOpen";
  /** Transient, set with the missed reports: whether the PMO's chase of the missing reports is already open. */
  public static final String CHASE_OPEN = "chaseOpen";

  private StatusVariables() {
  }
}
