package io.openpmo.task;

import io.openpmo.core.NotFoundException;
import io.openpmo.core.ProcessVariables;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records each user task when the engine creates it, and reads it back by id. */
@Service
public class TaskRecords {

  private final TaskRecordMapper mapper;
  private final Clock clock;

  TaskRecords(TaskRecordMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Called when the task is created, before any listener of the model runs. */
  @Transactional
  public TaskRecord recordCreated(DelegateTask task) {
    String groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().collect(Collectors.joining(","));
    String users = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).distinct().collect(Collectors.joining(","));
    String definitionKey = task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
    Object projectId = task.getExecution().getVariable(ProcessVariables.PROJECT_ID);
    TaskRecord record = new TaskRecord(task.getId(), task.getProcessInstanceId(), definitionKey,
        task.getTaskDefinitionKey(), projectId instanceof Number number ? number.longValue() : null,
        groups.isEmpty() ? null : groups, users.isEmpty() ? null : users, task.getAssignee(),
        null, null, null, null, null, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    mapper.insert(record);
    return record;
  }

  /** Marks a recorded task as a review: what it decides is fixed from now on. */
  @Transactional
  public void describeReview(String taskId, String subjectType, long subjectId, int round, String stage,
      String groupId) {
    mapper.describeReview(taskId, subjectType, subjectId, round, stage, groupId);
  }

  @Transactional(readOnly = true)
  public Optional<TaskRecord> find(String taskId) {
    return mapper.findById(taskId);
  }

  /** Every task ever created for the project (open or not), by id: from our record, with its project index. */
  @Transactional(readOnly = true)
  public List<String> taskIdsOfProject(long projectId) {
    return mapper.taskIdsOfProject(projectId);
  }

  @Transactional(readOnly = true)
  public TaskRecord get(String taskId) {
    return find(taskId).orElseThrow(() -> new NotFoundException("No task " + taskId));
  }
}
