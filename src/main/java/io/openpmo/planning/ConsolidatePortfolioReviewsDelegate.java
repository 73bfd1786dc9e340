package io.openpmo.planning;

import static io.openpmo.planning.PortfolioReviewVariables.reviewId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the round's recorded reviews and tells the gateway: ENDORSED or REWORK. */
@Component("consolidatePortfolioReviewsDelegate")
class ConsolidatePortfolioReviewsDelegate implements JavaDelegate {

  private final PortfolioReviews reviews;

  ConsolidatePortfolioReviewsDelegate(PortfolioReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PortfolioReviewVariables.REVIEWS_OUTCOME,
        reviews.consolidate(reviewId(execution)));
  }
}
