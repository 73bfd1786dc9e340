package io.openpmo.change;

import static io.openpmo.core.FormValues.amount;
import static io.openpmo.core.FormValues.flag;
import static io.openpmo.core.FormValues.text;
import static io.openpmo.core.FormValues.whole;

import static io.openpmo.change.ChangeVariables.CHANGE_REQUEST_ID;

import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.EngineAccess;
import io.openpmo.project.Lifecycles;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewVariables;
import io.openpmo.security.Groups;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a change: through the API the change exists already; from the Tasklist start form it
 * is validated and recorded here (the requester must be the project's manager or the PMO). Then the
 * impact assessor is chosen (the project manager, or the PMO when the project manager raised it) and
 * the project's running lifecycle learns of the change by message.
 */
@Component("registerChangeRequestDelegate")
class RegisterChangeRequestDelegate implements JavaDelegate {

  private final ChangeService changes;
  private final ProjectMapper projects;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final CurrentUser currentUser;
  private final Lifecycles lifecycles;

  RegisterChangeRequestDelegate(ChangeService changes, ProjectMapper projects, RuntimeService runtimeService,
      EngineAccess engineAccess, CurrentUser currentUser, Lifecycles lifecycles) {
    this.changes = changes;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.currentUser = currentUser;
    this.lifecycles = lifecycles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeRequest change;
    if (execution.getVariable(CHANGE_REQUEST_ID) == null) {
      change = fromForm(execution);
      ChangeVariables.FORM_FIELDS.forEach(execution::removeVariable);
    } else {
      change = changes.get(((Number) execution.getVariable(CHANGE_REQUEST_ID)).longValue());
    }
    changes.attachProcess(change.id(), execution.getProcessInstanceId());
    Project project = projects.findById(change.projectId()).orElseThrow();
    execution.setProcessBusinessKey(project.code());
    execution.setVariable(CHANGE_REQUEST_ID, change.id());
    execution.setVariable(ChangeVariables.PROJECT_ID, project.id());
    execution.setVariable(ChangeVariables.PROJECT_CODE, project.code());
    execution.setVariable(ChangeVariables.PROJECT_MANAGER, project.projectManager());
    execution.setVariable(ChangeVariables.REQUESTED_BY, change.requestedBy());
    execution.setVariable(ReviewVariables.ROUND, 1);
    boolean pmRaisedIt = change.requestedBy().equals(project.projectManager());
    execution.setVariable(ChangeVariables.IMPACT_ASSESSOR, pmRaisedIt ? null : project.projectManager());
    execution.setVariable(ChangeVariables.IMPACT_ASSESSOR_GROUP, pmRaisedIt ? Groups.PMO : Groups.PROJECT_MANAGERS);
    var lifecycle = lifecycles.running(project.code())
        .orElseThrow(() -> new BadUserRequestException(project.code() + " has no running lifecycle to change"));
    engineAccess.asSystem(() -> {
      try {
        runtimeService.createMessageCorrelation(ChangeVariables.CHANGE_REQUESTED_MESSAGE)
            .processInstanceId(lifecycle.getId())
            .setVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST, change.code())
            .correlateWithResult();
      } catch (MismatchingMessageCorrelationException e) {
        throw new BadUserRequestException(project.code() + " has no running lifecycle to change");
      }
    });
  }

  private ChangeRequest fromForm(DelegateExecution execution) {
    String user = currentUser.id().orElseThrow(() ->
        new BadUserRequestException("A change request is raised by an authenticated user"));
    Object code = execution.getVariable(ChangeVariables.PROJECT_CODE);
    Project project = projects.findByCode(code == null ? "" : code.toString().strip())
        .orElseThrow(() -> new InvalidRequestException(ChangeVariables.PROJECT_CODE, "is not a known project: " + code));
    if (!user.equals(project.projectManager()) && !currentUser.isInAnyGroup(Groups.PMO)) {
      throw new BadUserRequestException("Only the project manager " + project.projectManager()
          + " or the PMO raises changes on " + project.code());
    }
    Map<String, Object> v = execution.getVariables();
    return changes.raise(project, new ChangeRequestInput(text(v.get("title")), text(v.get("reason")),
        flag(v.get("scopeChange")), text(v.get("scopeDescription")), whole(v.get("delayDays"), "delayDays"),
        amount(v.get("costDelta"), "costDelta"), text(v.get("riskImpact")), flag(v.get("regulatoryImpact")),
        flag(v.get("emergency")), null), user, "TASKLIST");
  }
}
