package io.openpmo.review;

/** Names of the variables a review task and its form share with the process. */
public final class ReviewVariables {

  /** Which {@link ReviewSubjectType} the task decides on (input parameter of the review scope). */
  public static final String SUBJECT = "reviewSubject";
  /** The review stage, e.g. FUNCTIONAL, COMMITTEE, PMO_DECISION, GATE (input parameter). */
  public static final String STAGE = "reviewStage";
  /** The group that reviews (multi-instance element variable, or the task's candidate group). */
  public static final String GROUP = "reviewGroup";
  /** The review round: 1, then one more for every resubmission. */
  public static final String ROUND = "reviewRound";
  /** Set after each completion: true when the reviewer declared a conflict of interest. */
  public static final String CONFLICT_DECLARED = "conflictDeclared";

  // form fields (task-local)
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  /** The optional comment of an approval (the form asks for {@link #COMMENT} when it must explain a decision). */
  public static final String APPROVAL_COMMENT = "approvalComment";
  public static final String CONFLICT_OF_INTEREST = "conflictOfInterest";
  public static final String CONFLICT_REASON = "conflictReason";
  public static final String CONDITIONS = "conditions";
  // shown on the form (task-local)
  public static final String SUMMARY = "subjectSummary";
  /** The reviewing group in words, for Tasklist's list of tasks. */
  public static final String GROUP_LABEL = "reviewingGroup";

  private ReviewVariables() {
  }
}
