package io.openpmo.planning;

import static io.openpmo.planning.PortfolioReviewVariables.APPROVE;
import static io.openpmo.planning.PortfolioReviewVariables.COMMENT;
import static io.openpmo.planning.PortfolioReviewVariables.COMPARISON;
import static io.openpmo.planning.PortfolioReviewVariables.DECISION;
import static io.openpmo.planning.PortfolioReviewVariables.PREPARE;
import static io.openpmo.planning.PortfolioReviewVariables.REVIEW;
import static io.openpmo.planning.PortfolioReviewVariables.SCENARIO;
import static io.openpmo.planning.PortfolioReviewVariables.SCENARIO_CODES;
import static io.openpmo.planning.PortfolioReviewVariables.SUMMARY;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormValues;
import io.openpmo.review.SegregationOfDutiesException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Every task of the portfolio review (create, assignment, complete). On create: records what the task decides
 * (review, round, stage from the task's definition, the group it is offered to) and gives the form what it shows.
 * On assignment: only an eligible member of that group may hold it. On complete: reads the form's fields from the
 * task's own scope, has {@link PortfolioReviews} validate and record the decision with the authenticated user, and
 * sets the one system variable the gateway after the approval reads.
 */
@Component("portfolioReviewListener")
class PortfolioReviewListener implements TaskListener {

  private final PortfolioReviews reviews;
  private final ScenarioService scenarios;
  private final CurrentUser currentUser;

  PortfolioReviewListener(PortfolioReviews reviews, ScenarioService scenarios, CurrentUser currentUser) {
    this.reviews = reviews;
    this.scenarios = scenarios;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> create(task);
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          reviews.checkMayHold(reviews.task(task.getId()), task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> complete(task);
      default -> {
        // no rule on other events
      }
    }
  }

  private void create(DelegateTask task) {
    long reviewId = ((Number) task.getVariable(PortfolioReviewVariables.REVIEW_ID)).longValue();
    String group = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new IllegalStateException(task.getTaskDefinitionKey() + " has no candidate group"));
    PortfolioReview.Task record = reviews.openTask(task.getId(), reviewId, stage(task), group);
    PortfolioReview review = reviews.get(reviewId);
    task.setName(task.getName() + ": " + review.code());
    task.setDescription("Portfolio " + java.time.YearMonth.from(review.periodFrom()) + ", " + review.months()
        + " months, round " + record.reviewRound());
    if (PREPARE.equals(record.stage())) {
      List<Scenario> ofPeriod = scenarios.list().stream()
          .filter(s -> s.periodFrom().equals(review.periodFrom()) && s.months().equals(review.months())).toList();
      task.setVariableLocal(SUMMARY, ReviewMarkdown.preparation(review, ofPeriod, reviews.decisions(reviewId)));
      return;
    }
    List<String> codes = reviews.roundScenarios(reviewId, record.reviewRound()).stream().map(Scenario::code).toList();
    ScenarioComparison comparison = codes.size() > 1 ? scenarios.compare(codes)
        : new ScenarioComparison(List.of(scenarios.view(codes.get(0))), List.of());
    task.setVariableLocal(COMPARISON, ReviewMarkdown.comparison(comparison));
    task.setVariableLocal(SUMMARY, "**Opinions in this round**\n\n"
        + ReviewMarkdown.opinions(reviews.decisions(reviewId), record.reviewRound()));
  }

  private void complete(DelegateTask task) {
    PortfolioReview.Task record = reviews.task(task.getId());
    String acting = currentUser.id().orElse(null);
    String assignee = task.getAssignee();
    if (acting != null && assignee != null && !acting.equals(assignee)) {
      throw new SegregationOfDutiesException("this task is claimed by " + assignee + "; " + acting
          + " may not decide it in their place");
    }
    String user = acting != null ? acting : assignee;
    String comment = FormValues.text(task.getVariableLocal(COMMENT));
    // an InvalidRequestException names its fields: ClientErrorTranslator answers it for both surfaces
    switch (record.stage()) {
      case PREPARE -> {
        String codes = FormValues.text(task.getVariableLocal(SCENARIO_CODES));
        reviews.submit(record, user, codes == null ? List.of()
            : Arrays.stream(codes.split("[,;\\s]+")).filter(c -> !c.isBlank()).toList(), comment);
      }
      case REVIEW -> reviews.review(record, user, FormValues.text(task.getVariableLocal(DECISION)),
          FormValues.text(task.getVariableLocal(SCENARIO)), comment);
      case APPROVE -> {
        String decision = reviews.approve(record, user,
            FormValues.text(task.getVariableLocal(DECISION)),
            FormValues.text(task.getVariableLocal(SCENARIO)), comment);
        task.getExecution().getProcessInstance().setVariable(PortfolioReviewVariables.EXECUTIVE_DECISION, decision);
      }
      default -> throw new IllegalStateException("Unknown stage " + record.stage());
    }
  }

  private static String stage(DelegateTask task) {
    return switch (task.getTaskDefinitionKey()) {
      case PortfolioReviewVariables.TASK_PREPARE -> PREPARE;
      case PortfolioReviewVariables.TASK_APPROVE -> APPROVE;
      default -> REVIEW;
    };
  }
}
