package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.intake.SubmissionResult;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.review.ReviewTask;
import io.openpmo.review.SegregationOfDutiesException;
import io.openpmo.review.Vote;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import io.openpmo.task.TaskEligibilityException;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attack class 3: putting a review in the hands of somebody who may not decide it. A PMO member assigns the PMO's
 * review to the sponsor (not a PMO member), who then casts the PMO's vote; or adds them as a candidate, or
 * delegates. Whoever assigns, the person who ends up holding a task must be an eligible member of its group; the
 * default task permission lets people work on a task, not reassign it; and a vote counts only from a member of
 * the reviewing group, whatever path led to it.
 */
class AssignmentAttackPostgresTest extends AttackTest {

  @Autowired ReviewService reviews;
  @Autowired io.openpmo.project.ProjectGovernance governance;

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aPmoMemberCannotHandThePmoReviewToTheSponsor(Surface surface) {
    SubmissionResult request = submitted("rita", Requests.small("Review for the sponsor " + surface));
    Task review = task(request.code(), "pmo");
    Outcome before = outcome(request.code());
    Http petra = as(surface, "petra");
    String path = surface.base + "/task/" + review.getId();

    Http.Response claimFor = petra.post(path + "/claim", Map.of("userId", "sam"));
    Http.Response assign = petra.post(path + "/assignee", Map.of("userId", "sam"));
    Http.Response candidate = petra.post(path + "/identity-links", Map.of("userId", "sam", "type", "candidate"));
    Http.Response delegate = petra.post(path + "/delegate", Map.of("userId", "sam"));

    assertThat(claimFor.status()).as(claimFor.body()).isEqualTo(403);
    assertThat(claimFor.body()).contains("sam may not hold").contains("it belongs to PMO");
    for (Http.Response answer : java.util.List.of(assign, candidate, delegate)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    }
    Task after = taskService.createTaskQuery().taskId(review.getId()).singleResult();
    assertThat(after.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(review.getId())).noneMatch(l -> "sam".equals(l.getUserId()));
    Http.Response samCompletes = http("sam").post("/engine-rest/task/" + review.getId() + "/complete",
        Map.of("variables", variables(Map.of("decision", "APPROVE"))));
    assertThat(samCompletes.status()).isEqualTo(403);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void theEngineRefusesAnIneligibleAssigneeWhoeverSetsIt() {
    SubmissionResult request = submitted("rita", Requests.small("Java assignment"));
    Task review = task(request.code(), "pmo");
    // our own code, or an administrator, gets the same answer as a caller over HTTP
    assertThatThrownBy(() -> taskService.setAssignee(review.getId(), "carla"))
        .isInstanceOf(TaskEligibilityException.class).hasMessageContaining("carla may not hold");
    assertThat(http("demo").post("/engine-rest/task/" + review.getId() + "/assignee", Map.of("userId", "sam")).status())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aVoteCountsOnlyFromAMemberOfTheReviewingGroup() {
    SubmissionResult request = submitted("rita", Requests.small("Vote by a non-member"));
    Task review = task(request.code(), "pmo");
    ReviewTask pmoReview = new ReviewTask(review.getId(), request.processInstanceId(),
        ReviewSubjectType.PROJECT_REQUEST, project(request.code()).id(), 1, "FUNCTIONAL", "pmo");
    Outcome before = outcome(request.code());
    assertThatThrownBy(() -> reviews.cast(pmoReview, "fiona", new Vote("APPROVE", null, false, null, null)))
        .isInstanceOf(SegregationOfDutiesException.class).hasMessageContaining("fiona is not a member of PMO");
    assertThatThrownBy(() -> reviews.cast(pmoReview, "sam", new Vote("APPROVE", null, false, null, null)))
        .isInstanceOf(SegregationOfDutiesException.class);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void theProjectsOwnPeopleDoNotTakeThePmosDecisionsAboutIt() {
    String code = journeys().inDelivery(Requests.small("Own PMO decision"), "100000");
    long projectId = project(code).id();
    for (String insider : java.util.List.of("paul", "sam", "rita")) {
      assertThatThrownBy(() -> governance.recordTaskDecision("task-" + insider, projectId, "PM_EXCEPTION_DECIDED",
          "GRANT", "I qualify myself", insider))
          .isInstanceOf(io.openpmo.core.BusinessRuleException.class)
          .hasMessageContaining("another member of the PMO decides");
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM task_decision WHERE project_id = ?", Long.class, projectId))
        .isZero();
    governance.recordTaskDecision("task-pierre", projectId, "PM_EXCEPTION_DECIDED", "GRANT", "Qualified enough",
        "pierre");
    assertThat(jdbc.queryForObject("SELECT decided_by FROM task_decision WHERE project_id = ?", String.class,
        projectId)).isEqualTo("pierre");
  }

  @Test
  void aPmoMemberMayHandTheReviewToAnotherPmoMemberWhoDecidesIt() {
    SubmissionResult request = submitted("rita", Requests.small("Review for a colleague"));
    Task review = task(request.code(), "pmo");
    Http.Response claimFor = http("petra").post("/engine-rest/task/" + review.getId() + "/claim",
        Map.of("userId", "pierre"));
    assertThat(claimFor.status()).as(claimFor.body()).isEqualTo(204);
    Http.Response decided = http("pierre").post("/engine-rest/task/" + review.getId() + "/submit-form",
        Map.of("variables", variables(Map.of("decision", "APPROVE"))));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    assertThat(project(request.code()).status().name()).isEqualTo("APPROVED");
    assertThat(jdbc.queryForObject("SELECT reviewer FROM review_decision WHERE project_id = ?", String.class,
        project(request.code()).id())).isEqualTo("pierre");
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void whoClaimedATaskCanGiveItBack(Surface surface) {
    SubmissionResult request = submitted("rita", Requests.small("Unclaim " + surface));
    Task review = task(request.code(), "pmo");
    Http petra = as(surface, "petra");
    assertThat(petra.post(surface.base + "/task/" + review.getId() + "/claim", Map.of("userId", "petra")).status())
        .isEqualTo(204);
    Http.Response unclaim = petra.post(surface.base + "/task/" + review.getId() + "/unclaim", Map.of());
    assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
  }
}
