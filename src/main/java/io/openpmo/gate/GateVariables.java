package io.openpmo.gate;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables of the stageGateReview process. */
public final class GateVariables {

  public static final String PROCESS_KEY = "stageGateReview";

  public static final String PROJECT_ID = io.openpmo.core.ProcessVariables.PROJECT_ID;
  public static final String GATE = "gate";
  public static final String GATE_REVIEW_ID = "gateReviewId";
  public static final String REVIEWER_GROUPS = "gateReviewerGroups";
  public static final String GATE_STOPPED = "gateStopped";
  public static final String GATE_OUTCOME = "gateOutcome";
  public static final String CHECKLIST_ITEMS = "checklistItems";
  public static final String CHECKLIST_DONE = "checklistDone";
  public static final String CHECKLIST_NOTES = "checklistNotes";

  /** Inputs of the gateReviewers decision, present only while it is evaluated. */
  public static final List<String> DECISION_FACTS = List.of("riskTier", "budget", "thirdParty", "personalData",
      "criticalFunction", "newTechnology", "projectType");

  /** The gate review this instance works on. */
  static long gateReviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(GATE_REVIEW_ID)).longValue();
  }

  private GateVariables() {
  }
}
