package io.openpmo.task;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A user task as our tables know it, recorded when the engine created it: who may hold it and, for a
 * review, what it decides. Claims and completions read it back by task id; neither task variables nor
 * identity links (which a caller might have changed) decide who may hold a task or what a vote counts for.
 */
public record TaskRecord(
    String taskId,
    String processInstanceId,
    String processDefinitionKey,
    String taskDefinitionKey,
    Long projectId,
    String candidateGroups,
    String candidateUsers,
    String modelAssignee,
    String subjectType,
    Long subjectId,
    Integer reviewRound,
    String stage,
    String groupId,
    OffsetDateTime createdAt) {

  public List<String> candidateGroupList() {
    return split(candidateGroups);
  }

  public List<String> candidateUserList() {
    return split(candidateUsers);
  }

  /** The group (or groups, comma-separated) whose members decide the review this task stands for. */
  public List<String> reviewGroupList() {
    return split(groupId);
  }

  /** Whether the task stands for a vote (it was described as a review when it was created). */
  public boolean isReview() {
    return subjectType != null;
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
