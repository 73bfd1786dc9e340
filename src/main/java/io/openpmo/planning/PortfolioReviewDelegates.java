package io.openpmo.planning;

import io.openpmo.notify.Notifier;
import io.openpmo.security.Groups;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of portfolioReview, thin over {@link PortfolioReviews}. */
@Configuration
class PortfolioReviewDelegates {

  static long reviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(PortfolioReviewVariables.REVIEW_ID)).longValue();
  }

  /** Reads the round's recorded reviews and tells the gateway: ENDORSED or REWORK. */
  @Bean
  JavaDelegate consolidatePortfolioReviewsDelegate(PortfolioReviews reviews) {
    return execution -> execution.setVariable(PortfolioReviewVariables.REVIEWS_OUTCOME,
        reviews.consolidate(reviewId(execution)));
  }

  @Bean
  JavaDelegate reopenPortfolioReviewDelegate(PortfolioReviews reviews) {
    return execution -> reviews.reopen(reviewId(execution));
  }

  @Bean
  JavaDelegate adoptPortfolioPlanDelegate(PortfolioReviews reviews) {
    return execution -> reviews.adopt(reviewId(execution));
  }

  /** Tells the PMO, finance and both committees which scenario became the plan (asynchronous step). */
  @Bean
  JavaDelegate notifyPortfolioPlanDelegate(PortfolioReviews reviews, ScenarioService scenarios, Notifier notifier) {
    return execution -> {
      PortfolioReview review = reviews.get(reviewId(execution));
      Scenario plan = scenarios.get(review.approvedScenarioId());
      String body = "The executive committee (" + review.decidedBy() + ") approved " + plan.code() + " \""
          + plan.name() + "\" as the portfolio plan of " + YearMonth.from(review.periodFrom()) + " ("
          + review.months() + " months).\n\nValue points funded: " + plan.valueFunded() + " (greedy by priority: "
          + plan.greedyValue() + ")\nSpend in the period: " + ReviewMarkdown.money(plan.costInPeriod()) + " of "
          + ReviewMarkdown.money(plan.budgetTotal()) + "\n\nDetails: /api/v1/scenarios/" + plan.code()
          + "\nDeviations: /api/v1/portfolio-plans/deviations";
      notifier.send(Notifier.Message.toGroups(List.of(Groups.PMO, Groups.FINANCE, Groups.STEERING_COMMITTEE,
          Groups.EXECUTIVE_COMMITTEE), "Portfolio plan " + YearMonth.from(review.periodFrom()) + " approved: "
          + plan.code(), body), null, null);
    };
  }
}
