package io.openpmo.task;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.Directory;
import io.openpmo.core.Labels;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Who may hold a task: the assignee the model named, a candidate user, a member of a candidate group (for a
 * review, of the reviewing group itself), or the deputy of a candidate user or group member while the
 * deputyship runs ({@link StandIns}). Whoever assigns the task, a claim for oneself or an assignment of somebody
 * else: the person who ends up holding it must be eligible. Segregation-of-duties rules of the task's subject
 * (requester, sponsor, conflicts, one vote per round) come on top, in the review listener, and apply to a deputy
 * and to the person they stand in for alike. A task the model assigns to one named person (the sponsor's
 * acceptance, the requester's revision) is that person's: deputies do not take it.
 */
@Service
public class TaskEligibility {

  private final Directory directory;
  private final CurrentUser currentUser;
  private final ObjectProvider<StandIns> standIns;

  TaskEligibility(Directory directory, CurrentUser currentUser, ObjectProvider<StandIns> standIns) {
    this.directory = directory;
    this.currentUser = currentUser;
    this.standIns = standIns;
  }

  /** How a person holds a task: in their own right, or standing in for somebody ({@code actingFor}). */
  public record Standing(String user, String actingFor, Long deputyshipId) {

    public static Standing own(String user) {
      return new Standing(user, null, null);
    }

    public boolean isDeputy() {
      return actingFor != null;
    }
  }

  /**
   * How the person may hold the task; refuses one who may not, in one sentence. {@code null} (nobody holds it) is
   * always fine.
   */
  public Standing checkMayHold(TaskRecord task, String taskName, String user) {
    if (user == null || mayHoldInOwnRight(task, user)) {
      return Standing.own(user);
    }
    for (StandIns.StandIn standIn : principalsOf(user)) {
      if (mayHoldAsCandidate(task, standIn.principal())) {
        return new Standing(user, standIn.principal(), standIn.deputyshipId());
      }
    }
    List<String> groups = groupsOf(task);
    String who = who(user);
    String message;
    if (groups.isEmpty()) {
      message = task.modelAssignee() == null ? "Nobody may be assigned to “" + taskName + "”."
          : "“" + taskName + "” is assigned to " + task.modelAssignee() + ", so " + who + " may not hold it.";
    } else {
      message = who + " may not hold “" + taskName + "”: it belongs to " + labels(groups) + ", and "
          + ("You".equals(who) ? "you are" : who + " is") + " not a member" + endedStandIn(user, task) + ".";
    }
    throw new TaskEligibilityException(message);
  }

  /** Whether the person may hold the task without standing in for anybody. */
  public boolean mayHoldInOwnRight(TaskRecord task, String user) {
    return user.equals(task.modelAssignee()) || mayHoldAsCandidate(task, user);
  }

  private boolean mayHoldAsCandidate(TaskRecord task, String user) {
    if (task.candidateUserList().contains(user)) {
      return true;
    }
    List<String> groups = groupsOf(task);
    return !groups.isEmpty() && isMemberOfAny(user, groups);
  }

  /** The groups whose members may hold the task: the reviewing group(s) of a review, else the candidate groups. */
  public static List<String> groupsOf(TaskRecord task) {
    return task.isReview() && task.groupId() != null ? task.reviewGroupList() : task.candidateGroupList();
  }

  /** Whether the person is a member of the group (of any of the groups), as the identity service says now. */
  public boolean isMemberOfAny(String user, List<String> groups) {
    return user != null && directory.groupsOf(user).stream().anyMatch(groups::contains);
  }

  /** The people this user stands in for today (none without the deputy feature). */
  public List<StandIns.StandIn> principalsOf(String user) {
    StandIns service = standIns.getIfAvailable();
    return service == null || user == null ? List.of() : service.principalsOf(user);
  }

  /**
   * ", and your stand-in for fiona ended on 4 May 2026" when the user once stood in for a member who could hold
   * the task: a refusal then says why it no longer works.
   */
  public String endedStandIn(String user, TaskRecord task) {
    return endedStandIn(user, principal -> mayHoldAsCandidate(task, principal));
  }

  /** The same, for a principal who qualifies as the predicate says (e.g. a member of the reviewing group). */
  public String endedStandIn(String user, Predicate<String> couldHold) {
    StandIns service = standIns.getIfAvailable();
    if (service == null || user == null) {
      return "";
    }
    Optional<StandIns.StandIn> ended = service.endedFor(user).stream()
        .filter(s -> couldHold.test(s.principal())).findFirst();
    return ended.map(s -> ", and " + ("You".equals(who(user)) ? "your" : "their") + " stand-in for " + s.principal()
        + " ended on " + Labels.date(s.lastDay())).orElse("");
  }

  /** Records that a deputy completed a task that is not a vote (votes carry it themselves). */
  public void recordDeputyAction(Standing standing, String taskId, Long projectId, String taskName) {
    StandIns service = standIns.getIfAvailable();
    if (service != null && standing.isDeputy()) {
      service.recordAction(new StandIns.StandIn(standing.deputyshipId(), standing.actingFor(), null),
          standing.user(), taskId, projectId, taskName);
    }
  }

  /** "You" when the person is the one acting, else their user id: refusals read as one sentence to either. */
  public String who(String user) {
    return user != null && user.equals(currentUser.id().orElse(null)) ? "You" : user;
  }

  private static String labels(List<String> groups) {
    return groups.stream().map(Labels::group).collect(Collectors.joining(" or "));
  }
}
