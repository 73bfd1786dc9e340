package io.openpmo.modelchange;

import java.util.List;

/**
 * What the application's code relies on in the models: the contract between process owners and developers. A
 * proposed model that breaks it is refused by the checks, naming the requirement and the code that needs it. The
 * README's section for process owners lists the same requirements ({@code ModelContractDocumentationTest} keeps the
 * two in step).
 *
 * <p>Besides these named requirements, the checks apply general rules: a changed file keeps the process and
 * decision keys it had (a new key is a new file), a changed form keeps every key its version in force submits (the
 * listeners read them), every reference (delegate, form, called process, decision) resolves, and forms are bound
 * to the deployment of their process.
 */
public final class ModelContract {

  /** The kinds of requirement. */
  public enum Kind {
    /** A process key the code starts or calls. */
    PROCESS,
    /** A message name the code correlates, in the process that must catch it. */
    MESSAGE,
    /** An element id the code looks up (a task it completes or reads). */
    ELEMENT,
    /** A business rule task: the decision it evaluates must land in the variable the code reads. */
    RESULT_VARIABLE,
    /** A decision key and the outputs the code reads from its result. */
    DECISION
  }

  /**
   * One requirement. {@code owner} is the process key (or the decision key for {@link Kind#DECISION}); {@code name}
   * the message, element, decision or result variable; {@code detail} the outputs (decisions), the decision and
   * how its result is mapped (result variables); {@code usedBy} the code that relies on it.
   */
  public record Requirement(Kind kind, String owner, String name, String detail, String usedBy) {
  }

  public static final List<Requirement> REQUIREMENTS = List.of(
      new Requirement(Kind.PROCESS, "projectInitiation", "projectInitiation", null,
          "ProjectSubmissions starts it for every project request (API and Tasklist start form)"),
      new Requirement(Kind.MESSAGE, "projectInitiation", "WithdrawRequest", null,
          "WithdrawalService correlates it when a request is withdrawn"),
      new Requirement(Kind.RESULT_VARIABLE, "projectInitiation", "riskAssessment", "projectRisk singleResult",
          "RecordAssessmentDelegate reads riskScore and riskTier from it"),
      new Requirement(Kind.RESULT_VARIABLE, "projectInitiation", "priorityAssessment", "projectPriority singleResult",
          "RecordAssessmentDelegate reads priorityScore and priorityClass from it"),
      new Requirement(Kind.RESULT_VARIABLE, "projectInitiation", "approverGroups", "approvalRouting collectEntries",
          "RecordAssessmentDelegate records the required approvals from it"),
      new Requirement(Kind.PROCESS, "projectLifecycle", "projectLifecycle", null,
          "startLifecycleDelegate starts it when a project is approved"),
      new Requirement(Kind.ELEMENT, "projectLifecycle", "Task_PlanProject", null,
          "PUT /api/v1/projects/{code}/plan shows the plan on this task (LifecycleController)"),
      new Requirement(Kind.ELEMENT, "projectLifecycle", "Task_SubmitStatusReport", null,
          "a status report sent through the API completes this task (StatusReporting)"),
      new Requirement(Kind.MESSAGE, "projectLifecycle", "StatusReportRecorded", null,
          "StatusReporting correlates it for every status report"),
      new Requirement(Kind.MESSAGE, "projectLifecycle", "ChangeRequested", null,
          "RegisterChangeRequestDelegate correlates it for every change request"),
      new Requirement(Kind.MESSAGE, "projectLifecycle", "CancelProject", null,
          "Cancellations correlates it when a project is cancelled"),
      new Requirement(Kind.RESULT_VARIABLE, "projectLifecycle", "health", "projectHealth singleEntry",
          "recordHealthDelegate records the rating from it"),
      new Requirement(Kind.PROCESS, "stageGateReview", "stageGateReview", null,
          "the lifecycle (G1, G2, GX) and closure (G3) call it"),
      new Requirement(Kind.RESULT_VARIABLE, "stageGateReview", "gateReviewerGroups", "gateReviewers collectEntries",
          "the gate records its reviewers from it"),
      new Requirement(Kind.PROCESS, "changeRequest", "changeRequest", null,
          "ChangeSubmissions starts it for every change request"),
      new Requirement(Kind.RESULT_VARIABLE, "changeRequest", "changeClass", "changeClassification singleEntry",
          "recordChangeClassificationDelegate records the class from it"),
      new Requirement(Kind.RESULT_VARIABLE, "changeRequest", "changeApproverGroups", "changeApprovers collectEntries",
          "recordChangeClassificationDelegate records the approvers from it"),
      new Requirement(Kind.RESULT_VARIABLE, "changeRequest", "reapprovalGroups", "approvalRouting collectEntries",
          "recordReapprovalRouteDelegate records the re-approval route from it"),
      new Requirement(Kind.PROCESS, "projectClosure", "projectClosure", null,
          "ClosureStarter starts it after delivery, a stop or a cancellation"),
      new Requirement(Kind.PROCESS, "portfolioReview", "portfolioReview", null,
          "PortfolioReviews starts it for every portfolio review"),
      new Requirement(Kind.ELEMENT, "portfolioReview", "Task_PrepareScenarios", null,
          "PortfolioReviewListener knows the preparation of the scenarios by this id"),
      new Requirement(Kind.ELEMENT, "portfolioReview", "Task_ApproveScenario", null,
          "PortfolioReviewListener knows the approval of a scenario by this id"),
      new Requirement(Kind.PROCESS, "boardPack", "boardPack", null,
          "BoardPacks starts it for a pack on demand; monthlyBoardPack calls it"),
      new Requirement(Kind.PROCESS, "modelChange", "modelChange", null,
          "ModelChangeService starts it for every proposed model change"),
      new Requirement(Kind.DECISION, "projectRisk", "projectRisk", "riskScore, riskTier",
          "project initiation scores risk with it"),
      new Requirement(Kind.DECISION, "projectPriority", "projectPriority", "priorityScore, priorityClass",
          "project initiation scores priority with it"),
      new Requirement(Kind.DECISION, "approvalRouting", "approvalRouting", "approverGroup",
          "project initiation and change re-approval route with it"),
      new Requirement(Kind.DECISION, "gateReviewers", "gateReviewers", "reviewerGroup",
          "every stage gate names its reviewers with it"),
      new Requirement(Kind.DECISION, "projectHealth", "projectHealth", "health",
          "every status report is rated with it"),
      new Requirement(Kind.DECISION, "changeClassification", "changeClassification", "changeClass",
          "every change request is classified with it"),
      new Requirement(Kind.DECISION, "changeApprovers", "changeApprovers", "approverGroup",
          "every change request names its approvers with it"));

  private ModelContract() {
  }

  static List<Requirement> forProcess(String processKey) {
    return REQUIREMENTS.stream().filter(r -> r.kind() != Kind.DECISION && r.owner().equals(processKey)).toList();
  }

  static List<Requirement> forDecision(String decisionKey) {
    return REQUIREMENTS.stream().filter(r -> r.kind() == Kind.DECISION && r.owner().equals(decisionKey)).toList();
  }
}
