package io.openpmo.intake;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectGovernance.Capacity;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.security.Groups;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester (or the PMO) withdraws a request that is still in initiation. The withdrawal is recorded with
 * who gave it in which capacity; the process then records the withdrawn status, which the project's state
 * machine allows only with such a withdrawal on record.
 */
@Service
public class WithdrawalService {

  static final String MESSAGE = "WithdrawRequest";

  private final ProjectMapper projects;
  private final ProjectAccess access;
  private final ProjectGovernance governance;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final CurrentUser currentUser;

  public WithdrawalService(ProjectMapper projects, ProjectAccess access, ProjectGovernance governance,
      RuntimeService runtimeService, EngineAccess engineAccess, CurrentUser currentUser) {
    this.projects = projects;
    this.access = access;
    this.governance = governance;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.currentUser = currentUser;
  }

  @Transactional
  public Project withdraw(String code, String reason) {
    String user = currentUser.id().orElseThrow();
    // a project the caller may not see does not exist for them
    Project visible = access.visible(code);
    Capacity capacity;
    if (user.equals(visible.requester())) {
      capacity = Capacity.REQUESTER;
    } else if (currentUser.isInAnyGroup(Groups.PMO)) {
      capacity = Capacity.PMO;
    } else {
      throw BusinessRuleException.forbidden("Only the requester or the PMO may withdraw " + code);
    }
    // a second withdrawal at the same moment waits here for the first, then sees its outcome
    Project project = governance.lockForInstruction(visible.id());
    if (project.phase() != ProjectPhase.INITIATION || project.isFinal()) {
      throw BusinessRuleException.conflict(code + " is " + project.status() + " and can no longer be withdrawn");
    }
    governance.instructWithdrawal(project.id(), user, capacity, reason);
    // our rules above decided; the engine would ask for UPDATE on the process instance, which requesters lack
    engineAccess.asSystem(() -> runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceId(project.processInstanceId())
        .correlate());
    return projects.findByCode(code).orElseThrow();
  }
}
