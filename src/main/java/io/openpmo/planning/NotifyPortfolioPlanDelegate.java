package io.openpmo.planning;

import static io.openpmo.planning.PortfolioReviewVariables.reviewId;

import io.openpmo.notify.Notifier;
import io.openpmo.security.Groups;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the PMO, finance and both committees which scenario became the plan (asynchronous step). */
@Component("notifyPortfolioPlanDelegate")
class NotifyPortfolioPlanDelegate implements JavaDelegate {

  private final PortfolioReviews reviews;
  private final ScenarioService scenarios;
  private final Notifier notifier;

  NotifyPortfolioPlanDelegate(PortfolioReviews reviews, ScenarioService scenarios, Notifier notifier) {
    this.reviews = reviews;
    this.scenarios = scenarios;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
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
  }
}
