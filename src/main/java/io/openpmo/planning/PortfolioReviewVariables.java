package io.openpmo.planning;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables and element ids of the portfolioReview process: references and what the gateways need. */
public final class PortfolioReviewVariables {

  public static final String PROCESS_KEY = "portfolioReview";
  public static final String REVIEW_ID = "portfolioReviewId";
  /** Set by the consolidation step from the recorded reviews: ENDORSED or REWORK. */
  public static final String REVIEWS_OUTCOME = "reviewsOutcome";
  /** Set by the approval task's listener from the recorded decision: APPROVE or REWORK. */
  public static final String EXECUTIVE_DECISION = "executiveDecision";

  public static final String TASK_PREPARE = "Task_PrepareScenarios";
  public static final String TASK_REVIEW_FINANCE = "Task_ReviewScenariosFinance";
  public static final String TASK_REVIEW_STEERING = "Task_ReviewScenariosSteering";
  public static final String TASK_APPROVE = "Task_ApproveScenario";

  // task-local form fields
  public static final String SCENARIO_CODES = "scenarioCodes";
  public static final String DECISION = "decision";
  public static final String SCENARIO = "scenario";
  public static final String COMMENT = "comment";
  // what the forms show (task-local)
  public static final String SUMMARY = "reviewSummary";
  public static final String COMPARISON = "comparison";

  public static final String PREPARE = "PREPARE";
  public static final String REVIEW = "REVIEW";
  public static final String APPROVE = "APPROVE";

  /** The portfolio review this instance works on. */
  static long reviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(REVIEW_ID)).longValue();
  }

  private PortfolioReviewVariables() {
  }
}
