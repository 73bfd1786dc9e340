package io.openpmo.closure;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Lifecycles;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectGovernance.Capacity;
import io.openpmo.project.ProjectMapper;
import io.openpmo.security.Groups;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels an approved project that has not reached closure: its lifecycle ends (message CancelProject) and its
 * closure starts, in one transaction. The sponsor, the PMO and the committees may cancel.
 */
@Service
public class Cancellations {

  private final ProjectMapper projects;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final CurrentUser currentUser;
  private final Lifecycles lifecycles;
  private final ProjectGovernance governance;

  public Cancellations(ProjectMapper projects, RuntimeService runtimeService, EngineAccess engineAccess,
      CurrentUser currentUser, Lifecycles lifecycles, ProjectGovernance governance) {
    this.governance = governance;
    this.lifecycles = lifecycles;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.currentUser = currentUser;
  }

  @Transactional
  public Project cancel(Project project, String reason) {
    String user = currentUser.id().orElseThrow();
    Capacity capacity;
    if (user.equals(project.sponsor())) {
      capacity = Capacity.SPONSOR;
    } else if (currentUser.isInAnyGroup(Groups.PMO)) {
      capacity = Capacity.PMO;
    } else if (currentUser.isInAnyGroup(Groups.STEERING_COMMITTEE, Groups.EXECUTIVE_COMMITTEE)) {
      capacity = Capacity.COMMITTEE;
    } else {
      throw BusinessRuleException.forbidden("Only the sponsor, the PMO or a committee cancels " + project.code());
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new InvalidRequestException("reason", "is required (at most 2000 characters)");
    }
    // a second cancellation at the same moment waits here for the first, then finds no lifecycle running
    Project current = governance.lockForInstruction(project.id());
    ProcessInstance lifecycle = lifecycles.running(current.code()).orElseThrow(() -> BusinessRuleException.conflict(
        current.code() + " is " + current.status() + " (" + current.phase() + "): only a project between approval"
            + " and closure can be cancelled; a request in initiation is withdrawn"));
    governance.instructCancellation(project.id(), user, capacity, reason.strip());
    engineAccess.asSystem(() -> runtimeService.createMessageCorrelation(ClosureVariables.CANCEL_MESSAGE)
        .processInstanceId(lifecycle.getId())
        .setVariables(Map.of(ClosureVariables.CANCELLED_BY, user, ClosureVariables.CANCELLATION_REASON, reason.strip()))
        .correlate());
    return projects.findById(project.id()).orElseThrow();
  }
}
