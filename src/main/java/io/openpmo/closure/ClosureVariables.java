package io.openpmo.closure;

/** Variable names of projectClosure, shared by the model, its delegates and listeners. */
public final class ClosureVariables {

  public static final String PROCESS_KEY = "projectClosure";
  public static final String PROJECT_ID = io.openpmo.core.ProcessVariables.PROJECT_ID;
  public static final String CLOSURE_REASON = "closureReason";
  /** Why the project goes into closure in words (a cancellation's reason, a stop's explanation), for the mail. */
  public static final String REASON_NOTE = "reasonNote";
  public static final String SPONSOR = "sponsor";
  public static final String REQUESTER = "requester";
  /** The project manager, or null when the project never had one (the PMO closes it then). */
  public static final String CLOSURE_MANAGER = "closureManager";
  public static final String ACCEPTANCE = "acceptance";
  public static final String OPEN_CONDITIONS = "openConditions";
  public static final String BENEFITS_REVIEW_DUE = "benefitsReviewDue";
  /** Set on the lifecycle by the cancellation API before the CancelProject message arrives. */
  public static final String CANCELLATION_REASON = "cancellationReason";
  public static final String CANCELLED_BY = "cancelledBy";
  public static final String CANCEL_MESSAGE = "CancelProject";

  private ClosureVariables() {
  }
}
