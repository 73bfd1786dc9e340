package io.openpmo.planning;

import static io.openpmo.planning.PortfolioReviewVariables.reviewId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("reopenPortfolioReviewDelegate")
class ReopenPortfolioReviewDelegate implements JavaDelegate {

  private final PortfolioReviews reviews;

  ReopenPortfolioReviewDelegate(PortfolioReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.reopen(reviewId(execution));
  }
}
