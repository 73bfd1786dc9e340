package io.openpmo.review;

import io.openpmo.audit.AuditTrail;
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
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A review task passed its due date: its reviewers and the PMO are told by e-mail, the task moves to
 * the top of Tasklist (priority 90), and the escalation is on record. Runs asynchronously (mail).
 */
@Component("escalateOverdueReviewDelegate")
public class EscalateOverdueReviewDelegate implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 90;

  private final TaskService taskService;
  private final Notifier notifier;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public EscalateOverdueReviewDelegate(TaskService taskService, Notifier notifier, AuditTrail auditTrail,
      Clock clock) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Task> overdue = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .dueBefore(Date.from(clock.instant())).list();
    Long projectId = execution.getVariable(io.openpmo.core.ProcessVariables.PROJECT_ID) instanceof Number n ? n.longValue() : null;
    String projectCode = (String) execution.getVariable(io.openpmo.core.ProcessVariables.PROJECT_CODE);
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
      notifier.send(new Notifier.Message(users, notified, "Overdue: " + task.getName(),
          "The task \"" + task.getName() + "\" was due on " + task.getDueDate() + " and is still open"
              + (task.getAssignee() == null ? " and unclaimed" : " with " + task.getAssignee())
              + ".\nThe PMO has been informed."), projectId, projectCode);
      auditTrail.record("REVIEW_OVERDUE", projectId, projectCode, Map.of("taskId", task.getId(),
          "task", task.getName(), "groups", new ArrayList<>(groups), "due", task.getDueDate().toInstant().toString()));
    }
  }
}
