package io.openpmo.status;

import io.openpmo.core.EngineAccess;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Whether the PMO's task of a kind is already open in a project's lifecycle, so that the PMO gets one task at a time
 * for a project (one RED intervention, one chase of missing reports), not one more for every report. Asked as the
 * system: the project manager whose report leads here may not see the PMO's tasks.
 */
@Component
class OpenPmoTasks {

  /** The PMO's intervention on a RED project. */
  static final String RED_INTERVENTION = "Task_InterveneOnRedProject";
  /** The PMO's chase of missing status reports. */
  static final String CHASE = "Task_ChaseStatusReports";

  private final TaskService taskService;
  private final EngineAccess engineAccess;

  OpenPmoTasks(TaskService taskService, EngineAccess engineAccess) {
    this.taskService = taskService;
    this.engineAccess = engineAccess;
  }

  boolean isOpen(String processInstanceId, String taskDefinitionKey) {
    return engineAccess.asSystem(() -> taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).count() > 0);
  }
}
