package io.openpmo.intake;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.security.Groups;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The requester (or the PMO) withdraws a request that is still in initiation. */
@Service
public class WithdrawalService {

  static final String MESSAGE = "WithdrawRequest";

  private final ProjectMapper projects;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final CurrentUser currentUser;

  public WithdrawalService(ProjectMapper projects, RuntimeService runtimeService, EngineAccess engineAccess,
      CurrentUser currentUser) {
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.currentUser = currentUser;
  }

  @Transactional
  public Project withdraw(String code) {
    String user = currentUser.id().orElseThrow();
    Project project = projects.findByCode(code).orElseThrow(() -> new NotFoundException("No project " + code));
    if (!user.equals(project.requester()) && !currentUser.isInAnyGroup(Groups.PMO)) {
      throw BusinessRuleException.forbidden("Only the requester " + project.requester() + " or the PMO may withdraw "
          + code);
    }
    if (project.phase() != ProjectPhase.INITIATION || project.isFinal()) {
      throw BusinessRuleException.conflict(code + " is " + project.status() + " and can no longer be withdrawn");
    }
    // our rule above decided; the engine would ask for UPDATE on the process instance, which requesters lack
    engineAccess.asSystem(() -> runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceId(project.processInstanceId())
        .setVariable("withdrawnBy", user)
        .correlate());
    return projects.findByCode(code).orElseThrow();
  }
}
