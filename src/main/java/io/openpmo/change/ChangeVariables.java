package io.openpmo.change;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables of the changeRequest process. */
public final class ChangeVariables {

  public static final String PROCESS_KEY = "changeRequest";
  public static final String CHANGE_REQUESTED_MESSAGE = "ChangeRequested";

  public static final String CHANGE_REQUEST_ID = "changeRequestId";
  public static final String PROJECT_ID = io.openpmo.core.ProcessVariables.PROJECT_ID;
  public static final String PROJECT_CODE = io.openpmo.core.ProcessVariables.PROJECT_CODE;
  public static final String PROJECT_MANAGER = "projectManager";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String IMPACT_ASSESSOR = "impactAssessor";
  public static final String IMPACT_ASSESSOR_GROUP = "impactAssessorGroup";
  public static final String EMERGENCY = "emergency";
  public static final String CHANGE_CLASS = "changeClass";
  public static final String CHANGE_APPROVER_GROUPS = "changeApproverGroups";
  public static final String CHANGE_REJECTED = "changeRejected";
  public static final String CHANGE_APPROVED = "changeApproved";
  public static final String REAPPROVAL_REQUIRED = "reapprovalRequired";
  public static final String REAPPROVAL_GROUPS = "reapprovalGroups";
  public static final String CAPACITY_SUFFICIENT = "capacitySufficient";

  /** Inputs of changeClassification, present only while it is evaluated. */
  public static final List<String> CLASSIFICATION_FACTS = List.of("costDelta", "currentBudget", "delayDays",
      "scopeChange", "regulatoryImpact", "criticalFunction");
  /** Inputs of approvalRouting for a reapproval at the new budget. */
  public static final List<String> ROUTING_FACTS = List.of("budget", "riskTier", "thirdParty", "personalData",
      "dataClassification", "projectType", "newTechnology");

  /** The change request fields of the Tasklist start form. */
  public static final List<String> FORM_FIELDS = List.of(PROJECT_CODE, "title", "reason", "scopeChange",
      "scopeDescription", "delayDays", "costDelta", "riskImpact", "regulatoryImpact", "emergency");

  /** The change request this instance works on. */
  static long changeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CHANGE_REQUEST_ID)).longValue();
  }

  /** A collection variable (the groups a decision named) as strings. */
  static List<String> strings(Object collection) {
    return ((Collection<?>) collection).stream().map(Object::toString).toList();
  }

  private ChangeVariables() {
  }
}
