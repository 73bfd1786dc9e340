package io.openpmo.planning;

import static io.openpmo.notify.MailTemplate.values;

import io.openpmo.notify.MailTemplate;
import io.openpmo.notify.Notifier;
import io.openpmo.security.Groups;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/** The mail that tells the PMO, finance and both committees which scenario became the portfolio plan. */
@Service
class PortfolioPlanNotices {

  static final MailTemplate PLAN_APPROVED = new MailTemplate("Portfolio plan {period} approved: {plan}",
      "The executive committee ({decidedBy}) approved {plan} \"{name}\" as the portfolio plan of {period}"
          + " ({months} months).\n\nValue points funded: {valueFunded} (greedy by priority: {greedyValue})\n"
          + "Spend in the period: {spend} of {budget}\n\nDetails: /api/v1/scenarios/{plan}\n"
          + "Deviations: /api/v1/portfolio-plans/deviations");

  private final PortfolioReviews reviews;
  private final ScenarioService scenarios;
  private final Notifier notifier;

  PortfolioPlanNotices(PortfolioReviews reviews, ScenarioService scenarios, Notifier notifier) {
    this.reviews = reviews;
    this.scenarios = scenarios;
    this.notifier = notifier;
  }

  /** Sends the news of the review's approved plan (asynchronous step). */
  void sendPlanApproved(long reviewId) {
    PortfolioReview review = reviews.get(reviewId);
    Scenario plan = scenarios.get(review.approvedScenarioId());
    notifier.send(PLAN_APPROVED.toGroups(List.of(Groups.PMO, Groups.FINANCE, Groups.STEERING_COMMITTEE,
        Groups.EXECUTIVE_COMMITTEE), values("period", YearMonth.from(review.periodFrom()), "plan", plan.code(),
        "decidedBy", review.decidedBy(), "name", plan.name(), "months", review.months(),
        "valueFunded", plan.valueFunded(), "greedyValue", plan.greedyValue(),
        "spend", ReviewMarkdown.money(plan.costInPeriod()), "budget", ReviewMarkdown.money(plan.budgetTotal()))),
        null, null);
  }
}
