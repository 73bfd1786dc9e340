package io.openpmo.report;

import io.openpmo.gate.GateVariables;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Open user tasks for the reports, each with its project (the business key of its process instance) and its
 * candidate groups. Callers run these queries on the system's behalf (after their own access check).
 */
@Component
public class OpenTasks {

  /** An open task, the project it belongs to (null when its process has no business key) and its groups. */
  public record OpenTask(Task task, String code, List<String> groups, boolean ofGateReview) {

    public String groupList() {
      return String.join(",", groups);
    }
  }

  private final TaskService taskService;
  private final HistoryService historyService;

  OpenTasks(TaskService taskService, HistoryService historyService) {
    this.taskService = taskService;
    this.historyService = historyService;
  }

  /**
   * Tasks past their due date: every task of a stage gate review, and any other task offered to a candidate
   * group (claimed or not), gate tasks first.
   */
  public List<OpenTask> overdue(Date now) {
    List<Task> gateTasks = taskService.createTaskQuery().processDefinitionKey(GateVariables.PROCESS_KEY)
        .dueBefore(now).orderByDueDate().asc().list();
    Set<String> gateTaskIds = gateTasks.stream().map(Task::getId).collect(Collectors.toSet());
    List<Task> groupTasks = taskService.createTaskQuery().withCandidateGroups().includeAssignedTasks()
        .dueBefore(now).orderByDueDate().asc().list().stream()
        .filter(task -> !gateTaskIds.contains(task.getId())).toList();
    List<Task> all = new ArrayList<>(gateTasks);
    all.addAll(groupTasks);
    return describe(all, gateTaskIds);
  }

  /** The oldest open tasks offered to a candidate group (claimed or not), oldest first. */
  List<OpenTask> oldestWithCandidateGroup(int limit) {
    return describe(taskService.createTaskQuery().withCandidateGroups().includeAssignedTasks()
        .orderByTaskCreateTime().asc().listPage(0, limit), Set.of());
  }

  private List<OpenTask> describe(List<Task> tasks, Set<String> gateTaskIds) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, String> codes = instanceIds.isEmpty() ? Map.of()
        : historyService.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
            .filter(instance -> instance.getBusinessKey() != null)
            .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
    return tasks.stream().map(task -> new OpenTask(task, codes.get(task.getProcessInstanceId()),
        candidateGroups(task), gateTaskIds.contains(task.getId()))).toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().sorted().toList();
  }
}
