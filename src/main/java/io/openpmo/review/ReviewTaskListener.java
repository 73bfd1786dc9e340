package io.openpmo.review;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormValues;
import io.openpmo.core.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Listens on every review task (create, assignment, complete) and enforces the review rules in the
 * engine, for Tasklist and REST alike: who may claim and who may decide, one vote per person and
 * round, conflict-of-interest declarations. Thin: the rules live in {@link ReviewService}.
 */
@Component("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private final ReviewService reviews;
  private final CurrentUser currentUser;

  public ReviewTaskListener(ReviewService reviews, CurrentUser currentUser) {
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewTask review = reviewOf(task);
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> prepare(task, review);
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          reviews.checkMayHandle(review, task.getAssignee());
          refuseSecondTask(task, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, review);
      default -> {
        // other events carry no rule
      }
    }
  }

  private void prepare(DelegateTask task, ReviewTask review) {
    ReviewSubject.SubjectFacts facts = reviews.subject(review.subjectType()).facts(review.subjectId());
    task.setName(task.getName() + ": " + facts.projectCode() + " (" + review.group() + ")");
    task.setDescription(facts.title());
    task.setVariableLocal(ReviewVariables.SUMMARY, facts.summary());
    task.setVariableLocal(ReviewVariables.PREVIOUS_COMMENTS,
        reviews.commentsForForm(review.subjectType(), review.subjectId()));
  }

  private void complete(DelegateTask task, ReviewTask review) {
    String actingUser = currentUser.id().orElse(null);
    String assignee = task.getAssignee();
    if (actingUser != null && assignee != null && !actingUser.equals(assignee)) {
      throw new SegregationOfDutiesException("this review is claimed by " + assignee + "; " + actingUser
          + " may not decide it in their place");
    }
    String voter = actingUser != null ? actingUser : assignee;
    ReviewDecision recorded;
    try {
      Vote vote = new Vote(text(task, ReviewVariables.DECISION), text(task, ReviewVariables.COMMENT),
          Boolean.TRUE.equals(FormValues.flag(task.getExecution().getVariableLocal(ReviewVariables.CONFLICT_OF_INTEREST),
              ReviewVariables.CONFLICT_OF_INTEREST)),
          text(task, ReviewVariables.CONFLICT_REASON), text(task, ReviewVariables.CONDITIONS));
      recorded = reviews.cast(review, voter, vote);
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    task.getExecution().setVariable(ReviewVariables.CONFLICT_DECLARED, !recorded.isVote());
    if (recorded.isVote()) {
      Map<String, Object> flags = reviews.subject(review.subjectType()).afterVote(review.stage(), recorded.decision());
      flags.forEach((name, value) -> task.getExecution().getProcessInstance().setVariable(name, value));
    }
  }

  /** One person, one vote: nobody holds two review tasks of the same process at once. */
  private static void refuseSecondTask(DelegateTask task, String user) {
    long held = task.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(task.getProcessInstanceId())
        .taskAssignee(user)
        .list().stream()
        .filter(other -> !other.getId().equals(task.getId()))
        .count();
    if (held > 0) {
      throw new SegregationOfDutiesException(user + " already holds another review of this request;"
          + " one person casts one vote, whatever their groups");
    }
  }

  private ReviewTask reviewOf(DelegateTask task) {
    ReviewSubjectType type = ReviewSubjectType.valueOf((String) task.getVariable(ReviewVariables.SUBJECT));
    long subjectId = reviews.subject(type).subjectId(task);
    Object round = task.getVariable(ReviewVariables.ROUND);
    String stage = (String) task.getVariable(ReviewVariables.STAGE);
    String group = (String) task.getVariable(ReviewVariables.GROUP);
    if (group == null) {
      group = task.getCandidates().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElse("unknown");
    }
    return new ReviewTask(task.getId(), task.getProcessInstanceId(), type, subjectId,
        round == null ? 1 : ((Number) round).intValue(), stage, group);
  }

  /**
   * A form field. The review task declares its fields as input parameters, so they live in the task's
   * own scope whether Tasklist submits the form or an integration completes the task over REST, and
   * vanish with it: two parallel reviews never see each other's answers.
   */
  private static String text(DelegateTask task, String name) {
    Object value = task.getExecution().getVariableLocal(name);
    FormValues.text(value, name);   // text only: an object or a number is refused, naming the field
    return value == null ? null : value.toString();
  }
}
