package io.openpmo.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.AppTest;
import io.openpmo.support.TestProjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The comment of a PMO decision is read from its record in task_decision by the kind of decision the next step
 * follows, so a later decision of another kind on the same project (which used to overwrite the process-wide
 * {@code decisionComment} variable) cannot change what the step reads.
 */
class TaskDecisionCommentTest extends AppTest {

  @Autowired
  ProjectMapper projects;
  @Autowired
  ProjectGovernance governance;

  @Test
  void eachStepReadsTheCommentOfItsOwnKindOfDecisionWhateverWasDecidedLater() {
    Project row = TestProjects.row("PRJ-T-C" + projects.nextCodeNumber(), "rita", null);
    projects.insert(row);
    long id = projects.findByCode(row.code()).orElseThrow().id();

    governance.recordTaskDecision("task-pm-" + id, id, ProjectGovernance.PM_EXCEPTION_DECISION, "GRANT",
        "Paul runs it with a mentor from the PMO", "petra");
    governance.recordTaskDecision("task-chase-" + id, id, "MISSED_REPORTS_CHASED", "CHASED",
        "Reminded the project manager by phone", "petra");

    assertThat(governance.latestTaskDecision(id, ProjectGovernance.PM_EXCEPTION_DECISION))
        .map(Evidence.TaskDecision::comment).contains("Paul runs it with a mentor from the PMO");
    assertThat(governance.latestTaskDecision(id, ProjectGovernance.RED_INTERVENTION_DECISION))
        .as("no intervention was decided: nothing to read, not the chase's comment").isEmpty();
  }
}
