package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.review.ReviewVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the votes of this round and stage (input parameter {@code reviewStage}) into {@code reviewOutcome}. */
@Component("consolidateReviewsDelegate")
class ConsolidateReviewsDelegate implements JavaDelegate {

  private final InitiationService initiation;

  ConsolidateReviewsDelegate(InitiationService initiation) {
    this.initiation = initiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long projectId = projectId(execution);
    int round = ((Number) execution.getVariable(ReviewVariables.ROUND)).intValue();
    String stage = (String) execution.getVariable(ReviewVariables.STAGE);
    InitiationService.Outcome outcome = initiation.outcome(projectId, round, stage);
    if (outcome == InitiationService.Outcome.REWORK) {
      initiation.returnForRework(projectId);
    }
    execution.setVariable(InitiationVariables.REVIEW_OUTCOME, outcome.name());
  }
}
