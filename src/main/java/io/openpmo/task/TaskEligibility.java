package io.openpmo.task;

import io.openpmo.core.Directory;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Who may hold a task: the assignee the model named, a candidate user, or a member of a candidate group
 * (for a review, of the reviewing group itself). Whoever assigns the task, a claim for oneself or an
 * assignment of somebody else: the person who ends up holding it must be eligible. Segregation-of-duties
 * rules of the task's subject (requester, sponsor, conflicts, one vote per round) come on top, in the
 * review listener.
 */
@Service
public class TaskEligibility {

  private final Directory directory;

  TaskEligibility(Directory directory) {
    this.directory = directory;
  }

  /** Refuses a person who may not hold the task; {@code null} (nobody holds it) is always fine. */
  public void checkMayHold(TaskRecord task, String taskName, String user) {
    if (user == null || user.equals(task.modelAssignee()) || task.candidateUserList().contains(user)) {
      return;
    }
    List<String> groups = task.isReview() && task.groupId() != null ? task.reviewGroupList()
        : task.candidateGroupList();
    if (!groups.isEmpty() && isMemberOfAny(user, groups)) {
      return;
    }
    throw new TaskEligibilityException(user + " may not hold \"" + taskName + "\": "
        + (groups.isEmpty()
            ? (task.modelAssignee() == null ? "nobody may be assigned to it" : "it is assigned to " + task.modelAssignee())
            : "it belongs to " + String.join(" or ", groups) + " and " + user + " is not a member"));
  }

  /** Whether the person is a member of the group (of any of the groups), as the identity service says now. */
  public boolean isMemberOfAny(String user, List<String> groups) {
    return user != null && directory.groupsOf(user).stream().anyMatch(groups::contains);
  }
}
