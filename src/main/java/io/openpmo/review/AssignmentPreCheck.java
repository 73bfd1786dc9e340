package io.openpmo.review;

import io.openpmo.security.AssignmentCheck;
import io.openpmo.task.TaskEligibility;
import io.openpmo.task.TaskRecord;
import io.openpmo.task.TaskRecords;
import org.springframework.stereotype.Component;

/**
 * Who may claim a task, asked before the engine's permission check: the task's eligibility (member of its group,
 * or a member's deputy) and, for a review, segregation of duties. The same rules the assignment listeners apply.
 */
@Component
class AssignmentPreCheck implements AssignmentCheck {

  private final TaskRecords records;
  private final TaskEligibility eligibility;
  private final ReviewService reviews;

  AssignmentPreCheck(TaskRecords records, TaskEligibility eligibility, ReviewService reviews) {
    this.records = records;
    this.eligibility = eligibility;
    this.reviews = reviews;
  }

  @Override
  public void check(String taskId, String taskName, String user) {
    TaskRecord record = records.find(taskId).orElse(null);
    if (record == null) {
      return;
    }
    eligibility.checkMayHold(record, taskName, user);
    if (record.isReview()) {
      reviews.checkMayHandle(new ReviewTask(taskId, record.processInstanceId(),
          ReviewSubjectType.valueOf(record.subjectType()), record.subjectId(), record.reviewRound(), record.stage(),
          record.groupId()), user);
    }
  }
}
