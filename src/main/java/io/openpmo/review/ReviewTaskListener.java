package io.openpmo.review;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.FormValues;
import io.openpmo.project.ProjectSummary;
import io.openpmo.task.TaskRecord;
import io.openpmo.task.TaskRecords;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Listens on every review task (create, assignment, complete) and enforces the review rules in the
 * engine, for Tasklist and REST alike: who may claim and who may decide, one vote per person and
 * round, conflict-of-interest declarations. What the task decides (subject, round, stage, group) is fixed
 * in its task record when it is created and read back from there; the form's answers are the task's own
 * variables. Thin: the rules live in {@link ReviewService}.
 */
@Component("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private final ReviewService reviews;
  private final TaskRecords taskRecords;
  private final CurrentUser currentUser;
  private final EngineAccess engineAccess;

  public ReviewTaskListener(ReviewService reviews, TaskRecords taskRecords, CurrentUser currentUser,
      EngineAccess engineAccess) {
    this.reviews = reviews;
    this.taskRecords = taskRecords;
    this.currentUser = currentUser;
    this.engineAccess = engineAccess;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> prepare(task);
      case EVENTNAME_ASSIGNMENT -> {
        if (task.getAssignee() != null) {
          ReviewTask review = recorded(task);
          reviews.checkMayHandle(review, task.getAssignee());
          refuseSecondTask(task, task.getAssignee());
        }
      }
      case EVENTNAME_COMPLETE -> complete(task, recorded(task));
      default -> {
        // other events carry no rule
      }
    }
  }

  private void prepare(DelegateTask task) {
    ReviewTask review = fromModel(task);
    taskRecords.describeReview(task.getId(), review.subjectType().name(), review.subjectId(), review.round(),
        review.stage(), review.group());
    ReviewSubject.SubjectFacts facts = reviews.subject(review.subjectType()).facts(review.subjectId());
    task.setName(ProjectSummary.taskName(task.getName(), facts.projectCode(), facts.title(), review.groupLabel()));
    task.setDescription(facts.title());
    task.setVariableLocal(ReviewVariables.SUMMARY, facts.summary());
    task.setVariableLocal(ReviewVariables.GROUP_LABEL, review.groupLabel());
  }

  private void complete(DelegateTask task, ReviewTask review) {
    String actingUser = currentUser.id().orElse(null);
    String assignee = task.getAssignee();
    if (actingUser != null && assignee != null && !actingUser.equals(assignee)) {
      throw new SegregationOfDutiesException("This review is claimed by " + assignee + ", so you may not decide it"
          + " in their place.");
    }
    String voter = actingUser != null ? actingUser : assignee;
    String comment = text(task, ReviewVariables.COMMENT);
    if (comment == null || comment.isBlank()) {
      comment = text(task, ReviewVariables.APPROVAL_COMMENT);
    }
    Vote vote = new Vote(text(task, ReviewVariables.DECISION), comment,
        Boolean.TRUE.equals(FormValues.flag(task.getVariableLocal(ReviewVariables.CONFLICT_OF_INTEREST),
            ReviewVariables.CONFLICT_OF_INTEREST)),
        text(task, ReviewVariables.CONFLICT_REASON), text(task, ReviewVariables.CONDITIONS));
    ReviewDecision recorded = reviews.cast(review, voter, vote);
    task.getExecution().setVariable(ReviewVariables.CONFLICT_DECLARED, !recorded.isVote());
    if (recorded.isVote()) {
      Map<String, Object> flags = reviews.subject(review.subjectType()).afterVote(review.stage(), recorded.decision());
      flags.forEach((name, value) -> task.getExecution().getProcessInstance().setVariable(name, value));
    }
  }

  /**
   * One person, one vote: nobody holds two review tasks of the same process at once. Counted on the system's
   * behalf: the rule is about every task of the process, whatever the caller may read (and the engine's
   * authorization joins made this query the costliest of a claim).
   */
  private void refuseSecondTask(DelegateTask task, String user) {
    long held = engineAccess.asSystem(() -> task.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(task.getProcessInstanceId())
        .taskAssignee(user)
        .list()).stream()
        .filter(other -> !other.getId().equals(task.getId()))
        .count();
    if (held > 0) {
      boolean self = user.equals(currentUser.id().orElse(null));
      throw new SegregationOfDutiesException((self ? "You already hold" : user + " already holds")
          + " another review of this request; one person casts one vote, whatever their groups.");
    }
  }

  /** What the review decides, as recorded when the task was created. */
  private ReviewTask recorded(DelegateTask task) {
    TaskRecord record = taskRecords.get(task.getId());
    if (!record.isReview()) {
      throw new IllegalStateException("Task " + task.getId() + " was not recorded as a review");
    }
    return new ReviewTask(task.getId(), task.getProcessInstanceId(), ReviewSubjectType.valueOf(record.subjectType()),
        record.subjectId(), record.reviewRound(), record.stage(), record.groupId());
  }

  /** What the review decides, from the model's input parameters, when the engine creates the task. */
  private ReviewTask fromModel(DelegateTask task) {
    ReviewSubjectType type = ReviewSubjectType.valueOf((String) task.getExecution().getVariable(ReviewVariables.SUBJECT));
    long subjectId = reviews.subject(type).subjectId(task.getExecution());
    Object round = task.getExecution().getVariable(ReviewVariables.ROUND);
    String stage = (String) task.getExecution().getVariable(ReviewVariables.STAGE);
    String group = (String) task.getExecution().getVariable(ReviewVariables.GROUP);
    if (group == null) {
      group = task.getCandidates().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).findFirst().orElse("unknown");
    }
    return new ReviewTask(task.getId(), task.getProcessInstanceId(), type, subjectId,
        round == null ? 1 : ((Number) round).intValue(), stage, group);
  }

  /** A form field: the task's own variable, whether Tasklist submitted the form or a client completed the task. */
  private static String text(DelegateTask task, String name) {
    Object value = task.getVariableLocal(name);
    FormValues.text(value, name);   // text only: an object or a number is refused, naming the field
    return value == null ? null : value.toString();
  }
}
