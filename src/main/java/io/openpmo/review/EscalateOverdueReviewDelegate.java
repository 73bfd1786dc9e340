package io.openpmo.review;

import io.openpmo.core.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A review task passed its due date: its reviewers and the PMO are told by e-mail, the task moves to
 * the top of Tasklist (priority 90), and the escalation is on record. Runs asynchronously (mail).
 */
@Component("escalateOverdueReviewDelegate")
class EscalateOverdueReviewDelegate implements JavaDelegate {

  private final OverdueReviews overdue;

  EscalateOverdueReviewDelegate(OverdueReviews overdue) {
    this.overdue = overdue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    overdue.escalate(execution.getProcessInstanceId(),
        execution.getVariable(ProcessVariables.PROJECT_ID) instanceof Number n ? n.longValue() : null,
        (String) execution.getVariable(ProcessVariables.PROJECT_CODE));
  }
}
