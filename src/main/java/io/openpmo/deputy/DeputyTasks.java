package io.openpmo.deputy;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.Directory;
import io.openpmo.core.EngineAccess;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.review.ReviewTask;
import io.openpmo.task.TaskCreationHook;
import io.openpmo.task.TaskEligibility;
import io.openpmo.task.TaskRecord;
import io.openpmo.task.TaskRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves tasks between an absent approver and their deputy. When the deputyship begins, the approver's open group
 * tasks go to the deputy: the deputy becomes a candidate (so Tasklist shows them the task), and a task the approver
 * had claimed is handed to the deputy, or back to the group when the deputy may not take it (say, as the project's
 * sponsor). While it runs, every new task of the approver's groups lists the deputy as a candidate. When it ends,
 * the deputy is no longer a candidate and gives back what they hold only as deputy. Tasks the model assigns to one
 * named person (the sponsor's acceptance, the requester's revision) are not moved.
 */
@Component
class DeputyTasks implements TaskCreationHook {

  private final Deputies deputies;
  private final TaskService taskService;
  private final TaskRecords taskRecords;
  private final TaskEligibility eligibility;
  private final ReviewService reviews;
  private final Directory directory;
  private final EngineAccess engineAccess;
  private final AuditTrail auditTrail;

  DeputyTasks(Deputies deputies, TaskService taskService, TaskRecords taskRecords, TaskEligibility eligibility,
      ReviewService reviews, Directory directory, EngineAccess engineAccess, AuditTrail auditTrail) {
    this.deputies = deputies;
    this.taskService = taskService;
    this.taskRecords = taskRecords;
    this.eligibility = eligibility;
    this.reviews = reviews;
    this.directory = directory;
    this.engineAccess = engineAccess;
    this.auditTrail = auditTrail;
  }

  /** A new task: the deputies of its candidates become candidates too. */
  @Override
  public void created(DelegateTask task, TaskRecord record) {
    for (Deputyship deputyship : deputies.activeToday()) {
      if (isCandidate(record, deputyship.principal()) && !record.candidateUserList().contains(deputyship.deputy())) {
        task.addCandidateUser(deputyship.deputy());
      }
    }
  }

  /** The deputyship begins: the approver's open group tasks go to the deputy. */
  @Transactional
  void handOver(long deputyshipId) {
    Deputyship deputyship = deputies.get(deputyshipId);
    if (!deputyship.activeOn(deputies.today())) {
      return;
    }
    String principal = deputyship.principal();
    String deputy = deputyship.deputy();
    List<String> candidateOf = new ArrayList<>();
    List<String> handed = new ArrayList<>();
    List<String> returned = new ArrayList<>();
    engineAccess.asSystem(() -> {
      List<Task> open = new ArrayList<>(taskService.createTaskQuery().taskCandidateUser(principal)
          .includeAssignedTasks().list());
      taskService.createTaskQuery().taskAssignee(principal).list().stream()
          .filter(t -> open.stream().noneMatch(o -> o.getId().equals(t.getId()))).forEach(open::add);
      for (Task task : open) {
        TaskRecord record = taskRecords.find(task.getId()).orElse(null);
        if (record == null || !isCandidate(record, principal)) {
          continue;   // not a group task of the approver: it stays where the model put it
        }
        if (principal.equals(task.getAssignee())) {
          if (mayTake(record, task, deputy)) {
            taskService.setAssignee(task.getId(), deputy);
            handed.add(task.getId());
          } else {
            taskService.setAssignee(task.getId(), null);
            returned.add(task.getId());
          }
        }
        if (!record.candidateUserList().contains(deputy) && !hasCandidateLink(task.getId(), deputy)) {
          taskService.addCandidateUser(task.getId(), deputy);
          candidateOf.add(task.getId());
        }
      }
    });
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deputyshipId", deputyshipId);
    details.put("principal", principal);
    details.put("deputy", deputy);
    details.put("candidateOn", candidateOf);
    details.put("handedOver", handed);
    details.put("returnedToGroup", returned);
    auditTrail.record("DEPUTYSHIP_BEGAN", null, null, details);
  }

  /** The deputyship is over: the deputy keeps only what they may hold in their own right (or for somebody else). */
  @Transactional
  void handBack(long deputyshipId) {
    Deputyship deputyship = deputies.get(deputyshipId);
    String deputy = deputyship.deputy();
    List<String> released = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    engineAccess.asSystem(() -> {
      List<Task> open = new ArrayList<>(taskService.createTaskQuery().taskAssignee(deputy).list());
      taskService.createTaskQuery().taskCandidateUser(deputy).includeAssignedTasks().list().stream()
          .filter(t -> open.stream().noneMatch(o -> o.getId().equals(t.getId()))).forEach(open::add);
      for (Task task : open) {
        TaskRecord record = taskRecords.find(task.getId()).orElse(null);
        if (record == null || stillEligible(record, task, deputy)) {
          continue;
        }
        if (deputy.equals(task.getAssignee())) {
          taskService.setAssignee(task.getId(), null);
          released.add(task.getId());
        }
        if (!record.candidateUserList().contains(deputy) && hasCandidateLink(task.getId(), deputy)) {
          taskService.deleteCandidateUser(task.getId(), deputy);
          unlisted.add(task.getId());
        }
      }
    });
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deputyshipId", deputyshipId);
    details.put("principal", deputyship.principal());
    details.put("deputy", deputy);
    details.put("released", released);
    details.put("noLongerCandidateOn", unlisted);
    auditTrail.record("DEPUTYSHIP_ENDED", null, null, details);
  }

  /** A candidate user, or a member of a candidate (or the reviewing) group: not the assignee the model names. */
  private boolean isCandidate(TaskRecord record, String person) {
    if (record.candidateUserList().contains(person)) {
      return true;
    }
    List<String> groups = TaskEligibility.groupsOf(record);
    return !groups.isEmpty() && directory.groupsOf(person).stream().anyMatch(groups::contains);
  }

  private boolean mayTake(TaskRecord record, Task task, String deputy) {
    try {
      eligibility.checkMayHold(record, task.getName(), deputy);
      if (record.isReview()) {
        reviews.checkMayHandle(new ReviewTask(task.getId(), task.getProcessInstanceId(),
            ReviewSubjectType.valueOf(record.subjectType()), record.subjectId(), record.reviewRound(), record.stage(),
            record.groupId()), deputy);
        boolean holdsAnother = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
            .taskAssignee(deputy).count() > 0;
        return !holdsAnother;
      }
      return true;
    } catch (AuthorizationException refused) {
      return false;
    }
  }

  private boolean stillEligible(TaskRecord record, Task task, String deputy) {
    try {
      eligibility.checkMayHold(record, task.getName(), deputy);
      return true;
    } catch (AuthorizationException refused) {
      return false;
    }
  }

  private boolean hasCandidateLink(String taskId, String user) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && user.equals(link.getUserId()));
  }
}
