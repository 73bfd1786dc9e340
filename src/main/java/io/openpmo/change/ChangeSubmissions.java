package io.openpmo.change;

import io.openpmo.core.EngineAccess;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises a change request and starts its process in one transaction (API and RED intervention). */
@Service
public class ChangeSubmissions {

  private final ChangeService changes;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final ProjectGovernance governance;

  public ChangeSubmissions(ChangeService changes, RuntimeService runtimeService, EngineAccess engineAccess,
      ProjectGovernance governance) {
    this.changes = changes;
    this.governance = governance;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
  }

  @Transactional
  public ChangeRequest raise(Project project, ChangeRequestInput input, String by, String via) {
    ChangeRequest change = changes.raise(project, input, by, via);
    // our rules decided who may raise it; project managers need no start permission on the process
    engineAccess.asSystem(() -> runtimeService.createProcessInstanceByKey(ChangeVariables.PROCESS_KEY)
        .businessKey(project.code())
        .setVariable(ChangeVariables.CHANGE_REQUEST_ID, change.id())
        .setVariable(ChangeVariables.REQUESTED_BY, by)
        .execute());
    return changes.get(change.id());
  }

  /**
   * The PMO's intervention on a RED project raises a recovery change request: its reason is the comment the PMO
   * recorded with its decision (task_decision), its impact assessed by the project manager.
   */
  @Transactional
  public ChangeRequest raiseForRedProject(long projectId, String by) {
    Project project = changes.project(projectId);
    String comment = governance.latestTaskDecision(projectId, ProjectGovernance.RED_INTERVENTION_DECISION)
        .map(Evidence.TaskDecision::comment).orElse(null);
    return raise(project, new ChangeRequestInput("Recovery of RED project " + project.code(),
        comment == null ? "PMO intervention on a RED status report" : comment, false, null, 0, BigDecimal.ZERO,
        "HIGH", false, false, null), by, "RED_INTERVENTION");
  }

  /** Withdraws the undecided change requests of a project going into closure and ends their processes. */
  @Transactional
  public List<ChangeRequest> withdrawOpen(long projectId, String reason) {
    List<ChangeRequest> withdrawn = changes.withdrawOpen(projectId, reason);
    for (ChangeRequest change : withdrawn) {
      if (change.processInstanceId() != null) {
        engineAccess.asSystem(() -> runtimeService.deleteProcessInstanceIfExists(change.processInstanceId(),
            "Withdrawn: " + reason, true, true, true, false));
      }
    }
    return withdrawn;
  }
}
