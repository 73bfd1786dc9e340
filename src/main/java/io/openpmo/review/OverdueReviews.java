package io.openpmo.review;

import io.openpmo.audit.AuditTrail;
import io.openpmo.notify.MailTemplate;
import io.openpmo.notify.Notifier;
import io.openpmo.security.Groups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Escalates the review tasks of a process instance that passed their due date: their reviewers and the PMO are told
 * by e-mail, the task moves to the top of Tasklist (priority 90), and the escalation is audited
 * ({@code REVIEW_OVERDUE}). A task escalated once is not escalated again.
 */
@Service
class OverdueReviews {

  static final int ESCALATED_PRIORITY = 90;
  static final MailTemplate OVERDUE = new MailTemplate("Overdue: {task}",
      "The task \"{task}\" was due on {due} and is still open{holder}.\nThe PMO has been informed.");

  private final TaskService taskService;
  private final Notifier notifier;
  private final AuditTrail auditTrail;
  private final Clock clock;

  OverdueReviews(TaskService taskService, Notifier notifier, AuditTrail auditTrail, Clock clock) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  void escalate(String processInstanceId, Long projectId, String projectCode) {
    List<Task> overdue = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .dueBefore(Date.from(clock.instant())).list();
    for (Task task : overdue) {
      if (task.getPriority() >= ESCALATED_PRIORITY) {
        continue;
      }
      taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
      Set<String> groups = new LinkedHashSet<>();
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      List<String> users = task.getAssignee() == null ? List.of() : List.of(task.getAssignee());
      List<String> notified = new ArrayList<>(groups);
      notified.add(Groups.PMO);
      Map<String, Object> values = MailTemplate.values("task", task.getName(), "due", task.getDueDate(),
          "holder", task.getAssignee() == null ? " and unclaimed" : " with " + task.getAssignee());
      notifier.send(OVERDUE.to(users, notified, values), projectId, projectCode);
      auditTrail.record("REVIEW_OVERDUE", projectId, projectCode, Map.of("taskId", task.getId(),
          "task", task.getName(), "groups", new ArrayList<>(groups), "due", task.getDueDate().toInstant().toString()));
    }
  }
}
