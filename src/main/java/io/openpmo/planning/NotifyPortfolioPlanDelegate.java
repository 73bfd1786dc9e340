package io.openpmo.planning;

import static io.openpmo.planning.PortfolioReviewVariables.reviewId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the PMO, finance and both committees which scenario became the plan (asynchronous step). */
@Component("notifyPortfolioPlanDelegate")
class NotifyPortfolioPlanDelegate implements JavaDelegate {

  private final PortfolioPlanNotices notices;

  NotifyPortfolioPlanDelegate(PortfolioPlanNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.sendPlanApproved(reviewId(execution));
  }
}
